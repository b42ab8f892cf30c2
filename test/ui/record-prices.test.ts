import { describe, expect, it } from 'vitest'
import type { SelectedLayer } from '../../common/selection'
import { DEFAULT_STATE } from '../../ui/defaults'
import { needsConfirmation, planClick } from '../../ui/generation/plan/plan-click'
import { taskRoad } from '../../ui/generation/plan/plan-tasks'
import { priceLabel } from '../../ui/models'
import { estimateCost, formatEstimate, formatEstimateInSentence, formatEstimateShort } from '../../ui/pricing'
import { planQuickAction } from '../../ui/quick-action/plan-quick-action'
import { type ImageEndpoint, defaultImageRecords } from '../openrouter-stand-in/image-records'
import { catalogModel } from '../openrouter-stand-in/model-world'
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

// A Riverflow OpenRouter lists that this build's table does not know: priced by its own record's lines
// or not at all, never by another model's numbers, and never sent without the designer's yes.
describe('a model this build does not know', () => {
  const v3 = 'sourceful/riverflow-v3-pro'
  const clickFor = async (imageSize: '1K' | '2K') => {
    const { models } = await runPanelAsync({ catalog: null }, 1_800_000_000_000, standIn.url)
    const state = { ...DEFAULT_STATE, prompt: 'A kite', settings: { ...DEFAULT_STATE.settings, model: v3, imageSize } }
    return { model: models.find((m) => m.id === v3)!, generate: planClick({ state, selection: [], roles: {}, models }).generate, models, state }
  }

  it('shows no price where nothing of its own lists one, and asks before sending, even well under the limit', async () => {
    // The catalog's `image` figure is what an input image costs (its pages say "input imgs"), not one made.
    standIn.models.catalog.push(catalogModel(v3, 'Sourceful: Riverflow V3 Pro', '0.01'))
    const { model, generate, models, state } = await clickFor('1K')
    expect(priceLabel(model)).toBe('price not known yet')
    expect(formatEstimateShort(generate.cost!)).toBe('price unknown')
    expect(formatEstimate(generate.cost)).toBe('Price not known until the job ends, so you are asked before it sends')
    expect(formatEstimateInSentence(generate.cost)).toBe('a price not yet known')
    expect(needsConfirmation(generate, 1000)).toBe(true)
    // A quick action has no panel to ask in: it sends nothing and says where to confirm.
    const quick = planQuickAction({ command: 'generate-image', prompt: 'A kite', model: v3, aspectRatio: null }, { saved: state, selection: [], busy: false, models })
    expect(quick).toEqual({ ok: false, problem: 'This model’s price is known only once the image is made: open Riverflow to confirm. Nothing was sent.' })
  })

  it('prices it from its own record’s lines, for the size sent, as a start and no promise, and still asks', async () => {
    const record: ImageEndpoint = {
      ...defaultImageRecords()['sourceful/riverflow-v2.5-pro'][0],
      pricing: [
        { billable: 'output_image', unit: 'image', cost_usd: 0.09 },
        { billable: 'output_image', unit: 'image', cost_usd: 0.11, variant: '2k' },
      ],
    }
    // Listed by both: it goes by chat completions, and is still priced by its own record, not by nothing.
    standIn.models.catalog.push(catalogModel(v3, 'Sourceful: Riverflow V3 Pro'))
    standIn.models.imagesModels.add(v3)
    standIn.models.records[v3] = [record]
    const { model, generate } = await clickFor('2K')
    expect(priceLabel(model)).toBe('from $0.09')
    expect(taskRoad(generate.first!).road).toBe('chat')
    expect(formatEstimateShort(generate.cost!)).toBe('from $0.11')
    expect(formatEstimate(generate.cost)).toBe('From $0.11: the final price is known only when the job ends, so you are asked before it sends')
    expect(formatEstimateInSentence(generate.cost)).toBe('a price not yet known (from $0.11)')
    expect(needsConfirmation(generate, 1000)).toBe(true)
  })
})
