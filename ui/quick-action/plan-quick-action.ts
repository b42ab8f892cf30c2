import type { GenerationSettings, QuickAction, SavedState, SelectedLayer } from '../../common/domain'
import { nearestAspectRatio } from '../aspect-ratios'
import { type ClickAction, needsConfirmation, planClick } from '../generation/plan-click'
import { capabilitiesFor, fitSettingsToModel, isOfferedModel } from '../models'

/** What a quick action will send, or why it sends nothing (said in a toast). */
export type QuickActionPlan = { ok: true; action: ClickAction; settings: GenerationSettings } | { ok: false; problem: string }

export const BUSY = 'Riverflow is still working on the last images: nothing was sent. Try again when it is done.'

/**
 * A quick action planned exactly as the panel would plan the same click:
 * Generate with the saved choices (a fill of the selected layers, or a new
 * layer beside them or in view), or Upscale each at 2×. What the designer
 * entered in the quick action bar replaces the saved prompt, model and ratio.
 */
export function planQuickAction(quick: QuickAction, saved: SavedState, selection: SelectedLayer[], busy: boolean): QuickActionPlan {
  if (busy) return { ok: false, problem: BUSY }
  if (quick.command === 'upscale-selection') {
    // The saved prompt was written for something else: an upscale here keeps the image as it is.
    // Planned from 'create', the named action takes its own default roles: every image-like layer.
    const state: SavedState = { ...saved, prompt: '', selectionUse: 'create' }
    const upscale = planClick({ state, selection, roles: {} }).batchActions.find((a) => a.key === 'upscale-each-2')
    if (!upscale) return { ok: false, problem: 'Select the frames or images to upscale, then run it again: nothing was sent.' }
    if (upscale.problems.length > 0) return { ok: false, problem: upscale.problems[0] }
    return confirmed(upscale, state.settings)
  }
  if (quick.prompt.trim() === '') return { ok: false, problem: 'Write a prompt to generate an image: nothing was sent.' }
  const settings = settingsFor(quick, saved.settings)
  const state: SavedState = { ...saved, prompt: quick.prompt, settings, selectionUse: 'create' }
  const plan = planClick({ state, selection, roles: {} })
  // The panel starts a fill from the ratio nearest the layer's; "Match the selection" asks for that everywhere.
  const first = plan.placement === 'fill' ? selection.find((layer) => layer.fillable) : selection[0]
  const match = quick.aspectRatio === 'match-selection' || (quick.aspectRatio === null && plan.placement === 'fill')
  if (!match || !first) return confirmed(plan.generate, settings)
  const matched = { ...settings, aspectRatio: nearestAspectRatio(first.width, first.height) }
  return confirmed(planClick({ state: { ...state, settings: matched }, selection, roles: {} }).generate, matched)
}

/** The saved settings with the quick action's model and ratio; font inputs stay in the panel (billed, and tied to its prompt). */
function settingsFor(quick: Extract<QuickAction, { command: 'generate-image' }>, saved: GenerationSettings): GenerationSettings {
  const model = quick.model !== null && isOfferedModel(quick.model) ? quick.model : saved.model
  const aspectRatio = quick.aspectRatio === null || quick.aspectRatio === 'match-selection' ? saved.aspectRatio : quick.aspectRatio
  // The model's own sizes, backgrounds and efforts, as when the designer switches model in the panel.
  return fitSettingsToModel({ ...saved, model, aspectRatio, fontInputs: [] }, capabilitiesFor(model)).settings
}

/** A quick action has no panel to ask in: one that would need asking sends nothing. */
function confirmed(action: ClickAction, settings: GenerationSettings): QuickActionPlan {
  if (needsConfirmation(action)) {
    return { ok: false, problem: `That sends ${action.tasks.length} requests: open Riverflow to see the estimate and confirm. Nothing was sent.` }
  }
  return { ok: true, action, settings }
}
