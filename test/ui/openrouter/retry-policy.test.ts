import { describe, expect, it } from 'vitest'
import { GenerationError, errorFromStatus } from '../../../ui/answer/errors'
import { FAST_FAILURE_MS, type FailedAttempt, MAX_RETRY_WAIT_MS, mayHaveRun, retryWaitMs } from '../../../ui/openrouter/retry-policy'

const failed = (status: number, options: { elapsedMs?: number; retryAfter?: string } = {}): FailedAttempt => ({
  error: errorFromStatus(status, '', options.retryAfter ?? null),
  elapsedMs: options.elapsedMs ?? 500,
})
const waitAfter = (failures: FailedAttempt[], remainingMs = 600_000) => retryWaitMs({ failures, maxRetries: 3, backoffMs: 1000, remainingMs })

describe('retryWaitMs', () => {
  it.each([429, 503, 529])('retries %i, refused before the model ran, with doubling backoff', (status) => {
    expect(waitAfter([failed(status)])).toBe(1000)
    expect(waitAfter([failed(status), failed(status)])).toBe(2000)
    expect(waitAfter([failed(status), failed(status), failed(status)])).toBe(4000)
  })

  it('gives up after maxRetries', () => {
    expect(waitAfter(Array.from({ length: 4 }, () => failed(503)))).toBeNull()
  })

  it('honours Retry-After', () => {
    expect(waitAfter([failed(429, { retryAfter: '7' })])).toBe(7000)
  })

  it('gives up rather than try again before a Retry-After too long to sit through', () => {
    const seconds = MAX_RETRY_WAIT_MS / 1000
    expect(waitAfter([failed(429, { retryAfter: String(seconds) })])).toBe(MAX_RETRY_WAIT_MS)
    expect(waitAfter([failed(429, { retryAfter: String(seconds + 1) })])).toBeNull()
  })

  it('gives up rather than wait past the deadline', () => {
    expect(waitAfter([failed(503, { retryAfter: '5' })], 4000)).toBeNull()
  })

  it('never retries a 524: the server timed out after accepting it, so the model may have run and billed', () => {
    expect(waitAfter([failed(524, { elapsedMs: 100 })])).toBeNull()
  })

  it('retries a 502 that failed fast, once', () => {
    expect(waitAfter([failed(502, { elapsedMs: FAST_FAILURE_MS - 1 })])).toBe(1000)
    expect(waitAfter([failed(502), failed(502)])).toBeNull()
    expect(waitAfter([failed(502), failed(429), failed(502)])).toBeNull()
  })

  it('never retries a 502 that came late: the model may have run and billed', () => {
    expect(waitAfter([failed(502, { elapsedMs: FAST_FAILURE_MS })])).toBeNull()
  })

  it.each([400, 401, 402, 403, 404, 408, 413, 500])('never retries %i', (status) => {
    expect(waitAfter([failed(status)])).toBeNull()
  })

  it.each(['network', 'timeout', 'model-error', 'no-image', 'not-json'] as const)('never retries a %s failure', (kind) => {
    expect(waitAfter([{ error: new GenerationError(kind, 'x'), elapsedMs: 100 }])).toBeNull()
  })
})

describe('mayHaveRun', () => {
  const late = { elapsedMs: FAST_FAILURE_MS }
  it.each([500, 502, 504, 520, 524])('says a late %i on chat completions, never sent again, may have run', (status) => {
    expect(waitAfter([failed(status, late)])).toBeNull()
    expect(mayHaveRun(failed(status, late), 'chat')).toBe(true)
  })

  it.each([500, 502, 524])('says no such thing of a %i that failed fast', (status) => {
    expect(mayHaveRun(failed(status, { elapsedMs: FAST_FAILURE_MS - 1 }), 'chat')).toBe(false)
  })

  it.each([429, 503, 529])('says no such thing of a late %i, a refusal that is sent again', (status) => {
    expect(waitAfter([failed(status, late)])).toBe(1000)
    expect(mayHaveRun(failed(status, late), 'chat')).toBe(false)
  })

  it('says no such thing of the Image API’s 502, which is not billed, but does of its late 500', () => {
    expect(mayHaveRun(failed(502, late), 'images')).toBe(false)
    expect(mayHaveRun(failed(500, late), 'images')).toBe(true)
  })

  it.each([400, 402, 408])('says no such thing of a %i, which is not a server error', (status) => {
    expect(mayHaveRun(failed(status, late), 'chat')).toBe(false)
  })
})
