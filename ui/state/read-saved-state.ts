import type { FontInput, GenerationSettings, SavedState } from '../../common/domain'
import { FORMATS } from '../../common/formats'
import { MAX_FONT_INPUTS } from '../../common/models'
import { MAX_SHORT, MAX_TEXT, MAX_URL, type SettingsFields, cut, readFontRows, readSettingsFields } from '../../common/read/read-settings'
import { DEFAULT_STATE } from '../defaults'
import { type ModelCapabilities, fitSettingsToList } from '../models'
import { isObject } from '../../common/read/is-object'
import { boundRecentPrompts } from './recent-prompts'

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

/** Takes per Generate: more than four side by side is more than a designer compares at once. */
export const MAX_TAKES = 4

/** The spending limits Settings offers, in USD a click: from a few images to a whole campaign. */
export const SPEND_LIMITS: readonly number[] = [0.5, 1, 2, 3, 5, 10, 20, 50]

export interface ReadSavedState {
  state: SavedState
  /** What could not be kept as saved, for the designer: one line each. */
  notes: string[]
}

/**
 * What goes to clientStorage: the state with its format's version, each text
 * within the bound it is read back with, so that all of it fits clientStorage's
 * 5 MB (over it, nothing would be saved) and nothing written is refused on read.
 * The designer's texts are kept whole up to MAX_TEXT; the panel's own state is
 * never cut, only what is kept for next time.
 */
export function toStoredState(state: SavedState): SavedState & { version: number } {
  const { settings } = state
  const stored: GenerationSettings = {
    ...settings,
    // The one typed setting that is not the designer's text (the model is picked from the list): longer than `#RRGGBB`
    // is never a colour, and the reader says so from its start.
    backgroundColor: cut(settings.backgroundColor, MAX_SHORT),
    scoringPrompt: cut(settings.scoringPrompt, MAX_TEXT),
    // A link cut short would be another link: one past any font's is left empty for the designer to paste again.
    fontInputs: settings.fontInputs.slice(0, MAX_FONT_INPUTS).map((font) => ({ fontUrl: font.fontUrl.length <= MAX_URL ? font.fontUrl : '', text: cut(font.text, MAX_TEXT) })),
  }
  return { ...state, prompt: cut(state.prompt, MAX_TEXT), settings: stored, recentPrompts: boundRecentPrompts(state.recentPrompts), version: SAVED_STATE_VERSION }
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
    prompt: readPrompt(saved.prompt, notes),
    settings: readSettings(saved.settings, models, notes),
    placement: saved.placement === 'fill' || saved.placement === 'new-layer' ? saved.placement : DEFAULT_STATE.placement,
    concurrency: isWholeIn(saved.concurrency, 1, MAX_CONCURRENCY) ? saved.concurrency : DEFAULT_STATE.concurrency,
    takes: isWholeIn(saved.takes, 1, MAX_TAKES) ? saved.takes : DEFAULT_STATE.takes,
    recentPrompts: Array.isArray(saved.recentPrompts) ? boundRecentPrompts(saved.recentPrompts) : [],
    keepFullResolution: typeof saved.keepFullResolution === 'boolean' ? saved.keepFullResolution : DEFAULT_STATE.keepFullResolution,
    formats: readFormatIds(saved.formats),
    spendLimit: typeof saved.spendLimit === 'number' && SPEND_LIMITS.includes(saved.spendLimit) ? saved.spendLimit : DEFAULT_STATE.spendLimit,
  }
  return { state, notes }
}

/** The prompt, its start when longer than the panel keeps (a record's prompt is read here too). */
function readPrompt(raw: unknown, notes: string[]): string {
  if (typeof raw !== 'string') return noted(DEFAULT_STATE.prompt, raw !== undefined, 'The saved prompt could not be read.', notes)
  return noted(cut(raw, MAX_TEXT), raw.length > MAX_TEXT, `Only the first ${MAX_TEXT.toLocaleString('en')} characters of the prompt are loaded.`, notes)
}

/** Each field that reads (common/read-settings.ts, as a layer's record is read), the default with a note for each that does not. */
function readSettings(raw: unknown, models: readonly ModelCapabilities[], notes: string[]): GenerationSettings {
  const defaults = DEFAULT_STATE.settings
  if (!isObject(raw)) {
    if (raw !== undefined) notes.push('The saved model and sizes could not be read, so the defaults are back.')
    return fitSettingsToList(defaults, models).settings
  }
  const fields = readSettingsFields(raw)
  const read = <K extends keyof SettingsFields>(key: K, what: string): SettingsFields[K] => {
    const value = fields[key]
    if (value !== undefined) return value
    if (raw[key] !== undefined) notes.push(`The saved ${what} (${shown(raw[key])}) could not be used, so ${String(defaults[key])} is chosen.`)
    return defaults[key]
  }
  const settings: GenerationSettings = {
    // Any slug reads: whether it is still offered is the list's to say, just below.
    model: read('model', 'model'),
    aspectRatio: read('aspectRatio', 'aspect ratio'),
    imageSize: read('imageSize', 'size'),
    fontInputs: readFontInputs(raw.fontInputs, notes),
    background: read('background', 'background'),
    backgroundColor: read('backgroundColor', 'background colour'),
    effort: read('effort', 'effort'),
    scoringPrompt: read('scoringPrompt', 'scoring prompt'),
    fitFrame: read('fitFrame', '“Fit the frame”'),
    density: read('density', 'density'),
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

/** The rows that read, with a note when one was left out. */
function readFontInputs(raw: unknown, notes: string[]): FontInput[] {
  if (raw === undefined) return []
  const { rows, whole } = readFontRows(raw)
  if (!whole) notes.push('A saved “text in a font” row could not be read and was left out.')
  return rows
}

/** A value as a note shows it: never throws (`{"toString": 1}` makes String() throw), never long. */
function shown(value: unknown): string {
  if (typeof value === 'string') return value.slice(0, 20)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return Array.isArray(value) ? 'a list' : value === null ? 'nothing' : 'not a word'
}

function noted<T>(value: T, when: boolean, note: string, notes: string[]): T {
  if (when) notes.push(note)
  return value
}

function isWholeIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
}
