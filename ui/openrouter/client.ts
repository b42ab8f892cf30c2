import { countImageJob, imageWorker } from '../image-worker/image-worker'
import { copyInSlicesAsync } from '../image/copy-in-slices'
import { type ImageBytes, swapImageBytes } from '../image/data-url'
import { type AnswerRoad, parseAnswer } from '../answer/answer-body'
import type { Connection } from './connection'
import { OPENROUTER_URL, authHeaders } from './endpoint'
import { GenerationError, MAY_HAVE_CHARGED, cancelledError, errorFromStatus, mayHaveRunError } from '../answer/errors'
import type { ImagesRequest } from './images-request'
import { type ChatCompletionRequest, MAX_REQUEST_BYTES, serializeRequest } from './request'
import type { GenerationResult } from '../answer/response'
import { type FailedAttempt, mayHaveRun, retryWaitMs } from './retry-policy'
import { type Deadline, withTimeout } from '../deadline'

/** Riverflow Pro may take minutes; allow up to 10 before giving up (docs/contracts.md#timeouts). */
const DEFAULT_TIMEOUT_MS = 10 * 60 * 1000
const DEFAULT_BACKOFF_MS = 2000
const MAX_RETRIES = 3

export interface RetryNotice {
  /** The attempt about to start, from 2. */
  attempt: number
  waitMs: number
  /** When the wait ends (ms since epoch), for a live countdown. */
  retryAt: number
  reason: GenerationError
}

/** Where a request goes and which road's answer comes back: chat completions unless told (road.ts). */
interface GenerationEndpoint {
  path: string
  road: AnswerRoad
}

/** What belongs to one request rather than to the connection. */
export interface RequestOptions {
  /** Chat completions unless told: the Image API is the other road. */
  endpoint?: GenerationEndpoint
  /** Cancel: stops the request in flight or the wait before a retry. */
  signal?: AbortSignal
  onRetry?: (notice: RetryNotice) => void
  /**
   * Failures the designer would rather be told of at once than wait out, even
   * where a retry would be safe: a busy free model, which has a paid twin.
   */
  tellAtOnce?: (failure: GenerationError) => boolean
}

/**
 * Sends one generation request and returns the images of the answer.
 * Sends it again only after failures that cannot have been billed (retry-policy.ts),
 * a bounded number of times, honouring Retry-After; anything else fails at once
 * with a GenerationError whose message the UI can show as is.
 */
export async function requestGenerationAsync(
  connection: Connection,
  request: ChatCompletionRequest | ImagesRequest,
  options: RequestOptions = {},
): Promise<GenerationResult> {
  const { body, bytes } = await writeBodyAsync(request)
  if (bytes > MAX_REQUEST_BYTES) {
    // Sending it would only earn a 413.
    throw new GenerationError(
      'too-large',
      `The request is ${(Math.ceil(bytes / 100_000) / 10).toFixed(1)} MB; Riverflow accepts 4.5 MB at most. Use fewer or smaller images.`,
    )
  }
  const backoffMs = connection.backoffMs ?? DEFAULT_BACKOFF_MS
  const deadline = withTimeout(options.signal, connection.timeoutMs ?? DEFAULT_TIMEOUT_MS)
  const failures: FailedAttempt[] = []
  try {
    for (let attempt = 1; ; attempt++) {
      // Cancelled before this attempt went: fetch would not send it, so nothing can be billed.
      if (deadline.signal.aborted) throw toGenerationError(deadline.signal.reason, deadline, false)
      const sentAt = Date.now()
      try {
        return await attemptAsync(connection, body, deadline, options.endpoint)
      } catch (error) {
        const failure = toGenerationError(error, deadline, true)
        const failed = { error: failure, elapsedMs: Date.now() - sentAt }
        failures.push(failed)
        if (options.tellAtOnce?.(failure)) throw failure
        const waitMs = retryWaitMs({ failures, maxRetries: MAX_RETRIES, backoffMs, remainingMs: deadline.endsAt - Date.now() })
        // Not sent again because the model may have run: the designer is told it may be charged, and the session counts it.
        if (waitMs === null) throw mayHaveRun(failed, options.endpoint?.road ?? 'chat') ? mayHaveRunError(failure) : failure
        options.onRetry?.({ attempt: attempt + 1, waitMs, retryAt: Date.now() + waitMs, reason: failure })
        // Only a refusal that cannot have been billed is waited out (retry-policy.ts): nothing is in flight.
        await sleepAsync(waitMs, deadline.signal).catch((e) => {
          throw toGenerationError(e, deadline, false)
        })
      }
    }
  } finally {
    deadline.dispose()
  }
}

/** What `fetch` sends: a Blob the image worker wrote, or the UTF-8 written here where it cannot run. */
type Body = Blob | Uint8Array<ArrayBuffer>

/**
 * The request's body, written in the image worker: the JSON of megabytes of data
 * URLs, its UTF-8, and `fetch`'s copy of it held the panel's main thread for
 * 100 ms and more a request (bench/results/notes.md); a Blob goes to `fetch`
 * by reference. The images go as copies made a slice a task and moved there,
 * so the request keeps its own should the worker not finish. Where the worker
 * cannot run, the body is written here.
 */
async function writeBodyAsync(request: object): Promise<{ body: Body; bytes: number }> {
  if (await imageWorker.runsAsync()) {
    const copies: ImageBytes[] = []
    for (const image of imagesOf(request)) copies.push({ mimeType: image.mimeType, bytes: await copyInSlicesAsync(image.bytes) })
    let next = 0
    const withCopies = swapImageBytes(request, () => copies[next++])
    const outcome = await imageWorker.runAsync({ type: 'body', request: withCopies }, copies.map((copy) => copy.bytes.buffer))
    if (outcome.ok) {
      countImageJob('worker', 'body')
      return { body: outcome.result, bytes: outcome.result.size }
    }
  }
  countImageJob('main', 'body')
  const { body, bytes } = serializeRequest(request)
  return { body, bytes }
}

/** The images a request carries, in the order `swapImageBytes` meets them. */
function imagesOf(request: object): ImageBytes[] {
  const images: ImageBytes[] = []
  swapImageBytes(request, (image) => (images.push(image), image))
  return images
}

async function attemptAsync(connection: Connection, body: Body, deadline: Deadline, endpoint: GenerationEndpoint | undefined): Promise<GenerationResult> {
  const response = await fetch(`${connection.baseUrl ?? OPENROUTER_URL}${endpoint?.path ?? '/api/v1/chat/completions'}`, {
    method: 'POST',
    headers: { ...authHeaders(connection.key), 'Content-Type': 'application/json' },
    body,
    signal: deadline.signal,
  })
  // A Blob: the answer's megabytes stay out of the main thread's heap until a reader asks for them.
  const answer = await response.blob().catch((error: unknown) => {
    // Cancel and the timeout also end the body early; toGenerationError names those.
    if (deadline.signal.aborted) throw error
    throw new GenerationError('network', `The connection dropped while OpenRouter’s answer was arriving. ${MAY_HAVE_CHARGED}`, { mayHaveCharged: true })
  })
  if (!response.ok) throw errorFromStatus(response.status, await answer.text(), response.headers.get('Retry-After'), endpoint?.road)
  return readAnswerAsync(answer, endpoint?.road ?? 'chat')
}

/**
 * Reads a 200 answer in the image worker, or here where it cannot run: a 2K
 * answer is some 10 MB of JSON around one base64 image, and decoding the text,
 * parsing it and decoding the image held the panel's main thread for tens of
 * milliseconds an answer, several at once in a batch. The worker gets the Blob
 * by reference and the main thread keeps it: the body is a paid image, and a
 * worker lost mid-job must not take it along. An answer that does not read is
 * read here again, which throws the error the designer is shown.
 */
async function readAnswerAsync(body: Blob, road: AnswerRoad): Promise<GenerationResult> {
  const outcome = await imageWorker.runAsync({ type: 'answer', body, road }, [])
  if (outcome.ok) {
    countImageJob('worker', 'answer')
    return outcome.result
  }
  countImageJob('main', 'answer')
  return parseAnswer(await body.text(), road)
}

/** `inFlight`: the request had gone to OpenRouter when it failed, so a Cancel then may still be billed. */
function toGenerationError(error: unknown, deadline: Deadline, inFlight: boolean): GenerationError {
  if (error instanceof GenerationError) return error
  if (deadline.signal.aborted) {
    if (deadline.timedOut()) {
      return new GenerationError('timeout', `No image after waiting the full time, so the request was stopped. ${MAY_HAVE_CHARGED}`, { mayHaveCharged: true })
    }
    return cancelledError(inFlight)
  }
  // fetch rejects with a TypeError for DNS, TLS, CORS and dropped connections alike:
  // whether the request got through cannot be told, so the designer is told both.
  return new GenerationError('network', `Lost the connection to OpenRouter (check your internet connection). ${MAY_HAVE_CHARGED}`, { mayHaveCharged: true })
}

function sleepAsync(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal.reason)
    }
    signal.addEventListener('abort', onAbort, { once: true })
  })
}
