import { describe, expect, it } from 'vitest'
import type { GenerationSettings } from '../../common/domain'
import { modelOf } from '../fixtures/orders'
import { type CostEstimate, addEstimates, estimateCost, formatEstimate, formatEstimateShort, formatUsd, highestUsd, roundUsd, timesEstimate } from '../../ui/pricing'
import { DEFAULT_STATE } from '../../ui/defaults'

const base: GenerationSettings = { ...DEFAULT_STATE.settings, model: 'sourceful/riverflow-v2-fast', aspectRatio: '1:1', imageSize: '1K' }
const font = { fontUrl: 'https://f.test/a.ttf', text: 'A' }

describe('estimateCost, by OpenRouter’s prices', () => {
  const fixed = (usd: number) => ({ kind: 'fixed', usd })
  it.each([
    ['Fast 1K', base, 0, fixed(0.02)],
    ['Fast 2K', { ...base, imageSize: '2K' }, 0, fixed(0.04)],
    ['Fast 4K is not offered', { ...base, imageSize: '4K' }, 0, null],
    ['Pro 1K', { ...base, model: 'sourceful/riverflow-v2-pro' }, 0, fixed(0.15)],
    ['Pro 2K', { ...base, model: 'sourceful/riverflow-v2-pro', imageSize: '2K' }, 0, fixed(0.15)],
    ['Pro 4K', { ...base, model: 'sourceful/riverflow-v2-pro', imageSize: '4K' }, 0, fixed(0.33)],
    ['Fast 1K with two fonts', { ...base, fontInputs: [font, font] }, 0, fixed(0.08)],
    ['Pro 4K with one font and three references', { ...base, model: 'sourceful/riverflow-v2-pro', imageSize: '4K', fontInputs: [font] }, 3, fixed(0.96)],
    ['2.5 Fast, billed by use', { ...base, model: 'sourceful/riverflow-v2.5-fast' }, 0, { kind: 'range', low: 0.02, high: 0.08 }],
    ['2.5 Pro with a font, billed by use', { ...base, model: 'sourceful/riverflow-v2.5-pro', fontInputs: [font] }, 0, { kind: 'range', low: 0.16, high: 0.38 }],
    ['2.5 Pro at 4K is not offered (unconfirmed)', { ...base, model: 'sourceful/riverflow-v2.5-pro', imageSize: '4K' }, 0, null],
    ['the free tier', { ...base, model: 'sourceful/riverflow-v2.5-fast:free', fontInputs: [font] }, 0, { kind: 'free' }],
    ['a slug this build has never seen: no price, not another model’s', { ...base, model: 'sourceful/riverflow-v9-fast', fontInputs: [font] }, 0, { kind: 'unknown', low: 0 }],
  ] as const)('%s', (_name, settings, references, expected) => {
    expect(estimateCost(modelOf((settings as GenerationSettings).model), settings as GenerationSettings, references)).toEqual(expected)
  })
})

describe('addEstimates', () => {
  const fixed = (usd: number): CostEstimate => ({ kind: 'fixed', usd })
  const range = (low: number, high: number): CostEstimate => ({ kind: 'range', low, high })
  it.each([
    ['fixed and fixed', fixed(0.02), fixed(0.33), fixed(0.35)],
    ['fixed and a range', fixed(0.15), range(0.02, 0.08), range(0.17, 0.23)],
    ['a range and a range', range(0.13, 0.35), range(0.13, 0.35), range(0.26, 0.7)],
    ['free and fixed', { kind: 'free' }, fixed(0.02), fixed(0.02)],
    ['free and free', { kind: 'free' }, { kind: 'free' }, { kind: 'free' }],
    // One price not known makes the whole not known: what is known of it is only a start.
    ['a price not known and fixed', { kind: 'unknown', low: 0 }, fixed(0.15), { kind: 'unknown', low: 0.15 }],
    ['a price not known and a range', { kind: 'unknown', low: 0.09 }, range(0.13, 0.35), { kind: 'unknown', low: 0.22 }],
    ['a price not known and free', { kind: 'unknown', low: 0.09 }, { kind: 'free' }, { kind: 'unknown', low: 0.09 }],
  ] as [string, CostEstimate, CostEstimate, CostEstimate][])('%s', (_name, a, b, sum) => {
    expect(addEstimates(a, b)).toEqual(sum)
    expect(addEstimates(b, a)).toEqual(sum)
  })

  it.each([fixed(0.035), range(0.13, 0.35), { kind: 'free' } as CostEstimate, { kind: 'unknown', low: 0.09 } as CostEstimate])('%o taken 7 times is what adding it 7 times gives (timesEstimate)', (cost) => {
    let sum = cost
    for (let i = 1; i < 7; i++) sum = addEstimates(sum, cost)
    expect(timesEstimate(cost, 7)).toEqual(sum)
    expect(timesEstimate(cost, 1)).toEqual(cost)
  })
})

describe('formatEstimate', () => {
  it.each([
    [{ kind: 'fixed', usd: 0.02 }, 'Estimated $0.02', '$0.02'],
    [{ kind: 'range', low: 0.13, high: 0.35 }, 'About $0.13 to $0.35: the final price depends on the job', '~$0.13–$0.35'],
    [{ kind: 'free' }, 'Free, rate-limited', 'free'],
    [{ kind: 'unknown', low: 0 }, 'Price not known until the job ends, so you are asked before it sends', 'price unknown'],
    [{ kind: 'unknown', low: 0.09 }, 'From $0.09: the final price is known only when the job ends, so you are asked before it sends', 'from $0.09'],
  ] as [CostEstimate, string, string][])('%j', (estimate, long, short) => {
    expect(formatEstimate(estimate)).toBe(long)
    expect(formatEstimateShort(estimate)).toBe(short)
  })

  it.each([
    [0.652, 2, '~$0.65–$2.00'],
    [0.29, 0.351, '~$0.29–$0.36'],
    [0.131, 0.139, '~$0.13–$0.14'],
    [0.034, 0.035, '~$0.03–$0.04'],
  ])('rounds a range on a button outwards to whole cents: %d to %d → %s', (low, high, short) => {
    expect(formatEstimateShort({ kind: 'range', low, high })).toBe(short)
    expect(formatEstimate({ kind: 'range', low, high })).toContain(`$${low}`)
  })

  it('claims no most for a price not known', () => {
    expect(highestUsd({ kind: 'unknown', low: 0.09 })).toBeNull()
    expect(highestUsd({ kind: 'range', low: 0.13, high: 0.35 })).toBe(0.35)
  })

  it('says when the size is not offered', () => {
    expect(formatEstimate(null)).toBe('Size not offered')
  })
})

describe('roundUsd', () => {
  it('drops floating-point noise from a sum of prices', () => {
    expect(0.02 + 0.33).not.toBe(0.35)
    expect(roundUsd(0.02 + 0.33)).toBe(0.35)
  })

  it('keeps tenths of a cent', () => {
    expect(roundUsd(0.0354)).toBe(0.035)
  })
})

describe('formatUsd', () => {
  it.each([
    [0.02, '$0.02'],
    [0.33, '$0.33'],
    [0.035, '$0.035'],
    [12, '$12.00'],
  ])('%d → %s', (amount, text) => {
    expect(formatUsd(amount)).toBe(text)
  })
})
