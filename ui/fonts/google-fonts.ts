/**
 * Finds a font file for a Figma font through the Google Fonts CSS2 API, so that
 * "Use selected text layer" works without the designer hunting for a URL.
 * Google answers a CSS2 request with @font-face rules whose `src` is the file on
 * fonts.gstatic.com. With `text=` it returns one small file holding just the
 * glyphs of that text: exactly what Riverflow needs, whatever the script.
 */
// Only `npm run preview` sets RIVERFLOW_GOOGLE_FONTS_URL, to its local stand-in.
export const GOOGLE_FONTS_CSS_URL: string = import.meta.env.RIVERFLOW_GOOGLE_FONTS_URL ?? 'https://fonts.googleapis.com'

export interface FontAxes {
  weight: number
  italic: boolean
}

const WEIGHTS: [RegExp, number][] = [
  [/thin|hairline/, 100],
  [/extra\s*light|ultra\s*light/, 200],
  [/semi\s*bold|demi\s*bold/, 600],
  [/extra\s*bold|ultra\s*bold/, 800],
  [/light/, 300],
  [/medium/, 500],
  [/bold/, 700],
  [/black|heavy/, 900],
]

/** Figma's style names ("Semi Bold Italic") as CSS weight and italic. */
export function axesFromStyle(style: string): FontAxes {
  const lower = style.toLowerCase()
  const weight = WEIGHTS.find(([pattern]) => pattern.test(lower))?.[1] ?? 400
  return { weight, italic: /italic|oblique/.test(lower) }
}

export function googleFontsCssUrl(family: string, style: string, text: string, baseUrl = GOOGLE_FONTS_CSS_URL): string {
  const { weight, italic } = axesFromStyle(style)
  const axes = italic ? `ital,wght@1,${weight}` : `wght@${weight}`
  const params = new URLSearchParams({ family: `${family}:${axes}`, text })
  // URLSearchParams writes ':' '@' ',' escaped; Google accepts both forms.
  return `${baseUrl}/css2?${params.toString()}`
}

/** The first font file URL in a stylesheet's @font-face `src`. */
export function fontUrlFromCss(css: string): string | null {
  const match = /src:\s*url\(\s*['"]?(https?:\/\/[^'")\s]+)['"]?\s*\)/.exec(css)
  return match ? match[1] : null
}

export type FontLookup = { ok: true; url: string } | { ok: false; message: string }

/** Resolves a Google Fonts family and style to a font file URL, or says why not. */
export async function resolveGoogleFontAsync(
  family: string,
  style: string,
  text: string,
  options: { baseUrl?: string; signal?: AbortSignal } = {},
): Promise<FontLookup> {
  const notFound: FontLookup = {
    ok: false,
    message: `Google Fonts does not serve “${family} ${style}”. Paste a URL to the font’s .ttf, .otf, .woff or .woff2 file.`,
  }
  let response: Response
  try {
    response = await fetch(googleFontsCssUrl(family, style, text, options.baseUrl), { signal: options.signal })
  } catch {
    return { ok: false, message: 'Could not reach Google Fonts to find this font. Paste a URL to the font file instead.' }
  }
  // Google answers 400 for a family it does not serve.
  if (!response.ok) return notFound
  const url = fontUrlFromCss(await response.text())
  return url ? { ok: true, url } : notFound
}
