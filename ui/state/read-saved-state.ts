import type { AspectRatio, FontInput, GenerationSettings, ImageSize, SavedState } from '../../common/domain'
import { ASPECT_RATIOS } from '../aspect-ratios'
import { DEFAULT_STATE } from '../defaults'
import { MAX_FONT_INPUTS } from '../fonts/font-input-problems'
import { modelInfo, sizesOffered } from '../models'

/**
 * The saved state's format. 1: prompt, settings and placement, no version
 * field. 2: adds the selection's use, "each frame on its own" and the batch's
 * concurrency. Raise it, and add a migration step, whenever a field changes
 * meaning (version 1 needs none: its missing fields take their defaults);
 * a new field with a default needs no step.
 */
export const SAVED_STATE_VERSION = 2

/** Requests at a time a batch may use: more would only queue at OpenRouter. */
export const MAX_CONCURRENCY = 6

/** Recent prompts kept across files: enough to find one again, little of clientStorage's 5 MB. */
export const MAX_RECENT_PROMPTS = 20

/** Takes per Generate: more than four side by side is more than a designer compares at once. */
export const MAX_TAKES = 4

export interface ReadSavedState {
  state: SavedState
  /** What could not be kept as saved, for the designer: one line each. */
  notes: string[]
}

/** What goes to clientStorage: the state with its format's version. */
export function toStoredState(state: SavedState): SavedState & { version: number } {
  return { ...state, version: SAVED_STATE_VERSION }
}

/**
 * Reads what clientStorage holds field by field. Whatever this version cannot
 * use (a model that is gone, a ratio it does not know, a broken font row, a
 * value of the wrong type) falls back to its default with a note, so no saved
 * state can stop the panel from opening.
 */
export function readSavedState(raw: unknown, isOfferedModel: (id: string) => boolean): ReadSavedState {
  const notes: string[] = []
  if (raw === null || raw === undefined) return { state: DEFAULT_STATE, notes }
  if (!isObject(raw)) return { state: DEFAULT_STATE, notes: ['The settings saved last time could not be read, so the defaults are back.'] }
  const saved = raw
  const state: SavedState = {
    prompt: typeof saved.prompt === 'string' ? saved.prompt : noted(DEFAULT_STATE.prompt, saved.prompt !== undefined, 'The saved prompt could not be read.', notes),
    settings: readSettings(saved.settings, isOfferedModel, notes),
    placement: saved.placement === 'fill' || saved.placement === 'new-layer' ? saved.placement : DEFAULT_STATE.placement,
    selectionUse: saved.selectionUse === 'create' || saved.selectionUse === 'edit' ? saved.selectionUse : DEFAULT_STATE.selectionUse,
    eachOnItsOwn: typeof saved.eachOnItsOwn === 'boolean' ? saved.eachOnItsOwn : DEFAULT_STATE.eachOnItsOwn,
    concurrency: isWholeIn(saved.concurrency, 1, MAX_CONCURRENCY) ? saved.concurrency : DEFAULT_STATE.concurrency,
    takes: isWholeIn(saved.takes, 1, MAX_TAKES) ? saved.takes : DEFAULT_STATE.takes,
    recentPrompts: Array.isArray(saved.recentPrompts) ? saved.recentPrompts.filter((p): p is string => typeof p === 'string').slice(0, MAX_RECENT_PROMPTS) : [],
  }
  return { state, notes }
}

function readSettings(raw: unknown, isOfferedModel: (id: string) => boolean, notes: string[]): GenerationSettings {
  const defaults = DEFAULT_STATE.settings
  if (!isObject(raw)) {
    if (raw !== undefined) notes.push('The saved model and sizes could not be read, so the defaults are back.')
    return defaults
  }
  let model = defaults.model
  if (typeof raw.model === 'string' && isOfferedModel(raw.model)) model = raw.model as GenerationSettings['model']
  else if (raw.model !== undefined) notes.push(`The model saved last time (${String(raw.model).slice(0, 60)}) is not offered, so ${modelInfo(model).label} is chosen.`)

  let aspectRatio: AspectRatio = defaults.aspectRatio
  if (ASPECT_RATIOS.includes(raw.aspectRatio as AspectRatio)) aspectRatio = raw.aspectRatio as AspectRatio
  else if (raw.aspectRatio !== undefined) notes.push(`The saved aspect ratio (${String(raw.aspectRatio).slice(0, 20)}) is not one Riverflow offers, so ${aspectRatio} is chosen.`)

  const offered = sizesOffered(model)
  let imageSize: ImageSize = offered[0]
  if (offered.includes(raw.imageSize as ImageSize)) imageSize = raw.imageSize as ImageSize
  else if (raw.imageSize !== undefined) notes.push(`${modelInfo(model).label} does not offer the saved size (${String(raw.imageSize).slice(0, 20)}), so ${imageSize} is chosen.`)

  return { model, aspectRatio, imageSize, fontInputs: readFontInputs(raw.fontInputs, notes) }
}

function readFontInputs(raw: unknown, notes: string[]): FontInput[] {
  if (raw === undefined) return []
  const rows = Array.isArray(raw) ? raw : []
  const fonts = rows.filter((row): row is FontInput => isObject(row) && typeof row.fontUrl === 'string' && typeof row.text === 'string')
  const kept = fonts.slice(0, MAX_FONT_INPUTS).map((row) => ({ fontUrl: row.fontUrl, text: row.text }))
  if (kept.length < rows.length || !Array.isArray(raw)) notes.push('A saved “text in a font” row could not be read and was left out.')
  return kept
}

function noted<T>(value: T, when: boolean, note: string, notes: string[]): T {
  if (when) notes.push(note)
  return value
}

function isWholeIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
