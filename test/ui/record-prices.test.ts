import { describe, expect, it } from 'vitest'
import type { SelectedLayer } from '../../common/selection'
import { DEFAULT_STATE } from '../../ui/defaults'
import { planClick } from '../../ui/generation/plan/plan-click'
import { estimateCost, formatEstimate } from '../../ui/pricing'
import { useOpenRouterStandIn } from '../openrouter-stand-in/use-stand-in'
import { modelOf } from '../fixtures/orders'
import { runPanelAsync } from './models/run-panel'

// Prices from the Image API's endpoint records, for the size about to be sent, through the
// planner the panel runs with the model list it loaded from the stand-in.
const standIn = useOpenRouterStandIn()
const frame: SelectedLayer = { id: '1:2', name: 'Frame', type: 'FRAME', width: 1200, height: 628, fillable: true, madeHere: false }

async function estimateAsync(model: string, change: Partial<typeof DEFAULT_STATE.settings>, selection: SelectedLayer[] = []) {
  const { models } = await runPanelAsync({ catalog: null }, 1_800_000_000_000, standIn.url)
  const state = { ...DEFAULT_STATE, settings: { ...DEFAULT_STATE.settings, model, ...change } }
  return formatEstimate(planClick({ state, selection, roles: {}, models }).generate.cost)
}

describe('prices from the records', () => {
  it('prices 2.5 Pro at 4K from its record’s 4k line, still as an estimate billed by use', async () => {
    expect(await estimateAsync('sourceful/riverflow-v2.5-pro', { imageSize: '4K', fitFrame: false })).toBe('About $0.17 to $0.35: the final price depends on the job')
  })

  it('prices 2.6 Pro’s exact size per megapixel: 2400×1256 at $0.04 a megapixel', async () => {
    // 3.01 MP × $0.04 = $0.121, on the Image API, where the size goes.
    expect(await estimateAsync('sourceful/riverflow-v2.6-pro', {}, [frame])).toBe('About $0.121 to $0.50: the final price depends on the job')
  })

  it('keeps the table’s price on chat completions, and where no line reads', () => {
    const settings = { ...DEFAULT_STATE.settings, model: 'sourceful/riverflow-v2-pro', imageSize: '4K' as const }
    expect(estimateCost(modelOf(settings.model), settings)).toEqual({ kind: 'fixed', usd: 0.33 })
    const odd = [{ billable: 'output_image', unit: 'megapixel' as const, costUsd: 0.04, variant: 'draft' }]
    expect(estimateCost(modelOf(settings.model), settings, 0, { lines: odd })).toEqual({ kind: 'fixed', usd: 0.33 })
    const lines = [{ billable: 'output_image', unit: 'image' as const, costUsd: 0.3, variant: '4k' }]
    expect(estimateCost(modelOf(settings.model), settings, 0, { lines })).toEqual({ kind: 'fixed', usd: 0.3 })
  })
})
