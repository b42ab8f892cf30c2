import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CatalogEntry } from '../../common/domain'
import { BUILT_IN_MODELS, type ModelCapabilities, describeModel, isFreeVariant, modelLabel, paidTwinOf } from '../../common/models'
import { findModel } from '../../ui/models'

const entry = (id: string, name: string): CatalogEntry => ({ id, name, pricing: {}, supportedParameters: [] })

describe('the built-in table', () => {
  it('holds the six Riverflow slugs, once each', () => {
    expect(BUILT_IN_MODELS.map((m) => m.id)).toEqual([
      'sourceful/riverflow-v2-fast',
      'sourceful/riverflow-v2-pro',
      'sourceful/riverflow-v2.5-fast',
      'sourceful/riverflow-v2.5-fast:free',
      'sourceful/riverflow-v2.5-pro',
      'sourceful/riverflow-v2.6-pro',
    ])
  })

  it('gives refSR to V2 only, and backgrounds, effort and scoring to 2.5 only where OpenRouter confirms them', () => {
    const facts = Object.fromEntries(BUILT_IN_MODELS.map((m) => [m.id, [m.maxReferences, m.backgrounds.length > 0, m.efforts.length > 0, m.scoring]]))
    expect(facts).toEqual({
      'sourceful/riverflow-v2-fast': [4, false, false, false],
      'sourceful/riverflow-v2-pro': [4, false, false, false],
      'sourceful/riverflow-v2.5-fast': [0, true, true, true],
      'sourceful/riverflow-v2.5-fast:free': [0, true, true, true],
      'sourceful/riverflow-v2.5-pro': [0, true, true, true],
      'sourceful/riverflow-v2.6-pro': [0, false, true, false],
    })
  })

  it('waits 10 minutes for V2 and 25 for 2.5 and later', () => {
    expect(BUILT_IN_MODELS.map((m) => m.timeoutMs / 60_000)).toEqual([10, 10, 25, 25, 25, 25])
  })

  it('prices V2 fixed, 2.5 and 2.6 by use, and the free tier free', () => {
    expect(BUILT_IN_MODELS.map((m) => m.pricing.kind)).toEqual(['fixed', 'fixed', 'dynamic', 'free', 'dynamic', 'dynamic'])
  })

  it('offers nothing unconfirmed: no xhigh effort, no 4K or ten inputs on 2.5 Pro, no 2.6 extras', () => {
    expect(BUILT_IN_MODELS.flatMap((m) => m.efforts)).not.toContain('xhigh')
    expect(describeModel('sourceful/riverflow-v2.5-pro')).toMatchObject({ sizes: ['1K', '2K'], maxInputImages: 4 })
    expect(describeModel('sourceful/riverflow-v2.6-pro')).toMatchObject({ maxFontInputs: 0, backgrounds: [], scoring: false })
  })
})

describe('capabilitiesFor', () => {
  it('gives a known slug its table facts, keeping its own label over the catalog’s name', () => {
    expect(describeModel('sourceful/riverflow-v2-pro', entry('sourceful/riverflow-v2-pro', 'Sourceful: Riverflow V2 Pro'))).toBe(BUILT_IN_MODELS[1])
  })

  it('gives a slug never seen the cautious set, named from the catalog', () => {
    expect(describeModel('sourceful/riverflow-v3-pro', entry('sourceful/riverflow-v3-pro', 'Sourceful: Riverflow V3 Pro'))).toEqual({
      id: 'sourceful/riverflow-v3-pro',
      label: 'Riverflow V3 Pro',
      tier: 'pro',
      sizes: ['1K', '2K'],
      maxInputImages: 4,
      maxReferences: 0,
      maxFontInputs: 2,
      backgrounds: [],
      efforts: [],
      scoring: false,
      // No other model's price stands in for its own.
      pricing: { kind: 'unknown' },
      timeoutMs: 25 * 60_000,
      isNew: true,
    })
  })

  it('takes an unknown :free slug as free, a fast one as fast, and its slug’s words as its label without a catalog', () => {
    expect(describeModel('sourceful/riverflow-v3-fast:free')).toMatchObject({ tier: 'fast', pricing: { kind: 'free' }, label: 'Riverflow 3 Fast (free)' })
  })

  it('never throws, whatever the id and the name', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (id, name) => {
        expect(describeModel(id, entry(id, name)).sizes.length).toBeGreaterThan(0)
        expect(describeModel(id, entry(id, name)).label).not.toBe('')
      }),
    )
  })
})

describe('findModel', () => {
  it('finds the model in the list in force, or describes a slug the list lacks', () => {
    const list = [describeModel('sourceful/riverflow-v9-fast', entry('sourceful/riverflow-v9-fast', 'Riverflow 9'))]
    expect(findModel(list, 'sourceful/riverflow-v9-fast').label).toBe('Riverflow 9')
    expect(findModel(list, 'sourceful/riverflow-v2-pro').label).toBe('Riverflow 2 Pro')
  })

  it('reads a listed model as the list has it, not as the built-in table does', () => {
    const list: ModelCapabilities[] = [{ ...describeModel('sourceful/riverflow-v2.5-pro'), sizes: ['1K', '2K', '4K'], maxInputImages: 10 }]
    expect(findModel(list, 'sourceful/riverflow-v2.5-pro')).toMatchObject({ sizes: ['1K', '2K', '4K'], maxInputImages: 10 })
  })
})

describe('the free-variant rule and labels', () => {
  it('knows a :free slug and its paid twin', () => {
    expect(isFreeVariant('sourceful/riverflow-v2.5-fast:free')).toBe(true)
    expect(isFreeVariant('sourceful/riverflow-v2.5-fast')).toBe(false)
    expect(paidTwinOf('sourceful/riverflow-v2.5-fast:free')).toBe('sourceful/riverflow-v2.5-fast')
    expect(paidTwinOf('sourceful/riverflow-v2-pro')).toBe('sourceful/riverflow-v2-pro')
  })

  it('names a known slug by the table and a new one by its catalog name without the author, as the panel and the quick action bar both do', () => {
    expect(modelLabel('sourceful/riverflow-v2-fast', 'Sourceful: Riverflow V2 Fast')).toBe('Riverflow 2 Fast')
    expect(modelLabel('sourceful/riverflow-v3-fast', 'Sourceful: Riverflow V3 Fast')).toBe('Riverflow V3 Fast')
    expect(modelLabel('sourceful/riverflow-v3-fast', 'Acme Labs: Riverflow V3 Fast')).toBe('Riverflow V3 Fast')
  })

  it('names a model no longer listed (a History row, a saved state) by its slug’s words as the built-in labels read, never the raw id', () => {
    expect(modelLabel('sourceful/riverflow-v1-legacy')).toBe('Riverflow 1 Legacy')
    expect(modelLabel('sourceful/riverflow-v3-fast:free')).toBe('Riverflow 3 Fast (free)')
    expect(describeModel('sourceful/riverflow-v1-legacy').label).toBe('Riverflow 1 Legacy')
    expect(modelLabel('')).toBe('Unnamed model')
  })
})
