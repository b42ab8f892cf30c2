import { type LiftedText, liftStringValues, restoreLiftedUrl } from './lift-data-urls'
import { type GenerationResult, type ImageSource, costOf, hasError, modelError, noImage, unreadableAnswer } from './response'
import { isObject } from '../../common/read/is-object'

/**
 * Reads the body of a 200 from the Image API: `{created, data: [{b64_json,
 * media_type}], usage: {cost}}` (docs/contracts.md#the-image-api). Each image's base64 stays a slice of
 * `text`, lifted out before parsing as data URLs are on the chat road, and goes
 * to the decoder as it is: no `data:` string is built around it. Read as
 * leniently as chat completions: an image that came back was paid for, so it
 * is kept beside `"error": null` or an empty error; only an error with no
 * image fails.
 */
export function parseImagesResponse(text: string): GenerationResult {
  const lifted = liftStringValues(text, (from) => b64JsonValueAt(text, from))
  let body: unknown
  try {
    body = JSON.parse(lifted.text.trim())
  } catch {
    body = null
  }
  if (!isObject(body)) throw unreadableAnswer()
  const entries = Array.isArray(body.data) ? body.data : []
  const images = entries.map((entry) => imageOf(entry, lifted)).filter((image): image is ImageSource => image !== null)
  const cost = costOf(body)
  if (images.length === 0) throw hasError(body) ? modelError(body, cost) : noImage(cost)
  return { images, cost, generationId: typeof body.id === 'string' ? body.id : null }
}

function imageOf(entry: unknown, lifted: LiftedText): ImageSource | null {
  if (!isObject(entry)) return null
  if (typeof entry.b64_json === 'string') {
    const mime = typeof entry.media_type === 'string' ? entry.media_type : 'image/png'
    return { kind: 'base64', mime, base64: restoreLiftedUrl(entry.b64_json, lifted) }
  }
  // Always base64 by the documentation; a link is still an image if one ever comes.
  return typeof entry.url === 'string' && entry.url.startsWith('https://') ? { kind: 'remote', url: entry.url } : null
}

/** The opening quote of the next `"b64_json": "…"` value at or after `from`, or -1. */
function b64JsonValueAt(text: string, from: number): number {
  const key = '"b64_json"'
  for (let at = text.indexOf(key, from); at >= 0; at = text.indexOf(key, at + 1)) {
    let i = at + key.length
    while (isSpace(text.charCodeAt(i))) i++
    if (text[i++] !== ':') continue
    while (isSpace(text.charCodeAt(i))) i++
    if (text[i] === '"') return i
  }
  return -1
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9
}
