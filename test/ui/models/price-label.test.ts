import { describe, expect, it } from 'vitest'
import { BUILT_IN_MODELS, priceLabel } from '../../../ui/models'

describe('priceLabel', () => {
  it('promises a price only where OpenRouter publishes one', () => {
    expect(BUILT_IN_MODELS.map((m) => `${m.label} · ${priceLabel(m)}`)).toEqual([
      'Riverflow 2 Fast · $0.02–$0.04 per image',
      'Riverflow 2 Pro · $0.15–$0.33 per image',
      'Riverflow 2.5 Fast · about $0.02–$0.08 per image, billed by use',
      'Riverflow 2.5 Fast (free) · free, rate-limited',
      'Riverflow 2.5 Pro · about $0.13–$0.35 per image, billed by use',
      'Riverflow 2.6 Pro · about $0.13–$0.50 per image, billed by use',
    ])
  })

  it('shows one price when every size costs the same', () => {
    expect(priceLabel({ ...BUILT_IN_MODELS[1], pricing: { kind: 'fixed', perImage: { '1K': 0.15, '2K': 0.15 } } })).toBe('$0.15 per image')
  })
})
