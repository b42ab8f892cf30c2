// Reads a generation record from what a document holds (a layer's plugin data,
// a history entry): anyone with edit access to the file can write there, so
// every field is checked for its type and its size before either half uses it.
import type { GenerationRecord, GenerationSettings } from '../domain'
import { MAX_FONT_INPUTS } from '../models'
import { isObject } from './is-object'
import { MAX_SHORT, MAX_TEXT, MAX_URL, isText, readFontRows, readSettingsFields } from './read-settings'

/**
 * The longest "Judge by text" a record keeps: a judge text is a few
 * sentences, and an uncapped one over ~90 KB made every placement throw.
 */
export const MAX_SCORING_PROMPT = 2_000
/** A page id ("12:345"), as the file's kit choice keeps it (plugin/brand-kit/kit-requests.ts). */
export const MAX_KIT_ID = 40
/**
 * More than any one request costs (the dearest image with every reference is a few dollars): a
 * record claiming more was not written by the plugin, and History would show it as "$1e+21".
 */
const MAX_COST_USD = 1_000
/** Larger than any side a model makes (2.6 Pro: 16,384 px). */
const MAX_EXACT_SIDE = 32_768

/** The record, its fields copied one by one (no stray keys, no prototype tricks), or null when any is wrong. */
export function readRecord(value: unknown): GenerationRecord | null {
  if (!isObject(value)) return null
  const settings = readSettings(value.settings)
  if (!settings || !isText(value.prompt, MAX_TEXT) || !isTime(value.createdAt)) return null
  const { generationId, cost } = value
  if (!(generationId === null || isText(generationId, MAX_SHORT))) return null
  if (!(cost === null || isCost(cost))) return null
  return withParts({ prompt: value.prompt, settings, generationId, cost, createdAt: value.createdAt }, value)
}

type Parts = Partial<Record<'promptTruncated' | 'fontInputsTruncated' | 'brandKit' | 'brandKitId' | 'area' | 'expand' | 'exactSize' | 'format' | 'fromImages' | 'upscale' | 'cutout' | 'imageHash', unknown>>

/** The record's optional parts, each checked: those that read are added to `record`. */
function withParts(record: GenerationRecord, value: Parts): GenerationRecord {
  if (value.promptTruncated === true) record.promptTruncated = true
  if (value.fontInputsTruncated === true) record.fontInputsTruncated = true
  if (value.fromImages === true) record.fromImages = true
  if (value.cutout === true) record.cutout = true
  const upscale = isObject(value.upscale) ? value.upscale.factor : undefined
  if (upscale === 2 || upscale === 4) record.upscale = { factor: upscale }
  if (isText(value.brandKit, MAX_SHORT)) record.brandKit = value.brandKit
  if (isText(value.brandKitId, MAX_KIT_ID) && value.brandKitId !== '') record.brandKitId = value.brandKitId
  const area = readArea(value.area)
  if (area) record.area = area
  const expand = readExpand(value.expand)
  if (expand) record.expand = expand
  const exactSize = readExactSize(value.exactSize)
  if (exactSize) record.exactSize = exactSize
  const format = readFormat(value.format)
  if (format) record.format = format
  const imageHash = readImageHash(value.imageHash)
  if (imageHash) record.imageHash = imageHash
  return record
}

/** Settings whose every field reads (./read-settings.ts); null when any does not. */
function readSettings(value: unknown): GenerationSettings | null {
  if (!isObject(value)) return null
  const read = readSettingsFields(value)
  const fonts = readFontRows(value.fontInputs)
  const { model, aspectRatio, imageSize, background, backgroundColor, effort, scoringPrompt } = read
  if (model === undefined || aspectRatio === undefined || imageSize === undefined || background === undefined) return null
  if (backgroundColor === undefined || effort === undefined || scoringPrompt === undefined || !fonts.whole) return null
  const settings: GenerationSettings = { model, aspectRatio, imageSize, fontInputs: fonts.rows, background, backgroundColor, effort, scoringPrompt: scoringPrompt.slice(0, MAX_SCORING_PROMPT) }
  return withFit(settings, read)
}

/** Fit the frame and its density, when they read. */
function withFit(settings: GenerationSettings, read: Pick<GenerationSettings, 'fitFrame' | 'density'>): GenerationSettings {
  if (read.fitFrame !== undefined) settings.fitFrame = read.fitFrame
  if (read.density !== undefined) settings.density = read.density
  return settings
}

/**
 * The record as readRecord takes it back: only the fields it knows, in the
 * plugin's own order, each within its bounds. A record comes back to be
 * written from what a document held (a relaunch), so a field no reader knows,
 * or one too long for it, must not reach the file: over the plugin data
 * limit it would make the write throw, and one the reader refuses would make
 * the whole record unreadable. The prompt and the font texts are left whole:
 * the writer shortens them, and says so (plugin/history/record.ts).
 */
export function readableRecord(given: GenerationRecord): GenerationRecord {
  const { settings: s } = given
  const fonts = s.fontInputs.slice(0, MAX_FONT_INPUTS)
  // A font URL no real font has: the reader would refuse the whole record for it.
  const fontInputs = fonts.every((font) => font.fontUrl.length <= MAX_URL) ? fonts.map((font) => ({ fontUrl: font.fontUrl, text: font.text })) : []
  const settings = withFit(
    {
      model: s.model.slice(0, MAX_SHORT),
      aspectRatio: s.aspectRatio,
      imageSize: s.imageSize,
      fontInputs,
      background: s.background,
      backgroundColor: s.backgroundColor,
      effort: s.effort,
      scoringPrompt: s.scoringPrompt.slice(0, MAX_SCORING_PROMPT),
    },
    s,
  )
  const record: GenerationRecord = {
    prompt: given.prompt,
    settings,
    generationId: isText(given.generationId, MAX_SHORT) ? given.generationId : null,
    cost: isCost(given.cost) ? given.cost : null,
    createdAt: isTime(given.createdAt) ? given.createdAt : new Date().toISOString(),
  }
  if (fontInputs.length !== s.fontInputs.length) record.fontInputsTruncated = true
  return withParts(record, { ...given, brandKit: typeof given.brandKit === 'string' ? given.brandKit.slice(0, MAX_SHORT) : undefined })
}

/** Edit area's source image and kind; null when absent or not what the plugin writes. */
export function readArea(value: unknown): GenerationRecord['area'] | null {
  if (!isObject(value) || !isText(value.imageId, MAX_SHORT) || value.imageId === '' || typeof value.erase !== 'boolean') return null
  return { imageId: value.imageId, erase: value.erase }
}

/** Expand's source image; null when absent or not what the plugin writes. */
function readExpand(value: unknown): GenerationRecord['expand'] | null {
  return isObject(value) && isText(value.imageId, MAX_SHORT) && value.imageId !== '' ? { imageId: value.imageId } : null
}

/** Every format's key visual and set; null when absent or not what the plugin writes. */
export function readFormat(value: unknown): GenerationRecord['format'] | null {
  if (!isObject(value)) return null
  const { keyVisualId, setId } = value
  return isText(keyVisualId, MAX_SHORT) && keyVisualId !== '' && isText(setId, MAX_SHORT) && setId !== '' ? { keyVisualId, setId } : null
}

/** The hash of the image a record was written with; null when absent or not a short text. */
export function readImageHash(value: unknown): string | null {
  return isText(value, MAX_SHORT) && value !== '' ? value : null
}

/** Whole pixels within what any model makes; null otherwise. */
function readExactSize(value: unknown): GenerationRecord['exactSize'] | null {
  if (!isObject(value)) return null
  const side = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_EXACT_SIDE
  return side(value.width) && side(value.height) ? { width: value.width, height: value.height } : null
}

/** An ISO time as the plugin writes one. */
function isTime(value: unknown): value is string {
  return isText(value, MAX_SHORT) && !Number.isNaN(Date.parse(value))
}

function isCost(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value <= MAX_COST_USD
}
