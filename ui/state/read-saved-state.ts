import { BACKGROUND_MODES, type Density, EFFORTS, type FontInput, type GenerationSettings, type SavedState } from '../../common/domain'
import { FORMATS } from '../../common/formats'
import { ASPECT_RATIOS, IMAGE_SIZES } from '../../common/sizes'
import { DEFAULT_STATE } from '../defaults'
import { MAX_FONT_INPUTS } from '../fonts/font-input-problems'
import { type ModelCapabilities, fitSettingsToList } from '../models'
import { isHexColor } from '../hex-color'
import { isObject } from '../../common/is-object'

/**
 * The saved state's format. 1: prompt, settings and placement, no version
 * field. 2: adds the batch's concurrency (and once the selection's use and
 * "each frame on its own", which the panel's actions have replaced: read no
 * more, so a state saved with them still opens). Raise it, and add a migration step, whenever a field changes
 * meaning (version 1 needs none: its missing fields take their defaults);
 * a new field with a default needs no step (the 2.5 settings, background,
 * effort and scoring prompt, are such fields: still version 2).
 */
export const SAVED_STATE_VERSION = 2

/** Requests at a time a batch may use: more would only queue at OpenRouter. */
export const MAX_CONCURRENCY = 6

/** Recent prompts kept across files: enough to find one again, little of clientStorage's 5 MB. */
export const MAX_RECENT_PROMPTS = 20

/** Takes per Generate: more than four side by side is more than a designer compares at once. */
export const MAX_TAKES = 4

/** The spending limits Settings offers, in USD a click: from a few images to a whole campaign. */
export const SPEND_LIMITS: readonly number[] = [0.5, 1, 2, 3, 5, 10, 20, 50]

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
 * use (a model that is gone from `models`, a ratio it does not know, a broken
 * font row, a value of the wrong type, a background or effort the model lacks)
 * falls back to its default or its nearest with a note, so no saved state can
 * stop the panel from opening.
 */
export function readSavedState(raw: unknown, models: readonly ModelCapabilities[]): ReadSavedState {
  const notes: string[] = []
  // First run: nothing was chosen, so nothing to tell if the default model is not listed.
  if (raw === null || raw === undefined) return { state: { ...DEFAULT_STATE, settings: fitSettingsToList(DEFAULT_STATE.settings, models).settings }, notes }
  if (!isObject(raw)) {
    const state = { ...DEFAULT_STATE, settings: fitSettingsToList(DEFAULT_STATE.settings, models).settings }
    return { state, notes: ['The settings saved last time could not be read, so the defaults are back.'] }
  }
  const saved = raw
  const state: SavedState = {
    prompt: typeof saved.prompt === 'string' ? saved.prompt : noted(DEFAULT_STATE.prompt, saved.prompt !== undefined, 'The saved prompt could not be read.', notes),
    settings: readSettings(saved.settings, models, notes),
    placement: saved.placement === 'fill' || saved.placement === 'new-layer' ? saved.placement : DEFAULT_STATE.placement,
    concurrency: isWholeIn(saved.concurrency, 1, MAX_CONCURRENCY) ? saved.concurrency : DEFAULT_STATE.concurrency,
    takes: isWholeIn(saved.takes, 1, MAX_TAKES) ? saved.takes : DEFAULT_STATE.takes,
    recentPrompts: Array.isArray(saved.recentPrompts) ? saved.recentPrompts.filter((p): p is string => typeof p === 'string').slice(0, MAX_RECENT_PROMPTS) : [],
    keepFullResolution: typeof saved.keepFullResolution === 'boolean' ? saved.keepFullResolution : DEFAULT_STATE.keepFullResolution,
    formats: readFormatIds(saved.formats),
    spendLimit: typeof saved.spendLimit === 'number' && SPEND_LIMITS.includes(saved.spendLimit) ? saved.spendLimit : DEFAULT_STATE.spendLimit,
  }
  return { state, notes }
}

function readSettings(raw: unknown, models: readonly ModelCapabilities[], notes: string[]): GenerationSettings {
  const defaults = DEFAULT_STATE.settings
  if (!isObject(raw)) {
    if (raw !== undefined) notes.push('The saved model and sizes could not be read, so the defaults are back.')
    return fitSettingsToList(defaults, models).settings
  }
  const read = <T>(value: unknown, isValid: (value: unknown) => value is T, fallback: T, what: string): T => {
    if (isValid(value)) return value
    if (value !== undefined) notes.push(`The saved ${what} (${shown(value)}) could not be used, so ${String(fallback)} is chosen.`)
    return fallback
  }
  const settings: GenerationSettings = {
    // Any slug reads: whether it is still offered is the list's to say, just below.
    model: read(raw.model, isString, defaults.model, 'model'),
    aspectRatio: read(raw.aspectRatio, isOneOf(ASPECT_RATIOS), defaults.aspectRatio, 'aspect ratio'),
    imageSize: read(raw.imageSize, isOneOf(IMAGE_SIZES), defaults.imageSize, 'size'),
    fontInputs: readFontInputs(raw.fontInputs, notes),
    background: read(raw.background, isOneOf(BACKGROUND_MODES), defaults.background, 'background'),
    backgroundColor: read(raw.backgroundColor, (value): value is string => isString(value) && isHexColor(value), defaults.backgroundColor, 'background colour'),
    effort: read(raw.effort, isOneOf(EFFORTS), defaults.effort, 'effort'),
    scoringPrompt: read(raw.scoringPrompt, isString, defaults.scoringPrompt, 'scoring prompt'),
    fitFrame: read(raw.fitFrame, (value): value is boolean => typeof value === 'boolean', defaults.fitFrame, '“Fit the frame”'),
    density: read(raw.density, (value): value is Density => value === 1 || value === 2 || value === 3, defaults.density, 'density'),
  }
  // A model gone from the list, or a size, background or effort the model lacks, changes with a note.
  const fitted = fitSettingsToList(settings, models)
  notes.push(...fitted.notes)
  return fitted.settings
}

/** The formats picked last time, as far as this build lists them; the defaults when none was saved. */
function readFormatIds(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [...DEFAULT_STATE.formats]
  return FORMATS.filter((format) => raw.includes(format.id)).map((format) => format.id)
}

function readFontInputs(raw: unknown, notes: string[]): FontInput[] {
  if (raw === undefined) return []
  const rows = Array.isArray(raw) ? raw : []
  const fonts = rows.filter((row): row is FontInput => isObject(row) && typeof row.fontUrl === 'string' && typeof row.text === 'string')
  const kept = fonts.slice(0, MAX_FONT_INPUTS).map((row) => ({ fontUrl: row.fontUrl, text: row.text }))
  if (kept.length < rows.length || !Array.isArray(raw)) notes.push('A saved “text in a font” row could not be read and was left out.')
  return kept
}

function isOneOf<T extends string>(allowed: readonly T[]): (value: unknown) => value is T {
  return (value): value is T => allowed.includes(value as T)
}

/** A value as a note shows it: never throws (`{"toString": 1}` makes String() throw), never long. */
function shown(value: unknown): string {
  if (typeof value === 'string') return value.slice(0, 20)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return Array.isArray(value) ? 'a list' : value === null ? 'nothing' : 'not a word'
}

function isString(value: unknown): value is string {
  return typeof value === 'string'
}

function noted<T>(value: T, when: boolean, note: string, notes: string[]): T {
  if (when) notes.push(note)
  return value
}

function isWholeIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
}
