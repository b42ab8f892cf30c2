import { afterAll, beforeAll, it } from 'vitest'
import type { GenerationSettings } from '../common/domain'
import type { SelectedLayer } from '../common/selection'
import type { ModelCapabilities } from '../common/models'
import { DEFAULT_STATE } from '../ui/defaults'
import { planClick } from '../ui/generation/plan/plan-click'
import { refreshCatalogAsync } from '../ui/models/catalog/refresh-model-list'
import { type OpenRouterStandIn, TEST_KEY, startOpenRouterStandIn } from '../test/openrouter-stand-in/server'
import { recordFigure } from './figures'

// The frames designers fill, filled at 2× through the planner the panel runs (planClick), with
// the model list the panel loads (both of OpenRouter's lists and the Image API's records, from
// the stand-in). The best tier is worked out here on its own, from Sourceful's table.
const FRAMES: [number, number][] = [[1080, 1080], [1080, 1350], [1080, 1920], [1200, 628], [1920, 1080], [300, 250], [728, 90], [160, 600], [2480, 3508]]
const DENSITY = 2
const FIGMA_MAX = 4096

/** Sourceful's 1K sizes by ratio, written out here as the bench's own reference (2K doubles, 4K quadruples). */
const TABLE = '1:1=1024x1024 16:9=1280x720 3:2=1248x832 4:3=1152x864 5:4=1120x896 21:9=1512x648 4:5=896x1120 2:3=832x1248 3:4=864x1152 9:16=720x1280'
const ONE_K = new Map(TABLE.split(' ').map((pair) => [pair.split('=')[0], pair.split('=')[1].split('x').map(Number) as [number, number]]))
const TIER_SCALE: Record<string, number> = { '1K': 1, '2K': 2, '4K': 4 }

let standIn: OpenRouterStandIn
beforeAll(async () => void (standIn = await startOpenRouterStandIn()))
afterAll(async () => standIn.close())

interface FrameResult {
  frame: string
  asked: string
  /** Pixels paid for ÷ pixels the frame shows at 2×. */
  paid: number
  cropped: number
  sharpness: number
  onTarget: boolean | null
}

it('sizes the common frames, filled at 2×, per model', async ({ task }) => {
  const choice = await refreshCatalogAsync({ key: TEST_KEY, baseUrl: standIn.url, cache: null, now: Date.now(), save: async () => {} })
  for (const model of choice.models.filter((m) => !m.id.endsWith(':free'))) {
    const results = FRAMES.map(([width, height]) => measure(model, choice.models, width, height))
    for (const r of results) console.log(`[bench] ${model.label} ${r.frame}: ${r.asked}, paid ÷ shown ${r.paid.toFixed(3)}, cropped ${(r.cropped * 100).toFixed(1)}%, sharpness ${r.sharpness.toFixed(2)}${r.onTarget === null ? ' (outside its limits)' : r.onTarget ? '' : ' OFF TARGET'}`)
    const judged = results.filter((r) => r.onTarget !== null)
    const off = judged.filter((r) => !r.onTarget).length
    recordFigure(task, {
      group: 'frames',
      name: `Frames filled at 2×, ${model.label}`,
      value: `${judged.length - off} of ${judged.length} frames on target${judged.length < results.length ? ` (${results.length - judged.length} outside its limits)` : ''}`,
      ratio: { label: 'frames off target / frames', value: off / Math.max(1, judged.length) },
      more: [
        { label: 'worst paid ÷ shown', value: Math.max(...results.map((r) => r.paid)) },
        { label: 'worst share cropped', value: Math.max(...results.map((r) => r.cropped)) },
        { label: 'least sharpness', value: Math.min(...results.map((r) => r.sharpness)) },
      ],
      target: { max: 0, strict: false },
      data: Object.fromEntries(results.map((r) => [r.frame, `${r.asked}; paid/shown ${r.paid.toFixed(3)}; cropped ${r.cropped.toFixed(3)}; sharpness ${r.sharpness.toFixed(2)}`])),
    })
  }
})

/** One frame through the panel's planner; judged against 2.6 Pro's targets or the independently worked-out best tier. */
function measure(model: ModelCapabilities, models: readonly ModelCapabilities[], width: number, height: number): FrameResult {
  const layer: SelectedLayer = { id: '1:2', name: 'Frame', type: 'FRAME', width, height, fillable: true, madeHere: false }
  const settings: GenerationSettings = { ...DEFAULT_STATE.settings, model: model.id, fitFrame: true, density: DENSITY }
  const task = planClick({ state: { ...DEFAULT_STATE, settings }, selection: [layer], roles: {}, models }).generate.tasks[0]
  const made = task.exactSize ?? tierSize(task.settings.aspectRatio, task.settings.imageSize)
  const m = metrics(made, width, height)
  const frame = `${width}×${height}`
  const asked = task.exactSize ? `size ${made.width}x${made.height}` : `${task.settings.imageSize} ${task.settings.aspectRatio} (${made.width}×${made.height})`
  if (model.exactSize) {
    const wanted = { width: width * DENSITY, height: height * DENSITY }
    const within = Math.max(wanted.width, wanted.height) <= Math.min(FIGMA_MAX, model.exactSize.maxSide) && wanted.width * wanted.height <= model.exactSize.maxPixels
    return { frame, asked, ...m, onTarget: within ? m.paid <= 1.01 && m.cropped <= 0.005 && m.sharpness >= 1 : null }
  }
  const best = bestTier(model.sizes, width, height)
  // Sharp enough wherever a tier allows it: when the best tier is, the one chosen must be too.
  const sharpPossible = metrics(tierSize(nearestRatio(width, height), best), width, height).sharpness >= 1
  return { frame, asked, ...m, onTarget: task.settings.imageSize === best && (!sharpPossible || m.sharpness >= 1) }
}

function metrics(made: { width: number; height: number }, width: number, height: number) {
  const placed = shrinkForFigma(made)
  const a = made.width / made.height
  const b = width / height
  const cropped = 1 - Math.min(a / b, b / a)
  const shownPixels = Math.min(made.width * made.height * (1 - cropped), width * DENSITY * height * DENSITY)
  return { paid: (made.width * made.height) / shownPixels, cropped, sharpness: Math.min(placed.width / width, placed.height / height) / DENSITY }
}

/** The smallest tier whose image, at the ratio nearest the frame, covers it at 2× once Figma has it; else the largest. */
function bestTier(tiers: readonly string[], width: number, height: number): string {
  const ratio = nearestRatio(width, height)
  for (const tier of tiers) if (metrics(tierSize(ratio, tier), width, height).sharpness >= 1) return tier
  return tiers[tiers.length - 1]
}

function nearestRatio(width: number, height: number): string {
  const distance = (ratio: string) => Math.abs(Math.log(ONE_K.get(ratio)![0] / ONE_K.get(ratio)![1]) - Math.log(width / height))
  return [...ONE_K.keys()].reduce((a, b) => (distance(b) < distance(a) ? b : a))
}

function tierSize(ratio: string, tier: string) {
  const [w, h] = ONE_K.get(ratio)!
  return { width: w * TIER_SCALE[tier], height: h * TIER_SCALE[tier] }
}

function shrinkForFigma(size: { width: number; height: number }) {
  const scale = Math.min(1, FIGMA_MAX / Math.max(size.width, size.height))
  return { width: Math.round(size.width * scale), height: Math.round(size.height * scale) }
}
