import { describe, expect, it } from 'vitest'
import { GenerationError, errorFromStatus } from '../../../ui/answer/errors'
import { suggestAnotherModel } from '../../../ui/models/suggest-model'
import { MODELS } from '../../fixtures/orders'

const asFreeBusy = (error: unknown, model: string) => suggestAnotherModel(error, model, MODELS)

const FREE = 'sourceful/riverflow-v2.5-fast:free'
const limited = (retryAfter: string | null) => errorFromStatus(429, JSON.stringify({ error: { code: 429, message: 'Rate limit exceeded' } }), retryAfter)

describe('suggestAnotherModel, for the free tier busy', () => {
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

describe('suggestAnotherModel, for a paid model out of credit', () => {
  const noCredit = () => errorFromStatus(402, JSON.stringify({ error: { code: 402, message: 'Insufficient credits' } }))

  it('offers the list’s free model, beside adding credit', () => {
    const error = suggestAnotherModel(noCredit(), 'sourceful/riverflow-v2-pro', MODELS) as GenerationError
    expect(error).toMatchObject({ kind: 'no-credit', status: 402, suggestedModel: FREE })
    expect(error.message).toMatch(/Add credit at openrouter\.ai\/settings\/credits, or switch to the free model/)
  })

  it('offers nothing when the list has no free model, or the free model is the one that ran out', () => {
    const paidOnly = MODELS.filter((model) => model.pricing.kind !== 'free')
    expect((suggestAnotherModel(noCredit(), 'sourceful/riverflow-v2-pro', paidOnly) as GenerationError).suggestedModel).toBeNull()
    expect((suggestAnotherModel(noCredit(), FREE, MODELS) as GenerationError).suggestedModel).toBeNull()
  })
})

describe('suggestAnotherModel, for a model down or without a provider', () => {
  const down = () => errorFromStatus(503, JSON.stringify({ error: { code: 503, message: 'No provider available' } }), null)

  it('names the nearest model that can answer instead of “the other model”, one click away, keeping what the error knew', () => {
    const error = suggestAnotherModel(down(), 'sourceful/riverflow-v2-fast', MODELS) as GenerationError
    expect(error.message).not.toMatch(/the other model/)
    expect(error.message).toMatch(/, or try Riverflow 2\.5 Fast\. \(HTTP 503\)$/)
    expect(error.suggestedModel).not.toBeNull()
    expect(error.message).toContain(MODELS.find((m) => m.id === error.suggestedModel)!.label)
    expect(error).toMatchObject({ kind: 'unavailable', status: 503, mayHaveCharged: false })
    // Never the model that failed, nor its free twin.
    expect(suggestAnotherModel(down(), 'sourceful/riverflow-v2.5-fast', MODELS)).not.toMatchObject({ suggestedModel: expect.stringMatching(/riverflow-v2\.5-fast/) })
  })

  it('for a cut-out, one that answers on a transparent background; none when the list has no other', () => {
    const cutout = suggestAnotherModel(down(), 'sourceful/riverflow-v2.5-pro', MODELS, { transparent: true }) as GenerationError
    expect(MODELS.find((m) => m.id === cutout.suggestedModel)!.backgrounds).toContain('transparent')
    const alone = down()
    expect(suggestAnotherModel(alone, 'sourceful/riverflow-v2-fast', MODELS.filter((m) => m.id === 'sourceful/riverflow-v2-fast'))).toBe(alone)
  })
})
