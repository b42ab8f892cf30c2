import { EFFORTS, type GenerationSettings } from '../../common/domain'
import { type ModelCapabilities, modelLabel } from '../../common/models'
import { IMAGE_SIZES } from '../../common/sizes'
import { EFFORT_LABELS } from './model-text'
import { nearestModel } from './nearest-model'

export interface FittedSettings {
  settings: GenerationSettings
  /** What had to change, one line each, for the designer. */
  notes: string[]
}

/**
 * The settings on a model that is in the list: a model that has gone from it
 * gives way to the nearest one of the same tier, then the settings are fitted to it.
 */
export function fitSettingsToList(settings: GenerationSettings, list: readonly ModelCapabilities[]): FittedSettings {
  const listed = list.find((model) => model.id === settings.model)
  if (listed) return fitSettingsToModel(settings, listed)
  const model = nearestModel(settings.model, list)
  const fitted = fitSettingsToModel(settings, model)
  // Named in words, as History names it: the id is OpenRouter's, and the saved one may be anything.
  return { settings: fitted.settings, notes: [`${modelLabel(settings.model.slice(0, 60))} is not offered now, so ${model.label} is chosen.`, ...fitted.notes] }
}

/**
 * The settings for `model`: a size, background or effort it lacks becomes the
 * nearest it has, each with a note. Font inputs stay: the designer sees them
 * and can remove them, and the check before sending names the limit. The
 * scoring prompt stays too: a model that does not score hides its field and is
 * not sent it, and back on one that does, the designer's words are there.
 */
export function fitSettingsToModel(settings: GenerationSettings, model: ModelCapabilities): FittedSettings {
  const notes: string[] = []
  const next: GenerationSettings = { ...settings, model: model.id }
  if (!model.sizes.includes(settings.imageSize)) {
    next.imageSize = nearestBelow(IMAGE_SIZES, model.sizes, settings.imageSize)
    notes.push(`${model.label} does not offer ${settings.imageSize}, so ${next.imageSize} is chosen.`)
  }
  if (settings.background !== 'original' && !model.backgrounds.includes(settings.background)) {
    next.background = 'original'
    notes.push(`${model.label} cannot make a ${settings.background} background, so the original background is kept.`)
  }
  if (model.efforts.length > 0 && !model.efforts.includes(settings.effort)) {
    next.effort = nearestBelow(EFFORTS, model.efforts, settings.effort)
    notes.push(`${model.label} does not offer “${EFFORT_LABELS[settings.effort]}” thinking, so “${EFFORT_LABELS[next.effort]}” is chosen.`)
  }
  return { settings: next, notes }
}

/** The largest offered value not above `wanted` in `order`, else the smallest offered. */
function nearestBelow<T>(order: readonly T[], offered: readonly T[], wanted: T): T {
  const below = order.slice(0, order.indexOf(wanted) + 1).filter((value) => offered.includes(value))
  return below.length > 0 ? below[below.length - 1] : offered[0]
}
