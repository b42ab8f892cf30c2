import { describe, expect, it, vi } from 'vitest'
import type { SavedState } from '../../../../common/domain'
import { EXACT_SIZE_LIMITS } from '../../../../common/road-capabilities'
import type { SelectedLayer } from '../../../../common/selection'
import * as sizes from '../../../../common/sizes'
import type { ClickAction } from '../../../../ui/generation/plan/offer'
import { planClick } from '../../../../ui/generation/plan/plan-click'
import { estimatePlanCost } from '../../../../ui/generation/plan/plan-tasks'
import { DEFAULT_STATE } from '../../../../ui/defaults'
import type { Roles } from '../../../../ui/selection/roles'
import { MODELS } from '../../../fixtures/orders'

// Every request planned for a layer asks for the ratio nearest its size: counting the calls counts the planning.
vi.mock('../../../../common/sizes', async (original) => {
  const actual = await original<typeof import('../../../../common/sizes')>()
  return { ...actual, nearestAspectRatio: vi.fn(actual.nearestAspectRatio) }
})
const planned = vi.mocked(sizes.nearestAspectRatio)

const SIZES = 50
/** `count` frames holding the designer's layers in SIZES sizes; `roles` marks the first `references` of them as references for Combine. */
function frames(count: number, references = 0): { selection: SelectedLayer[]; roles: Roles } {
  const selection = Array.from({ length: count }, (_, n) => ({
    id: `${count}:${n}`,
    name: `Frame ${n + 1}`,
    type: 'FRAME',
    width: 200 + (n % SIZES) * 37,
    height: 150 + ((n % SIZES) % 7) * 53,
    fillable: true,
    madeHere: false,
    holdsLayers: true as const,
  }))
  const roles: Roles = Object.fromEntries(selection.map((layer, n) => [layer.id, n < references ? 'reference' : 'input']))
  return { selection, roles }
}

const edit = (change: Partial<SavedState> = {}): SavedState => ({ ...DEFAULT_STATE, prompt: 'A paper boat', ...change })
const eachLayerActions = (plan: ReturnType<typeof planClick>): ClickAction[] =>
  plan.offers.filter((action) => ['generate-each', 'refine-each', 'upscale-each', 'remove-background'].includes(action.kind))

describe('a click of one request per layer', () => {
  it('plans a selection of 5,000 frames with the work of its sizes, not of its layers: their requests are made on the click', () => {
    const count = (layers: number) => {
      const { selection, roles } = frames(layers)
      planned.mockClear()
      planClick({ state: edit(), selection, roles, models: MODELS })
      return planned.mock.calls.length
    }
    const fifty = count(SIZES)
    expect(fifty).toBeGreaterThan(0)
    // Making 5,000 requests for each of the panel's buttons at every render was a main-thread task of hundreds of ms.
    expect(count(5000)).toBeLessThanOrEqual(fifty)
  })

  it('sends every layer, each request as before, counted and priced as the sum of its requests', () => {
    const { selection, roles } = frames(300, 2)
    const plan = planClick({ state: edit({ takes: 2 }), selection, roles, models: MODELS })
    const actions = eachLayerActions(plan)
    expect(actions.map((action) => action.key)).toEqual(['generate-each', 'refine-each', 'upscale-each-2', 'upscale-each-4', 'remove-background'])
    for (const action of actions) {
      // Generate and Refine make the two variations; the others one image a layer.
      const perLayer = action.key === 'generate-each' || action.key === 'refine-each' ? 2 : 1
      expect(action.count).toBe(300 * perLayer)
      expect(action.tasks).toHaveLength(300 * perLayer)
      expect(action.first).toBe(action.tasks[0])
      expect(action.cost).toEqual(estimatePlanCost(action.tasks))
      expect(action.concurrency).toBe(DEFAULT_STATE.concurrency)
    }
    // Each on its own: every frame its own requests (its two variations), whatever parts the designer gave them for Combine.
    const each = actions.find((action) => action.key === 'refine-each')!
    expect(each.tasks.map((task) => task.targetIds[0])).toEqual(selection.flatMap((layer) => [layer.id, layer.id]))
    // The same tasks on every read: the click sends what the confirmation counted.
    expect(each.tasks).toBe(each.tasks)
  })

  it('prices layers of many sizes as the sum of their requests on a model of exact sizes too (2.6 Pro)', () => {
    const { selection, roles } = frames(300, 2)
    const pro26 = { ...MODELS.find((m) => m.id === 'sourceful/riverflow-v2.6-pro')!, exactSize: EXACT_SIZE_LIMITS }
    const models = [...MODELS.filter((m) => m.id !== pro26.id), pro26]
    const plan = planClick({ state: edit({ settings: { ...DEFAULT_STATE.settings, model: pro26.id } }), selection, roles, models })
    const actions = eachLayerActions(plan)
    expect(actions.some((action) => action.tasks.some((task) => task.exactSize))).toBe(true)
    for (const action of actions) expect(action.cost).toEqual(estimatePlanCost(action.tasks))
  })

  it('prices nothing it cannot make: one size its model does not offer makes the estimate unknown', () => {
    const { selection, roles } = frames(10)
    const upscaleOnly = MODELS.map((model) => ({ ...model, sizes: model.sizes.filter((size) => size !== '4K') }))
    const plan = planClick({ state: edit({ settings: { ...DEFAULT_STATE.settings, fitFrame: false, imageSize: '4K' } }), selection, roles, models: upscaleOnly })
    const each = plan.offers.find((action) => action.key === 'generate-each')!
    expect(each.cost).toBeNull()
    expect(estimatePlanCost(each.tasks)).toBeNull()
  })
})
