import { describe, expect, it } from 'vitest'
import type { GenerationSettings } from '../../common/domain'
import { estimateCost, formatUsd, roundUsd } from '../../ui/pricing'

const base: GenerationSettings = { model: 'sourceful/riverflow-v2-fast', aspectRatio: '1:1', imageSize: '1K', fontInputs: [] }
const font = { fontUrl: 'https://f.test/a.ttf', text: 'A' }

describe('estimateCost (SPEC price table)', () => {
  it.each([
    ['Fast 1K', base, 0, 0.02],
    ['Fast 2K', { ...base, imageSize: '2K' }, 0, 0.04],
    ['Fast 4K is not offered', { ...base, imageSize: '4K' }, 0, null],
    ['Pro 1K', { ...base, model: 'sourceful/riverflow-v2-pro' }, 0, 0.15],
    ['Pro 2K', { ...base, model: 'sourceful/riverflow-v2-pro', imageSize: '2K' }, 0, 0.15],
    ['Pro 4K', { ...base, model: 'sourceful/riverflow-v2-pro', imageSize: '4K' }, 0, 0.33],
    ['Fast 1K with two fonts', { ...base, fontInputs: [font, font] }, 0, 0.08],
    ['Pro 4K with one font and three references', { ...base, model: 'sourceful/riverflow-v2-pro', imageSize: '4K', fontInputs: [font] }, 3, 0.96],
  ] as const)('%s', (_name, settings, references, expected) => {
    expect(estimateCost(settings as GenerationSettings, references)).toBe(expected)
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
