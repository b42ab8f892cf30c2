import { describe, expect, it, vi } from 'vitest'
import type { SavedState } from '../../../../common/domain'
import type { SelectedLayer } from '../../../../common/selection'
import * as sizes from '../../../../common/sizes'
import { type ClickAction, planClick } from '../../../../ui/generation/plan/plan-click'
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
/** `count` frames in SIZES sizes, the first `references` of them marked as references, the rest as inputs. */
function frames(count: number, references = 0): { selection: SelectedLayer[]; roles: Roles } {
  const selection = Array.from({ length: count }, (_, n) => ({
    id: `${count}:${n}`,
    name: `Frame ${n + 1}`,
    type: 'FRAME',
    width: 200 + (n % SIZES) * 37,
    height: 150 + ((n % SIZES) % 7) * 53,
    fillable: true,
    madeHere: false,
  }))
  const roles: Roles = Object.fromEntries(selection.map((layer, n) => [layer.id, n < references ? 'reference' : 'input']))
  return { selection, roles }
}

const edit = (change: Partial<SavedState> = {}): SavedState => ({ ...DEFAULT_STATE, prompt: 'A paper boat', selectionUse: 'edit', eachOnItsOwn: true, ...change })
const eachLayerActions = (plan: ReturnType<typeof planClick>): ClickAction[] => [
  plan.generate,
  ...plan.batchActions.filter((action) => ['refine-each', 'upscale-each', 'remove-background'].includes(action.kind)),
]

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

  it('sends every layer, each request as before, priced as the sum of its requests', () => {
    const { selection, roles } = frames(300, 2)
    const plan = planClick({ state: edit({ takes: 2 }), selection, roles, models: MODELS })
    const actions = eachLayerActions(plan)
    expect(actions.map((action) => action.key)).toEqual(['generate', 'refine-each', 'upscale-each-2', 'upscale-each-4', 'remove-background'])
    for (const action of actions) {
      const perLayer = action.key === 'generate' ? 2 : 1
      expect(action.tasks).toHaveLength(298 * perLayer)
      expect(action.first).toBe(action.tasks[0])
      expect(action.cost).toEqual(estimatePlanCost(action.tasks))
      expect(action.concurrency).toBe(DEFAULT_STATE.concurrency)
    }
    // The designer's roles go with the click that sends them: both references with every request.
    expect(plan.generate.tasks.map((task) => task.targetIds[0])).toEqual(selection.slice(2).flatMap((layer) => [layer.id, layer.id]))
    expect(new Set(plan.generate.tasks.map((task) => task.references.map((r) => r.layer.id).join()))).toEqual(new Set(['300:0,300:1']))
    // The same tasks on every read: the click sends what the confirmation counted.
    expect(plan.generate.tasks).toBe(plan.generate.tasks)
  })

  it('prices nothing it cannot make: one size its model does not offer makes the estimate unknown', () => {
    const { selection, roles } = frames(10)
    const upscaleOnly = MODELS.map((model) => ({ ...model, sizes: model.sizes.filter((size) => size !== '4K') }))
    const plan = planClick({ state: edit({ settings: { ...DEFAULT_STATE.settings, fitFrame: false, imageSize: '4K' } }), selection, roles, models: upscaleOnly })
    expect(plan.generate.cost).toBeNull()
    expect(estimatePlanCost(plan.generate.tasks)).toBeNull()
  })
})
