import { describe, expect, it } from 'vitest'
import { GenerationError, errorFromStatus } from '../../../ui/openrouter/errors'
import { asFreeBusy } from '../../../ui/openrouter/free-busy'

const FREE = 'sourceful/riverflow-v2.5-fast:free'
const limited = (retryAfter: string | null) => errorFromStatus(429, JSON.stringify({ error: { code: 429, message: 'Rate limit exceeded' } }), retryAfter)

describe('asFreeBusy', () => {
  it('turns a free model’s 429 into its own error, with when to retry and the paid model to switch to', () => {
    const error = asFreeBusy(limited('12'), FREE) as GenerationError
    expect(error).toMatchObject({ kind: 'free-busy', status: 429, retryAfterMs: 12_000, suggestedModel: 'sourceful/riverflow-v2.5-fast' })
    expect(error.message).toBe('The free model is busy. Try again in 12 s, or switch to Riverflow 2.5 Fast (paid).')
  })

  it('leaves the number out without Retry-After', () => {
    expect((asFreeBusy(limited(null), FREE) as GenerationError).message).toBe('The free model is busy. Try again, or switch to Riverflow 2.5 Fast (paid).')
  })

  it('passes anything else through', () => {
    const paid = limited('3')
    expect(asFreeBusy(paid, 'sourceful/riverflow-v2.5-fast')).toBe(paid)
    const other = new GenerationError('unavailable', 'down', { status: 503 })
    expect(asFreeBusy(other, FREE)).toBe(other)
    const notOurs = new Error('boom')
    expect(asFreeBusy(notOurs, FREE)).toBe(notOurs)
  })
})
