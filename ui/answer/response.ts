import { decodeBase64, decodeDataUrl } from '../image/data-url'
import { GenerationError, MAY_HAVE_CHARGED, readErrorBody, serverDetail } from './errors'
import { type LiftedText, liftDataUrls, restoreLiftedUrl } from './lift-data-urls'
import { isObject } from '../../common/read/is-object'
import { withTimeout } from '../deadline'

/**
 * One image of an answer: a data URL (usually PNG), an https URL, or the Image
 * API's bare base64 with its MIME type (images-response.ts); or its bytes,
 * once the image worker has decoded either (answer-body.ts).
 */
export type ImageSource =
  | { kind: 'data'; url: string }
  | { kind: 'remote'; url: string }
  | { kind: 'base64'; mime: string; base64: string }
  | { kind: 'bytes'; bytes: Uint8Array }

export interface GenerationResult {
  images: ImageSource[]
  /** `usage.cost`: what the request was charged, in USD credits. */
  cost: number | null
  generationId: string | null
}

/**
 * Reads the body of a 200 answer. OpenRouter may send blank lines and spaces
 * (keep-alive) before the JSON, and once the model has started, failures also
 * arrive with 200: a choice carrying `error`, or a message with no images.
 * An image that came back was paid for, so it is kept whatever stands beside it
 * (`"error": null`, `finish_reason: "error"`) and wherever it sits (any choice,
 * `message.images` or `message.content` parts); only an error with no image fails.
 */
export function parseGenerationResponse(text: string): GenerationResult {
  // The images' data URLs stay slices of `text` instead of being copied by JSON.parse.
  const lifted = liftDataUrls(text)
  let body: unknown
  try {
    body = JSON.parse(lifted.text.trim())
  } catch {
    body = null
  }
  if (!isObject(body)) throw unreadableAnswer()
  const choices = Array.isArray(body.choices) ? body.choices.filter(isObject) : []
  const images = choices.flatMap((choice) => imagesOf(choice, lifted))
  const cost = costOf(body)
  if (images.length === 0) {
    const failed = [body, ...choices].find((holder) => hasError(holder) || holder.finish_reason === 'error')
    throw failed ? modelError(failed, cost) : noImage(cost)
  }
  return { images, cost, generationId: typeof body.id === 'string' ? body.id : null }
}

/** What an answer says it billed (`usage.cost`); null when it does not say. */
export function costOf(body: Record<string, unknown>): number | null {
  const usage = isObject(body.usage) ? body.usage : {}
  return typeof usage.cost === 'number' && Number.isFinite(usage.cost) && usage.cost >= 0 ? usage.cost : null
}

/** An answer with no image in it and no error: a refusal or an empty result. `cost`: what it says it billed all the same. */
export function noImage(cost: number | null): GenerationError {
  return new GenerationError('no-image', 'The model finished without an image. Try again, or reword the prompt (a refused or empty result looks like this).', { charged: cost })
}

function imagesOf(choice: Record<string, unknown>, lifted: LiftedText): ImageSource[] {
  const message = isObject(choice.message) ? choice.message : {}
  const entries = [message.images, message.content].flatMap((list) => (Array.isArray(list) ? list : []))
  const images: ImageSource[] = []
  for (const entry of entries) {
    const value = isObject(entry) ? urlOf(entry.image_url) : null
    const image = value === null ? null : imageSource(restoreLiftedUrl(value, lifted))
    if (image) images.push(image)
  }
  return images
}

/** `image_url` is `{url}` by the contract, but a plain string has been seen too. */
function urlOf(imageUrl: unknown): string | null {
  if (typeof imageUrl === 'string') return imageUrl
  return isObject(imageUrl) && typeof imageUrl.url === 'string' ? imageUrl.url : null
}

/**
 * Schemes are case-insensitive and writers pad URLs, so ` DATA:` and `HTTPS://` are
 * images too; the URL is handed on trimmed with its scheme in lower case, as the decoder
 * and fetch expect. Only the first characters are looked at: the rest may be megabytes.
 */
function imageSource(value: string): ImageSource | null {
  const url = value.trim()
  const head = url.slice(0, 8).toLowerCase()
  if (head.startsWith('data:')) return { kind: 'data', url: withLowerCase('data:', url) }
  if (head === 'https://') return { kind: 'remote', url: withLowerCase('https://', url) }
  return null
}

function withLowerCase(scheme: string, url: string): string {
  return url.startsWith(scheme) ? url : scheme + url.slice(scheme.length)
}

/**
 * A 200 that cannot be read may well be a finished, billed image cut off on the
 * way: the designer must check before paying again, on either road.
 */
export function unreadableAnswer(): GenerationError {
  return new GenerationError('not-json', `OpenRouter’s answer could not be read (it was cut off or not JSON). ${MAY_HAVE_CHARGED}`, { mayHaveCharged: true })
}

/** `"error": null`, `""` or `{}` is how some answers say there was none. */
export function hasError(holder: Record<string, unknown>): boolean {
  const error = holder.error
  if (error === undefined || error === null || error === '') return false
  return !(typeof error === 'object' && Object.keys(error).length === 0)
}

/** A failure the answer itself carries; OpenRouter's words about it go last, with its code (else the HTTP 200 it came with). */
export function modelError(holder: Record<string, unknown>, cost: number | null = null): GenerationError {
  const { message } = readErrorBody(holder)
  const code = isObject(holder.error) && typeof holder.error.code === 'number' ? `code ${holder.error.code}` : 'HTTP 200'
  const detail = message ? serverDetail(code, message) : ''
  return new GenerationError('model-error', `The model failed while making the image. Try again.${detail}`, { charged: cost, serverMessage: message })
}


/** The bytes of one image of an answer; throws a GenerationError the designer can read. */
export async function readImageBytesAsync(source: ImageSource, signal?: AbortSignal): Promise<Uint8Array> {
  if (source.kind === 'bytes') return source.bytes
  if (source.kind !== 'remote') {
    // The Image API's bare base64 decodes as a data URL's payload does, without a data: string around it.
    const bytes = source.kind === 'data' ? decodeDataUrl(source.url)?.bytes : decodeBase64(source.base64)
    if (!bytes) throw new GenerationError('bad-image', 'The image in OpenRouter’s answer was damaged and could not be decoded. Try again.')
    return bytes
  }
  // An https image may live on a host the manifest does not allow, or never finish
  // coming (the image is paid for: the job must end); then the designer can still open it in the browser.
  const deadline = withTimeout(signal, IMAGE_DOWNLOAD_TIMEOUT_MS)
  try {
    const response = await fetch(source.url, { signal: deadline.signal })
    if (!response.ok) throw new Error(String(response.status))
    return new Uint8Array(await response.arrayBuffer())
  } catch {
    throw new GenerationError('bad-image', 'The image came back as a link the plugin could not download. Open it in your browser to save it.')
  } finally {
    deadline.dispose()
  }
}

/** An image of a few MB downloads in seconds; past this the link is kept for the browser instead. */
const IMAGE_DOWNLOAD_TIMEOUT_MS = 2 * 60 * 1000
