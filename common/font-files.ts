// Where the font files the plugin sends may live. A font input's file is
// fetched by OpenRouter's side with the text it sets (docs/contracts.md#font-inputs),
// so a URL read from the document (a kit's font layer, a layer's record) could
// otherwise hand the designer's headline to any host. Shared by both halves:
// the sandbox checks a kit as it reads it, the UI a relaunch before it runs.

/** The host Google Fonts' stylesheets point their font files at: the only one the plugin picks itself. */
export const GOOGLE_FONT_FILES_ORIGIN = 'https://fonts.gstatic.com'

/** A font file on Google's font host, by https, on its default port. */
export function isGoogleFontFile(url: string): boolean {
  return url.startsWith(`${GOOGLE_FONT_FILES_ORIGIN}/`) && !/[\s\\]/.test(url)
}
