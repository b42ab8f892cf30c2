import { describe, expect, it } from 'vitest'
import { ASPECT_RATIOS as SANDBOX_RATIOS, BUILT_IN_MODELS } from '../../../plugin/suggestions'
import { ASPECT_RATIOS } from '../../../ui/aspect-ratios'
import { BUILT_IN_MODELS as MODELS } from '../../../ui/models'

// The quick action bar asks the sandbox before any UI opens, so the sandbox keeps its own lists.
describe('the sandbox’s quick action suggestions', () => {
  it('offer the models and ratios the panel offers (the seam until the catalog cache lands)', () => {
    expect(BUILT_IN_MODELS).toEqual(MODELS.map((m) => ({ id: m.id, label: m.label })))
    expect(SANDBOX_RATIOS).toEqual(ASPECT_RATIOS)
  })
})
