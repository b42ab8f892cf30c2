import type { AnswerRoad } from '../answer/answer-body'
import type { GenerationError } from '../answer/errors'

/**
 * Sending a request again must never risk paying for it twice, so only failures
 * that mean the model never ran are retried.
 */

/** Rate limited (429), no provider (503), provider overloaded (529): refused before the model ran. */
const REFUSED_BEFORE_RUNNING = new Set([429, 503, 529])

/**
 * A 502 this soon after sending is the provider turning the request away; a later
 * server error may follow a model that ran and was billed, so it is not sent again.
 */
export const FAST_FAILURE_MS = 10_000

/** Longer than this, a designer would rather be told than watch a countdown. */
export const MAX_RETRY_WAIT_MS = 60_000

export interface FailedAttempt {
  error: GenerationError
  /** From sending the request to its failure. */
  elapsedMs: number
}

export interface RetryContext {
  /** Every failed attempt of this request so far, the latest last. */
  failures: FailedAttempt[]
  maxRetries: number
  /** First backoff step; doubles each attempt. */
  backoffMs: number
  /** Until the request gives up. */
  remainingMs: number
}

/** How long to wait before sending the request again, or null to give up now. */
export function retryWaitMs(context: RetryContext): number | null {
  const { failures } = context
  const latest = failures[failures.length - 1]
  if (failures.length > context.maxRetries || !mayResend(latest, failures)) return null
  const retryAfterMs = latest.error.retryAfterMs
  // Sending before the server's Retry-After only earns another refusal.
  if (retryAfterMs !== null && retryAfterMs > MAX_RETRY_WAIT_MS) return null
  const waitMs = retryAfterMs ?? Math.min(MAX_RETRY_WAIT_MS, context.backoffMs * 2 ** (failures.length - 1))
  // A wait that outlasts the deadline would end in a timeout, not an image.
  return waitMs < context.remainingMs ? waitMs : null
}

/**
 * A server error (500, 502, 524…) that came late and is not sent again: the model may have run
 * and been billed. Not a refusal, which is sent again, nor the Image API's 502, which is not billed.
 */
export function mayHaveRun(attempt: FailedAttempt, road: AnswerRoad): boolean {
  const status = attempt.error.status
  if (status === null || status < 500 || REFUSED_BEFORE_RUNNING.has(status)) return false
  if (status === 502 && road === 'images') return false
  return attempt.elapsedMs >= FAST_FAILURE_MS
}

function mayResend(latest: FailedAttempt, failures: FailedAttempt[]): boolean {
  const status = latest.error.status
  if (status !== null && REFUSED_BEFORE_RUNNING.has(status)) return true
  if (status === 502) return latest.elapsedMs < FAST_FAILURE_MS && failures.filter((f) => f.error.status === 502).length === 1
  // 524 above all: the server timed out after accepting the request, so the model may have run and billed.
  return false
}
