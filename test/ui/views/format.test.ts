import { describe, expect, it } from 'vitest'
import { creditLine, jobCostWords, listInWords, spendLine, spendRangeWhy } from '../../../ui/views/format'

describe('spendLine', () => {
  it('says nothing before anything was spent', () => {
    expect(spendLine({ total: 0, unpriced: 0, mayBeCharged: 0 })).toBeNull()
  })

  it('gives the session’s total, and the images whose price is not known', () => {
    expect(spendLine({ total: 0.065, unpriced: 0, mayBeCharged: 0 })).toBe('$0.065 this session')
    expect(spendLine({ total: 0.04, unpriced: 2, mayBeCharged: 0 })).toBe('$0.04 this session (and 2 images, price unknown)')
    expect(spendLine({ total: 0, unpriced: 1, mayBeCharged: 0 })).toBe('$0.00 this session (and 1 image, price unknown)')
  })

  it('gives the most it may come to when requests were cut off that OpenRouter may still charge', () => {
    expect(spendLine({ total: 0.08, unpriced: 0, mayBeCharged: 0.04 })).toBe('$0.08–$0.12 this session')
    // Only a cancelled request: it may have cost nothing, or its price.
    expect(spendLine({ total: 0, unpriced: 0, mayBeCharged: 0.02 })).toBe('$0.00–$0.02 this session')
  })
})

describe('jobCostWords', () => {
  it('says what the job’s images cost as their answers said, free when they cost nothing', () => {
    expect(jobCostWords(0.08, 0)).toBe('cost $0.08')
    expect(jobCostWords(0, 0)).toBe('free')
    expect(jobCostWords(null, 0)).toBeNull()
  })

  it('says an answer that gave no cost is of unknown price, and where to find it, rather than leave it out', () => {
    expect(jobCostWords(null, 1)).toBe('price unknown: see openrouter.ai/activity')
    expect(jobCostWords(0.04, 1)).toBe('cost $0.04; 1 image’s price unknown: see openrouter.ai/activity')
    expect(jobCostWords(0.04, 2)).toBe('cost $0.04; 2 images’ prices unknown: see openrouter.ai/activity')
  })
})

describe('spendRangeWhy', () => {
  it('says what the range stands for and where to check, only when there is one', () => {
    expect(spendRangeWhy({ total: 0.08, unpriced: 0, mayBeCharged: 0 })).toBeNull()
    expect(spendRangeWhy({ total: 0.08, unpriced: 0, mayBeCharged: 0.04 })).toBe(
      'Up to $0.04 of it is for requests cut off (a Cancel, a timeout) that OpenRouter may still charge: see openrouter.ai/activity.',
    )
  })
})

describe('listInWords', () => {
  it('joins a list as a sentence would', () => {
    expect(listInWords([])).toBe('')
    expect(listInWords(['font inputs'])).toBe('font inputs')
    expect(listInWords(['font inputs', 'effort'])).toBe('font inputs and effort')
    expect(listInWords(['font inputs', 'refSR references', 'effort'])).toBe('font inputs, refSR references and effort')
  })
})

describe('creditLine', () => {
  it('tells what is left on the key, or that it has no limit', () => {
    expect(creditLine(null)).toBe('OpenRouter key saved')
    expect(creditLine({ label: 'Mine', limitRemaining: null, usage: 1, isFreeTier: false })).toBe('Key “Mine” · no limit')
    expect(creditLine({ label: null, limitRemaining: 7.5, usage: 1, isFreeTier: false })).toBe('$7.50 credit left on this key')
  })
})
