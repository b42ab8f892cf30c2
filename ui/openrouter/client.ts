import { OPENROUTER_URL, authHeaders } from './endpoint'
import { GenerationError, cancelledError, errorFromStatus } from './errors'
import type { ImagesRequest } from './images-request'
import { type ChatCompletionRequest, MAX_REQUEST_BYTES, serializeRequest } from './request'
import { type GenerationResult, parseGenerationResponse } from './response'

/** Riverflow Pro may take minutes; SPEC says allow up to 10 before giving up. */
export const DEFAULT_TIMEOUT_MS = 10 * 60 * 1000
export const DEFAULT_MAX_RETRIES = 3
/** Never wait longer than this between attempts, whatever Retry-After says. */
const MAX_RETRY_WAIT_MS = 60_000

export interface RetryNotice {
  /** The attempt about to start, from 2. */
  attempt: number
  waitMs: number
  reason: GenerationError
}

/** Where a request goes and how its answer reads: chat completions unless told (road.ts). */
export interface GenerationEndpoint {
  path: string
  parse: (text: string) => GenerationResult
}

export interface RequestGenerationOptions {
  key: string
  request: ChatCompletionRequest | ImagesRequest
  endpoint?: GenerationEndpoint
  signal?: AbortSignal
  timeoutMs?: number
  maxRetries?: number
  baseUrl?: string
  onRetry?: (notice: RetryNotice) => void
  /** First backoff step; doubles each attempt. */
  backoffMs?: number
}

/**
 * Sends one generation request and returns the images of the answer.
 * Retries rate limits and overloads (429, 502, 503, 524, 529) a bounded number
 * of times, honouring Retry-After; anything else fails at once with a
 * GenerationError whose message the UI can show as is.
 */
export async function requestGenerationAsync(options: RequestGenerationOptions): Promise<GenerationResult> {
  const { json, bytes } = serializeRequest(options.request)
  if (bytes > MAX_REQUEST_BYTES) {
    // Sending it would only earn a 413.
    throw new GenerationError(
      'too-large',
      `The request is ${(bytes / 1048576).toFixed(1)} MB; Riverflow accepts 4.5 MB at most. Use fewer or smaller images.`,
    )
  }
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES
  const backoffMs = options.backoffMs ?? 2000
  const deadline = withTimeout(options.signal, options.timeoutMs ?? DEFAULT_TIMEOUT_MS)
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        return await attemptAsync(options, json, deadline)
      } catch (error) {
        const failure = toGenerationError(error, deadline)
        if (!failure.retryable || attempt > maxRetries) throw failure
        // The server's Retry-After when it gives one, else doubling backoff.
        const waitMs = Math.min(MAX_RETRY_WAIT_MS, failure.retryAfterMs ?? backoffMs * 2 ** (attempt - 1))
        options.onRetry?.({ attempt: attempt + 1, waitMs, reason: failure })
        await sleepAsync(waitMs, deadline.signal).catch((e) => {
          throw toGenerationError(e, deadline)
        })
      }
    }
  } finally {
    deadline.dispose()
  }
}

async function attemptAsync(options: RequestGenerationOptions, json: string, deadline: Deadline): Promise<GenerationResult> {
  const response = await fetch(`${options.baseUrl ?? OPENROUTER_URL}${options.endpoint?.path ?? '/api/v1/chat/completions'}`, {
    method: 'POST',
    headers: { ...authHeaders(options.key), 'Content-Type': 'application/json' },
    body: json,
    signal: deadline.signal,
  })
  const text = await response.text()
  if (!response.ok) throw errorFromStatus(response.status, text, response.headers.get('Retry-After'))
  return (options.endpoint?.parse ?? parseGenerationResponse)(text)
}

interface Deadline {
  signal: AbortSignal
  timedOut: () => boolean
  dispose: () => void
}

/** One signal that fires on the caller's abort (Cancel) or when the time is up. */
function withTimeout(outer: AbortSignal | undefined, timeoutMs: number): Deadline {
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, timeoutMs)
  const onAbort = () => controller.abort()
  if (outer?.aborted) controller.abort()
  outer?.addEventListener('abort', onAbort)
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose: () => {
      clearTimeout(timer)
      outer?.removeEventListener('abort', onAbort)
    },
  }
}

function toGenerationError(error: unknown, deadline: Deadline): GenerationError {
  if (error instanceof GenerationError) return error
  if (deadline.signal.aborted) {
    if (deadline.timedOut()) {
      return new GenerationError(
        'timeout',
        'No image after waiting the full time, so the request was stopped. Try again, or use the Fast model or a smaller size.',
      )
    }
    return cancelledError()
  }
  // fetch rejects with a TypeError for DNS, TLS, CORS and dropped connections alike.
  return new GenerationError('network', 'Could not reach OpenRouter. Check your internet connection, then try again.')
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
