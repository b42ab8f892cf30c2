import type { AspectRatio, GenerationSettings, QuickAction, SavedState } from '../../common/domain'
import type { SelectedLayer } from '../../common/selection'
import { nearestAspectRatio } from '../../common/sizes'
import { offersTransparency } from '../generation/plan/cutout-settings'
import type { ClickAction } from '../generation/plan/offer'
import { needsConfirmation, overSpendLimit, planClick } from '../generation/plan/plan-click'
import { formatUsd, highestUsd } from '../pricing'
import type { ReadyKit } from '../brand-kit/ready-kit'
import { type ModelCapabilities, findModel, fitSettingsToModel } from '../models'

/** What a quick action will send, or why it sends nothing (said in a toast). */
export type QuickActionPlan = { ok: true; action: ClickAction; settings: GenerationSettings; note?: string } | { ok: false; problem: string }

/** What the UI knows when a quick action runs. */
export interface QuickActionSituation {
  saved: SavedState
  selection: SelectedLayer[]
  /** Another generation is running. */
  busy: boolean
  /** The model list the panel would offer now: the cached catalog, else the built-in table. */
  models: readonly ModelCapabilities[]
  /** The file's brand kit, when it uses one: a quick action carries it as the panel's click would. */
  kit?: ReadyKit | null
}

export const BUSY = 'Riverflow is still working on the last images: nothing was sent. Try again when it is done.'
export const NO_TRANSPARENCY =
  'None of the models on offer can answer on a transparent background, so the background cannot be removed: nothing was sent.'

const AREA_NOTHING = 'Select an image and a shape drawn over the part to change, then run it again: nothing was sent.'

/** The panel's batch action each selection command stands for, and what to say when the selection has nothing for it. */
const ON_SELECTION = {
  'upscale-selection': { key: 'upscale-each-2', nothing: 'Select an image, or a frame with something in it, to upscale, then run it again: nothing was sent.' },
  'remove-background': {
    key: 'remove-background',
    nothing: 'Select an image, or a frame with something in it, to remove the background from, then run it again: nothing was sent.',
  },
  'erase-area': { key: 'erase', nothing: AREA_NOTHING },
  'edit-area': { key: 'edit-area', nothing: AREA_NOTHING },
} as const

/**
 * A quick action planned exactly as the panel would plan the same click:
 * Generate with the saved choices (a fill of the selected layers, or a new
 * layer beside them or in view), or the button of Upscale each 2× or Remove
 * background. What the designer entered in the quick action bar replaces the
 * saved prompt, model and ratio.
 */
export function planQuickAction(quick: QuickAction, situation: QuickActionSituation): QuickActionPlan {
  const { saved, selection, busy, models } = situation
  // A toast cannot show a price before it sends: the kit adds nothing billed, and the toast says what it left out.
  const kit = situation.kit && { ...situation.kit, paidExtras: false as const }
  if (busy) return { ok: false, problem: BUSY }
  if (quick.command !== 'generate-image') {
    // The manifest's menu cannot follow the model list: a list with no transparent background is said here.
    if (quick.command === 'remove-background' && !offersTransparency(models)) {
      return { ok: false, problem: NO_TRANSPARENCY }
    }
    // The saved prompt was written for something else: an upscale keeps the image as it is, and Remove background has its own.
    // The named action takes its own default roles: every image-like layer. Font inputs stay in the panel, as for Generate.
    const state: SavedState = { ...saved, prompt: quick.command === 'edit-area' ? quick.prompt : '', settings: { ...saved.settings, fontInputs: [] } }
    const { key, nothing } = ON_SELECTION[quick.command]
    const action = planClick({ state, selection, roles: {}, models, kit }).offers.find((a) => a.key === key)
    if (!action) return { ok: false, problem: nothing }
    if (action.problems.length > 0) return { ok: false, problem: action.problems[0] }
    // Remove background may send with another model than the saved one: the toast names the one it sends to.
    return confirmed(action, action.first?.settings ?? state.settings, saved.spendLimit)
  }
  if (quick.prompt.trim() === '') return { ok: false, problem: 'Write a prompt to generate an image: nothing was sent.' }
  const settings = settingsFor(quick, saved.settings, models)
  const state: SavedState = { ...saved, prompt: quick.prompt, settings }
  const plan = planClick({ state, selection, roles: {}, models, kit })
  // What would stop the panel's Generate stops this one too (a key in the prompt, a background colour that does not read).
  if (plan.generate.problems.length > 0) return { ok: false, problem: `${plan.generate.problems[0]} Nothing was sent.` }
  // The panel starts a fill from the ratio nearest the layer's; "Match the selection" asks for that everywhere.
  const first = plan.placement === 'fill' ? selection.find((layer) => layer.fillable) : selection[0]
  const match = quick.aspectRatio === 'match-selection' || (quick.aspectRatio === null && plan.placement === 'fill')
  if (!match || !first) return withRatioNote(confirmed(plan.generate, settings, saved.spendLimit), quick.aspectRatio, first)
  const matched = { ...settings, aspectRatio: nearestAspectRatio(first.width, first.height) }
  return confirmed(planClick({ state: { ...state, settings: matched }, selection, roles: {}, models, kit }).generate, matched, saved.spendLimit)
}

/** The saved settings with the quick action's model and ratio; font inputs stay in the panel (billed, and a toast shows no price before it sends). */
function settingsFor(quick: Extract<QuickAction, { command: 'generate-image' }>, saved: GenerationSettings, models: readonly ModelCapabilities[]): GenerationSettings {
  const model = quick.model !== null && models.some((offered) => offered.id === quick.model) ? quick.model : saved.model
  const aspectRatio = quick.aspectRatio === null || quick.aspectRatio === 'match-selection' ? saved.aspectRatio : quick.aspectRatio
  // The model's own sizes, backgrounds and efforts, as when the designer switches model in the panel.
  return fitSettingsToModel({ ...saved, model, aspectRatio, fontInputs: [] }, findModel(models, model)).settings
}

/**
 * A ratio entered by name for an image that fills a frame: Fit the frame makes
 * it for the frame's shape, as the panel does (a fill of another shape would
 * crop it). Said in the toast: what the designer chose is never dropped unsaid.
 */
function withRatioNote(plan: QuickActionPlan, asked: AspectRatio | 'match-selection' | null, layer: SelectedLayer | undefined): QuickActionPlan {
  const made = plan.ok ? plan.action.tasks[0] : undefined
  if (!plan.ok || !made?.frame || !layer || asked === null || asked === 'match-selection' || made.settings.aspectRatio === asked) return plan
  return { ...plan, note: `Made to fit “${layer.name}”, so at ${made.settings.aspectRatio}, not the ${asked} you chose.` }
}

/** A quick action has no panel to ask in: one that would need asking sends nothing. */
function confirmed(action: ClickAction, settings: GenerationSettings, spendLimit: number): QuickActionPlan {
  if (overSpendLimit(action, spendLimit)) {
    // A price not known (a model new to this build) has no most to hold to the limit: the panel asks.
    const high = action.cost && highestUsd(action.cost)
    if (high === null) return { ok: false, problem: 'This model’s price is known only once the image is made: open Riverflow to confirm. Nothing was sent.' }
    return { ok: false, problem: `That may cost up to ${formatUsd(high)}, over your limit of ${formatUsd(spendLimit)} a click: open Riverflow to see the estimate and confirm. Nothing was sent.` }
  }
  if (needsConfirmation(action, spendLimit)) {
    return { ok: false, problem: `That sends ${action.count} requests: open Riverflow to see the estimate and confirm. Nothing was sent.` }
  }
  return { ok: true, action, settings }
}
