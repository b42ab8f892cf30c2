import { describe, expect, it } from 'vitest'
import { describeModel } from '../../../common/models'
import { EXACT_SIZE_LIMITS, imagesRoadWithoutRecord } from '../../../common/road-capabilities'
import { BUILT_IN_MODELS, modelPurpose, priceLabel } from '../../../ui/models'

describe('priceLabel', () => {
  it('promises a price only where OpenRouter publishes one', () => {
    expect(BUILT_IN_MODELS.map((m) => `${m.label} · ${priceLabel(m)}`)).toEqual([
      'Riverflow 2 Fast · $0.02–$0.04',
      'Riverflow 2 Pro · $0.15–$0.33',
      'Riverflow 2.5 Fast · about $0.02–$0.08',
      'Riverflow 2.5 Fast (free) · free, slower when busy',
      'Riverflow 2.5 Pro · about $0.13–$0.35',
      'Riverflow 2.6 Pro · about $0.13–$0.50',
    ])
  })

  it('names a new model’s price only as its own record lists it, and otherwise says it is not known', () => {
    const newcomer = describeModel('sourceful/riverflow-v3-pro')
    expect(priceLabel(newcomer)).toBe('price not known yet')
    const perMegapixel = [{ billable: 'output_image', unit: 'megapixel' as const, costUsd: 0.04 }]
    const images = { ...imagesRoadWithoutRecord(newcomer), priceLines: perMegapixel }
    expect(priceLabel({ ...newcomer, roads: { images } })).toBe('from $0.04 a megapixel')
    // A line for a font, not for the image made, prices nothing.
    const fontOnly = [{ billable: 'input_font', unit: 'image' as const, costUsd: 0.03 }]
    expect(priceLabel({ ...newcomer, roads: { images: { ...images, priceLines: fontOnly } } })).toBe('price not known yet')
  })

  it('shows one price when every size costs the same', () => {
    expect(priceLabel({ ...BUILT_IN_MODELS[1], pricing: { kind: 'fixed', perImage: { '1K': 0.15, '2K': 0.15 } } })).toBe('$0.15')
  })
})

describe('modelPurpose', () => {
  it('says what each model is for, read off what it can do', () => {
    expect(BUILT_IN_MODELS.map((m) => `${m.label}: ${modelPurpose(m).join(', ')}`)).toEqual([
      'Riverflow 2 Fast: speed, the sharpest upscales',
      'Riverflow 2 Pro: the best quality up to 4K, the sharpest upscales',
      'Riverflow 2.5 Fast: speed, cut-outs, edits it checks itself',
      'Riverflow 2.5 Fast (free): trying ideas at no cost, cut-outs, edits it checks itself',
      'Riverflow 2.5 Pro: the best quality, cut-outs, edits it checks itself',
      // The built-in table is cautious about 2.6 Pro; its record tells the rest (exact sizes first).
      'Riverflow 2.6 Pro: the best quality up to 4K',
    ])
    // A model known only from its record: exact sizes come first.
    const exact = { ...BUILT_IN_MODELS[5], exactSize: EXACT_SIZE_LIMITS }
    expect(modelPurpose(exact)[0]).toBe('exact frame sizes')
  })
})
