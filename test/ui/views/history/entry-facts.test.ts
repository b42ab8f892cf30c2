import { describe, expect, it } from 'vitest'
import type { HistoryItem } from '../../../../common/messages'
import { BUILT_IN_MODELS } from '../../../../common/models'
import { formatEstimateShort } from '../../../../ui/pricing'
import { entryFacts } from '../../../../ui/views/history/entry-facts'
import { recordWith } from '../../../fixtures/records'

const FREE = 'sourceful/riverflow-v2.5-fast:free'
const PAID = 'sourceful/riverflow-v2-pro'

/** The price among a row's facts: the one after the size ("16:9 · 1K"). */
function priceOf(model: string, cost: number | null): string {
  const item: HistoryItem = { layerIds: ['1:2'], exists: true, record: recordWith({ cost, settings: { model, aspectRatio: '16:9', imageSize: '1K' } }) }
  return entryFacts(item, BUILT_IN_MODELS).split(' · ')[3]
}

describe('a History row’s price', () => {
  it('calls the free model’s image free, in the word the Generate button prices it with, never $0.00', () => {
    expect(priceOf(FREE, 0)).toBe('free')
    // The free model charges nothing whether or not its answer said so.
    expect(priceOf(FREE, null)).toBe('free')
    expect(priceOf(FREE, 0)).toBe(formatEstimateShort({ kind: 'free' }))
  })

  it('says the price is unknown where the answer gave none, as the panel says it before sending, rather than leaving it out', () => {
    expect(priceOf(PAID, null)).toBe('price unknown')
    expect(priceOf(PAID, null)).toBe(formatEstimateShort({ kind: 'unknown', low: 0 }))
    // A model no longer listed, of a price this build does not know: the same.
    expect(priceOf('sourceful/riverflow-v1-legacy', null)).toBe('price unknown')
  })

  it('gives what OpenRouter charged otherwise, a third decimal only when the charge has one', () => {
    expect(priceOf(PAID, 0.15)).toBe('$0.15')
    expect(priceOf(PAID, 0.065)).toBe('$0.065')
    // A paid model's answer that charged nothing says so as a sum: it was no free model.
    expect(priceOf(PAID, 0)).toBe('$0.00')
    // A free model no longer listed is still the free tier (its `:free` slug).
    expect(priceOf('sourceful/riverflow-v1-legacy:free', null)).toBe('free')
  })
})
