import { describe, expect, it } from 'vitest'
import { creditLine, listInWords, spendLine } from '../../../ui/views/format'

describe('spendLine', () => {
  it('says nothing before anything was spent', () => {
    expect(spendLine({ total: 0, unpriced: 0 })).toBeNull()
  })

  it('gives the session’s total, and the images whose price is not known', () => {
    expect(spendLine({ total: 0.065, unpriced: 0 })).toBe('$0.065 this session')
    expect(spendLine({ total: 0.04, unpriced: 2 })).toBe('$0.04 this session (and 2 images without a price)')
    expect(spendLine({ total: 0, unpriced: 1 })).toBe('$0.00 this session (and 1 image without a price)')
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
