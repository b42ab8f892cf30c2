/**
 * Takes the base64 data URLs out of an answer's text before it is parsed.
 *
 * `JSON.parse` copies every string value into a string of its own; an image's
 * data URL is most of the body (41 MB for a 4K PNG), so parsing as is copies
 * the image once more and holds both copies together. Here each data URL is cut
 * out of the text as a slice, which the engine shares with the text rather than
 * copies, and a short placeholder takes its place in what gets parsed.
 */
export interface LiftedText {
  /** The text with each lifted URL replaced by a placeholder string. */
  text: string
  /** The lifted URLs, by placeholder number. */
  urls: string[]
}

const PLACEHOLDER = 'riverflow-lifted-url:'
/** Shorter data URLs cost nothing to parse: not worth a placeholder. */
const MIN_LIFTED_LENGTH = 1024

export function liftDataUrls(text: string): LiftedText {
  return liftStringValues(text, (from) => text.indexOf('"data:', from))
}

/**
 * The same for any long string value: `openingQuoteFrom(from)` gives the index
 * of the next candidate string's opening quote at or after `from`, or -1.
 */
export function liftStringValues(text: string, openingQuoteFrom: (from: number) => number): LiftedText {
  const parts: string[] = []
  const urls: string[] = []
  let copiedUpTo = 0
  let at = openingQuoteFrom(0)
  while (at >= 0) {
    const start = at + 1
    const end = text.indexOf('"', start)
    if (end < 0) break
    // Only a string's opening quote (not an escaped quote inside another string), and only a
    // value JSON left unescaped: base64 has no backslash unless a writer escaped its slashes.
    const opensString = text.charCodeAt(at - 1) !== 92 /* \ */
    if (opensString && end - start >= MIN_LIFTED_LENGTH) {
      const url = text.slice(start, end)
      if (!url.includes('\\')) {
        parts.push(text.slice(copiedUpTo, start), `${PLACEHOLDER}${urls.length}`)
        urls.push(url)
        copiedUpTo = end
      }
    }
    at = openingQuoteFrom(end + 1)
  }
  if (urls.length === 0) return { text, urls }
  parts.push(text.slice(copiedUpTo))
  return { text: parts.join(''), urls }
}

/** The URL a string of the parsed answer stands for: a lifted one, or the string itself. */
export function restoreLiftedUrl(value: string, lifted: LiftedText): string {
  if (!value.startsWith(PLACEHOLDER)) return value
  return lifted.urls[Number(value.slice(PLACEHOLDER.length))] ?? value
}
