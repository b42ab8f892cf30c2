// Generation settings from what a document or clientStorage holds: one check for each field, so
// that a layer's record (./read-record.ts) and the panel's saved state (ui/state/read-saved-state.ts)
// agree on what a setting may be. Anyone with edit access to a file can write a record, so every
// field is checked for its type and its size.
import { BACKGROUND_MODES, type Density, EFFORTS, type FontInput, type GenerationSettings } from '../domain'
import { isObject } from './is-object'
import { MAX_FONT_INPUTS } from '../models'
import { ASPECT_RATIOS, IMAGE_SIZES } from '../sizes'

/** Longer than any real value of these: a model's slug, an OpenRouter id, an ISO time. */
export const MAX_SHORT = 200
/** Longer than any font's URL. */
export const MAX_URL = 2_048
/**
 * A designer's text: a prompt, a judge text, a font's text. Records are kept under 90 KB
 * (plugin/history/record.ts), so a longer text cannot be one the plugin wrote; the saved state
 * keeps each of its texts within it too (ui/state/read-saved-state.ts), whole up to there.
 */
export const MAX_TEXT = 100_000

/** Every setting but the font inputs, whose rows each reader takes in its own way (`readFontRows`). */
export type SettingsFields = Omit<GenerationSettings, 'fontInputs'>

/** The fields of `value` that read, each as the plugin writes it; a field that does not read is left out. */
export function readSettingsFields(value: Record<string, unknown>): Partial<SettingsFields> {
  const read: Partial<SettingsFields> = {}
  const { model, aspectRatio, imageSize, background, backgroundColor, effort, scoringPrompt, fitFrame, density } = value
  if (isText(model, MAX_SHORT)) read.model = model
  if (oneOf(ASPECT_RATIOS, aspectRatio)) read.aspectRatio = aspectRatio
  if (oneOf(IMAGE_SIZES, imageSize)) read.imageSize = imageSize
  if (oneOf(BACKGROUND_MODES, background)) read.background = background
  // `#RRGGBB`, the only colour form `background_hex_color` takes (docs/contracts.md#scoring-and-background).
  if (isText(backgroundColor, 7) && /^#[0-9a-f]{6}$/i.test(backgroundColor)) read.backgroundColor = backgroundColor
  if (oneOf(EFFORTS, effort)) read.effort = effort
  if (isText(scoringPrompt, MAX_TEXT)) read.scoringPrompt = scoringPrompt
  if (typeof fitFrame === 'boolean') read.fitFrame = fitFrame
  if (isDensity(density)) read.density = density
  return read
}

/**
 * The font rows of `value` that read, copied field by field; `whole` is false
 * when it is not a list, when a row did not read, or when it holds more rows
 * than any model takes.
 */
export function readFontRows(value: unknown): { rows: FontInput[]; whole: boolean } {
  if (!Array.isArray(value)) return { rows: [], whole: false }
  const rows = value.flatMap((row: unknown) => (isObject(row) && isText(row.fontUrl, MAX_URL) && isText(row.text, MAX_TEXT) ? [{ fontUrl: row.fontUrl, text: row.text }] : []))
  return { rows: rows.slice(0, MAX_FONT_INPUTS), whole: rows.length === value.length && rows.length <= MAX_FONT_INPUTS }
}

export function isText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length <= max
}

/** The start of `text`, at most `max` characters, never half a surrogate pair. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text
  const end = /[\ud800-\udbff]/.test(text.charAt(max - 1)) ? max - 1 : max
  return text.slice(0, end)
}

function oneOf<T extends string>(allowed: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && allowed.includes(value as T)
}

function isDensity(value: unknown): value is Density {
  return value === 1 || value === 2 || value === 3
}
