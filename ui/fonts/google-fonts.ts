/**
 * Finds a font file for a Figma font through the Google Fonts CSS2 API, so that
 * "Use selected text layer" works without the designer hunting for a URL.
 * Google answers a CSS2 request with @font-face rules whose `src` is the file on
 * fonts.gstatic.com. With `text=` it returns one small file holding just the
 * glyphs of that text: exactly what Riverflow needs, whatever the script.
 */
import { hideKeys } from '../../common/api-key'

// Only `npm run preview` sets RIVERFLOW_GOOGLE_FONTS_URL, to its local stand-in.
const GOOGLE_FONTS_CSS_URL: string = import.meta.env.RIVERFLOW_GOOGLE_FONTS_URL ?? 'https://fonts.googleapis.com'

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

function googleFontsCssUrl(family: string, style: string, text: string, baseUrl = GOOGLE_FONTS_CSS_URL): string {
  const { weight, italic } = axesFromStyle(style)
  const axes = italic ? `ital,wght@1,${weight}` : `wght@${weight}`
  // Google is told the text, never a key pasted in it: a key goes to openrouter.ai alone.
  const params = new URLSearchParams({ family: `${family}:${axes}`, text: hideKeys(text) })
  // URLSearchParams writes ':' '@' ',' escaped; Google accepts both forms.
  return `${baseUrl}/css2?${params.toString()}`
}

/** The first font file URL in a stylesheet's @font-face `src`. */
export function fontUrlFromCss(css: string): string | null {
  const match = /src:\s*url\(\s*['"]?(https?:\/\/[^'")\s]+)['"]?\s*\)/.exec(css)
  return match ? match[1] : null
}

/** Why a lookup found no file: Google does not serve the font, could not be reached, or did not answer in time. */
type FontLookupFailure = 'not-served' | 'unreachable' | 'late'

export type FontLookup = { ok: true; url: string } | { ok: false; reason: FontLookupFailure; message: string }

/**
 * Google's stylesheet comes in well under a second; past this it is not
 * coming. Without a limit a lookup that hangs would hold every click, quick
 * action and relaunch that waits for a brand kit's fonts.
 */
const FONT_LOOKUP_TIMEOUT_MS = 10_000

/** Resolves a Google Fonts family and style to a font file URL, or says why not; never waits past FONT_LOOKUP_TIMEOUT_MS. */
export async function resolveGoogleFontAsync(
  family: string,
  style: string,
  text: string,
  options: { baseUrl?: string; signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<FontLookup> {
  const notFound: FontLookup = {
    ok: false,
    reason: 'not-served',
    message: `Google Fonts does not serve “${family} ${style}”. Paste a URL to the font’s .ttf, .otf, .woff or .woff2 file.`,
  }
  const stop = new AbortController()
  const timer = setTimeout(() => stop.abort(), options.timeoutMs ?? FONT_LOOKUP_TIMEOUT_MS)
  const cancel = () => stop.abort()
  options.signal?.addEventListener('abort', cancel)
  if (options.signal?.aborted) stop.abort()
  try {
    const response = await fetch(googleFontsCssUrl(family, style, text, options.baseUrl), { signal: stop.signal })
    // Google answers 400 for a family it does not serve.
    if (!response.ok) return notFound
    const url = fontUrlFromCss(await response.text())
    return url ? { ok: true, url } : notFound
  } catch {
    const late = stop.signal.aborted && !options.signal?.aborted
    return { ok: false, reason: late ? 'late' : 'unreachable', message: `${late ? 'Google Fonts did not answer in time' : 'Could not reach Google Fonts'} to find this font. Paste a URL to the font file instead.` }
  } finally {
    clearTimeout(timer)
    options.signal?.removeEventListener('abort', cancel)
  }
}
