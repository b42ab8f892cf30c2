import type { GenerationSettings } from '../../../common/domain'
import type { ModelCapabilities } from '../../../common/models'
import { findModel, fitSettingsToModel } from '../../models'
import type { Order, TaskSpec } from './task'

/** Said to the model for Remove background: the subject untouched, nothing else kept. */
export const REMOVE_BACKGROUND_PROMPT =
  'Remove the background: keep the subject exactly as it is, with clean edges, on a fully transparent background.'
/** The cheapest model that answers on a transparent background (2.5 and later: docs/contracts.md#the-riverflow-family). */
const CUTOUT_MODEL = 'sourceful/riverflow-v2.5-fast'

/** Whether any model of the list can answer on a transparent background: Remove background needs one. */
export function offersTransparency(models: readonly ModelCapabilities[]): boolean {
  return models.some((model) => model.backgrounds.includes('transparent'))
}

/**
 * Remove background: the chosen model when it can answer on a transparent
 * background, else 2.5 Fast (V2 cannot), or, when the list on offer has no
 * 2.5 Fast, the first it has that can; its own prompt, so the designer's
 * prompt and font rows (billed) stay for Generate. Keep full resolution
 * carries over: a cut-out is sized to its image as a Refine of it is.
 */
export function cutoutOrder(settings: GenerationSettings, models: readonly ModelCapabilities[], keepFullResolution = false): Order {
  const chosen = findModel(models, settings.model)
  const model = chosen.backgrounds.includes('transparent') ? chosen : findModel(models, fallbackModel(models))
  const fitted = fitSettingsToModel({ ...settings, fontInputs: [], scoringPrompt: '' }, model).settings
  return { prompt: REMOVE_BACKGROUND_PROMPT, settings: { ...fitted, background: 'transparent' }, model, keepFullResolution }
}

/**
 * A Remove background request as its record keeps it: the action named, its
 * instruction the plugin's, not the designer's prompt; its layer named for
 * what it is ("Shot · cut-out"), as an upscale's is ("Shot @2x"), not as a
 * Refine of the same image would be.
 */
export function asCutout(task: TaskSpec): TaskSpec {
  return { ...task, designerPrompt: '', cutout: true, name: `${task.label} · cut-out` }
}

function fallbackModel(models: readonly ModelCapabilities[]): string {
  const able = models.filter((model) => model.backgrounds.includes('transparent'))
  return able.length === 0 || able.some((model) => model.id === CUTOUT_MODEL) ? CUTOUT_MODEL : able[0].id
}
