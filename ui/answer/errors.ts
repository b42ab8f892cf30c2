import { hideKeys } from '../../common/api-key'
import type { Road } from '../../common/domain'
import { isObject } from '../../common/read/is-object'

/**
 * Everything that can go wrong between pressing Generate and having image bytes,
 * each with a short message that says what happened and what to do. The UI shows
 * `message` as is; nothing here ever carries a stack trace or the key.
 */
export type ErrorKind =
  | 'invalid-input'
  | 'bad-request'
  | 'bad-key'
  | 'malformed-key'
  | 'no-credit'
  | 'moderation'
  | 'no-endpoint'
  | 'upstream-timeout'
  | 'too-large'
  | 'rate-limited'
  | 'free-busy'
  | 'unavailable'
  | 'model-error'
  | 'no-image'
  | 'not-json'
  | 'bad-image'
  | 'network'
  | 'timeout'
  | 'cancelled'
  | 'cancelled-in-flight'

/**
 * For failures after the request reached OpenRouter: the model may have run, and
 * trying again at once could pay for the same image twice. The words only: what
 * the session counts is the `mayHaveCharged` each such error is raised with.
 */
/**
 * Said where another model may answer and the error cannot tell which: the
 * job names the nearest of the list that can, with the panel's switch to it
 * (ui/models/suggest-model.ts); these words stay only where the list has none.
 */
export const OTHER_MODEL = 'the other model'
export const MAY_HAVE_CHARGED = 'OpenRouter may still have charged for it: check openrouter.ai/activity before trying again.'

/** MAY_HAVE_CHARGED in `message` with the most it may come to ("up to $0.04"), once the job knows the request's price. */
export function withMostCharged(message: string, upTo: string): string {
  return message.replace(MAY_HAVE_CHARGED, MAY_HAVE_CHARGED.replace(':', `, up to ${upTo}:`))
}

/** MAY_HAVE_CHARGED in `message` said of a free model (a `:free` variant), which charges nothing whatever happened. */
export function withNothingCharged(message: string): string {
  return message.replace(MAY_HAVE_CHARGED, 'The model is free, so nothing was charged: you can try again.')
}

export class GenerationError extends Error {
  readonly kind: ErrorKind
  /** HTTP status, when the error came with one. */
  readonly status: number | null
  /** How long the server asked us to wait (Retry-After), in ms. */
  readonly retryAfterMs: number | null
  /** OpenRouter's own message, as it came: to tell one 404 from another, never to show. */
  readonly serverMessage: string | null
  /** A model that would do instead (a busy free model's paid twin), for a one-click switch. */
  readonly suggestedModel: string | null
  /** What the answer said it billed (`usage.cost`) when it came and brought no image: said with the message, and counted in the session's spend. */
  readonly charged: number | null
  /**
   * The request reached OpenRouter and was cut off (cancelled, timed out, dropped, a late server error)
   * with no word of a charge (`charged` is null): the session counts its price as one that may still be
   * charged, and asks the key's credit again. Set where the error is raised, with MAY_HAVE_CHARGED in
   * its words; never read from them, which may change while the count must not.
   */
  readonly mayHaveCharged: boolean

  constructor(
    kind: ErrorKind,
    message: string,
    options: {
      status?: number | null
      retryAfterMs?: number | null
      serverMessage?: string | null
      suggestedModel?: string | null
      charged?: number | null
      mayHaveCharged?: boolean
    } = {},
  ) {
    super(hideKeys(message))
    this.name = 'GenerationError'
    this.kind = kind
    this.status = options.status ?? null
    this.retryAfterMs = options.retryAfterMs ?? null
    this.serverMessage = options.serverMessage ? hideKeys(options.serverMessage) : null
    this.suggestedModel = options.suggestedModel ?? null
    this.charged = options.charged ?? null
    this.mayHaveCharged = options.mayHaveCharged ?? false
  }
}

/**
 * Cancel pressed before an image was placed. Before the request went (while
 * its inputs were prepared, or in the wait before a retry, which follows only
 * a refusal that cannot have been billed) nothing was spent. While it was in
 * flight, Cancel drops the connection, and OpenRouter may still bill the image
 * it goes on making (docs/contracts.md#cancel-and-billing).
 */
export function cancelledError(inFlight = false): GenerationError {
  if (inFlight) return new GenerationError('cancelled-in-flight', `Cancelled while OpenRouter was making the image, so nothing was placed. ${MAY_HAVE_CHARGED}`, { mayHaveCharged: true })
  return new GenerationError('cancelled', 'Cancelled before anything was sent: nothing was placed, and nothing was spent.')
}

/**
 * A server error that came after the model may have run (`mayHaveRun` in retry-policy.ts, which
 * does not send it again): said as possibly charged, so the message and the session's spend agree
 * with it. One that already says so (a 524) keeps its own words.
 */
export function mayHaveRunError(error: GenerationError): GenerationError {
  if (error.mayHaveCharged) return error
  const { status, retryAfterMs, serverMessage, suggestedModel, charged } = error
  const message = `Riverflow failed after it had started on the image, so nothing was placed. ${MAY_HAVE_CHARGED} (HTTP ${status})`
  return new GenerationError(error.kind, message, { status, retryAfterMs, serverMessage, suggestedModel, charged, mayHaveCharged: true })
}

interface ErrorBody {
  message: string | null
  reasons: string[]
  flagged: string | null
}

/** OpenRouter's error body, read defensively: newer bodies use other key names. */
export function readErrorBody(body: unknown): ErrorBody {
  const root = isObject(body) ? body : {}
  const error = isObject(root.error) ? root.error : root
  const message =
    typeof error.message === 'string' ? error.message : typeof error.error === 'string' ? error.error : null
  const metadata = isObject(error.metadata) ? error.metadata : {}
  const reasons = Array.isArray(metadata.reasons) ? metadata.reasons.filter((r): r is string => typeof r === 'string') : []
  const flagged = typeof metadata.flagged_input === 'string' ? metadata.flagged_input : null
  return { message, reasons, flagged }
}

/** Retry-After is seconds (or, rarely, an HTTP date). */
export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (header === null || header.trim() === '') return null
  const seconds = Number(header)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const date = Date.parse(header)
  return Number.isNaN(date) ? null : Math.max(0, date - now)
}

/** The error for an HTTP status other than 2xx, from the road it came by. */
export function errorFromStatus(status: number, bodyText: string, retryAfter: string | null = null, road: Road = 'chat'): GenerationError {
  let body: unknown = null
  try {
    body = JSON.parse(bodyText)
  } catch {
    // An HTML error page from a proxy: the status alone has to do.
  }
  const { message, reasons, flagged } = readErrorBody(body)
  // OpenRouter's code and words go last, for support: the designer reads what happened and what to do first.
  const detail = serverDetail(`HTTP ${status}`, message)
  const options = {
    status,
    retryAfterMs: parseRetryAfter(retryAfter),
    serverMessage: message,
  }
  // The Image API answers a generation that failed (or that its provider cancelled) with a 502, and does not bill it.
  if (status === 502 && road === 'images') {
    return new GenerationError('unavailable', `Riverflow could not make the image, and OpenRouter did not charge for it. Try again, or try ${OTHER_MODEL}.${detail}`, options)
  }
  switch (status) {
    case 400:
      return new GenerationError('bad-request', `OpenRouter refused the request. Check the prompt and settings, then try again.${detail}`, options)
    case 401:
      return new GenerationError('bad-key', 'Your OpenRouter key was not accepted: it may be mistyped, disabled or expired. Open Settings and paste a valid key.', options)
    case 402:
      return new GenerationError('no-credit', 'Not enough OpenRouter credit for this image (on the account or the key’s limit). Add credit at openrouter.ai/settings/credits, or choose a cheaper model or size.', options)
    case 403: {
      const why = reasons.length > 0 ? `: ${reasons.join(', ')}` : ''
      const what = flagged ? ` Flagged: “${oneLine(flagged)}”.` : ''
      return new GenerationError('moderation', `The request was blocked by moderation${why}.${what} Change the prompt or images and try again.`, options)
    }
    case 404:
      return new GenerationError('no-endpoint', `OpenRouter has no provider for this model and output right now. Try ${OTHER_MODEL}, or try again later.${detail}`, options)
    case 408:
      return new GenerationError('upstream-timeout', 'OpenRouter timed out before the image was ready. Try again; a smaller size or the Fast model is quicker.', options)
    case 413:
      return new GenerationError('too-large', 'The request is larger than Riverflow accepts (4.5 MB). Use fewer or smaller images.', options)
    case 429: {
      // OpenRouter may say how long: a wait of several minutes is said as it is, not as "a minute".
      const ms = options.retryAfterMs
      const wait = ms !== null && ms > 60_000 ? `Wait ${Math.ceil(ms / 60_000)} minutes` : 'Wait a minute'
      return new GenerationError('rate-limited', `OpenRouter is rate limiting this key. ${wait}, then try again.`, options)
    }
    case 524:
      return new GenerationError('upstream-timeout', `OpenRouter stopped waiting for Riverflow. ${MAY_HAVE_CHARGED} (HTTP 524)`, { ...options, mayHaveCharged: true })
    default:
      if (status >= 500) {
        return new GenerationError('unavailable', `Riverflow is unavailable or overloaded right now. Try again in a few minutes, or try ${OTHER_MODEL}. (HTTP ${status})`, options)
      }
      return new GenerationError('bad-request', `OpenRouter could not make the image. Try again.${detail}`, options)
  }
}

/**
 * OpenRouter's words on one line, cut short. Their round brackets become square
 * ones: the detail is the one bracket that ends a message, which the panel draws
 * quieter (ui/views/outcome/MessageText.tsx); one of theirs inside would end it early.
 */
function trimDetail(text: string): string {
  return oneLine(text.replace(/\(/g, '[').replace(/\)/g, ']'))
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > 160 ? `${line.slice(0, 157)}…` : line
}

/**
 * The detail for support that ends a message, "(code 502: Provider returned error)":
 * OpenRouter's code and words, last and in brackets (docs/architecture.md#messages),
 * never in the headline, where they may name the API's fields.
 */
export function serverDetail(code: string, message: string | null): string {
  return ` (${code}${message ? `: ${trimDetail(message)}` : ''})`
}

/** A trailing `(HTTP …)` or `(code …)`: what a sentence added to a message goes before. */
const TRAILING_DETAIL = /\s*\((?:HTTP|code) [^)]*\)\.?$/

/** What a message says for the designer, without OpenRouter's detail: a toast is a headline, with no room for the code. */
export function withoutDetail(message: string): string {
  return message.replace(TRAILING_DETAIL, '')
}

/** The message with `sentence` added to what it says, before OpenRouter's detail, which stays last. */
export function withSentence(message: string, sentence: string): string {
  const at = message.search(TRAILING_DETAIL)
  return at < 0 ? `${message} ${sentence}` : `${message.slice(0, at)} ${sentence}${message.slice(at)}`
}
