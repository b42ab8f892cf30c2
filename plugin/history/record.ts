import type { FontInput, GenerationRecord } from '../../common/domain'
import { hideKeys } from '../../common/api-key'
import { readFormat, readImageHash, readableRecord } from '../../common/read/read-record'

/** Plugin data key of the generation record on every layer that shows a result. */
export const RECORD_KEY = 'riverflow'

/**
 * Figma keeps about 100 kB a plugin data entry (plugin id, key and value
 * together; unconfirmed: docs/contracts.md#figma-plugin-data) and setPluginData throws over it. The record
 * stays under this, in UTF-8 bytes, leaving room for the id and the key and
 * for the limit being a little smaller than inferred.
 */
export const RECORD_LIMIT_BYTES = 90_000

/**
 * The generation record as plugin data, always within RECORD_LIMIT_BYTES: a
 * record that does not fit would make setPluginData throw, and the paid image
 * would not be placed (`limit` is smaller for the file's history). Only what
 * the reader takes back is written, each field within its bounds
 * (readableRecord: a relaunched record may carry anything a file held). What
 * is then too long is the designer's text: the prompt is shortened first, then
 * the font inputs' texts; a font URL too long to keep (no real font has one)
 * drops the font inputs. A shortened record says so. No key is ever written.
 */
export function recordForPluginData(given: GenerationRecord, limit = RECORD_LIMIT_BYTES): string {
  // A key pasted into a prompt is refused in the panel, but a record a file brings in (a relaunch,
  // Restore previous) may hold one: it is not written again. Keys are plain ASCII with no JSON escape.
  const record = JSON.parse(hideKeys(JSON.stringify(readableRecord(given)))) as GenerationRecord
  const whole = JSON.stringify(record)
  if (utf8Length(whole) <= limit) return whole

  const fonts = record.settings.fontInputs
  // Room for one part is the limit less everything else, flags included.
  const roomBeside = (fontInputs: FontInput[]) =>
    limit - utf8Length(JSON.stringify(shortened(record, '', fontInputs, { promptTruncated: true, fontInputsTruncated: true })))

  let prompt = ''
  let fontInputs: FontInput[] = []
  const promptRoom = roomBeside(fonts)
  if (promptRoom >= 0) {
    prompt = prefixThatFits(record.prompt, promptRoom)
    fontInputs = fonts
  } else {
    const emptyTexts = fonts.map((font) => ({ fontUrl: font.fontUrl, text: '' }))
    const textRoom = roomBeside(emptyTexts)
    if (textRoom >= 0) {
      const texts = shareRoom(fonts.map((font) => font.text), textRoom)
      fontInputs = fonts.map((font, i) => ({ fontUrl: font.fontUrl, text: texts[i] }))
    }
  }
  const flags: Pick<GenerationRecord, 'promptTruncated' | 'fontInputsTruncated'> = {}
  if (prompt !== record.prompt) flags.promptTruncated = true
  if (fontInputs.length !== fonts.length || fontInputs.some((font, i) => font.text !== fonts[i].text)) flags.fontInputsTruncated = true
  return JSON.stringify(shortened(record, prompt, fontInputs, flags))
}

function shortened(
  record: GenerationRecord,
  prompt: string,
  fontInputs: FontInput[],
  flags: Pick<GenerationRecord, 'promptTruncated' | 'fontInputsTruncated'>,
): GenerationRecord {
  return { ...record, prompt, settings: { ...record.settings, fontInputs }, ...flags }
}

/** Shortens each text to its share of `room`; what a short text leaves goes to the longer ones. */
function shareRoom(texts: readonly string[], room: number): string[] {
  const out = texts.slice()
  const shortestFirst = texts.map((_, i) => i).sort((a, b) => jsonBytes(texts[a]) - jsonBytes(texts[b]))
  let left = room
  shortestFirst.forEach((index, k) => {
    out[index] = prefixThatFits(texts[index], Math.floor(left / (shortestFirst.length - k)))
    left -= jsonBytes(out[index])
  })
  return out
}

/**
 * The longest start of `text` whose JSON form takes at most `room` bytes, never
 * cutting a surrogate pair. A binary search over JSON.stringify rather than a
 * count of its escaping rules: slower by a log factor, and right by construction.
 */
function prefixThatFits(text: string, room: number): string {
  let fits = 0
  let tooLong = text.length + 1
  while (tooLong - fits > 1) {
    const middle = Math.floor((fits + tooLong) / 2)
    if (jsonBytes(text.slice(0, wholeCharacters(text, middle))) <= room) fits = middle
    else tooLong = middle
  }
  return text.slice(0, wholeCharacters(text, fits))
}

/** `length`, less one when it would end between the two halves of a surrogate pair. */
function wholeCharacters(text: string, length: number): number {
  const last = text.charCodeAt(length - 1)
  const next = text.charCodeAt(length)
  return last >= 0xd800 && last <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? length - 1 : length
}

/** The bytes a string takes inside a JSON document, without its quotes. */
function jsonBytes(text: string): number {
  return utf8Length(JSON.stringify(text)) - 2
}

/** UTF-8 length, counted by hand: the sandbox has no TextEncoder. */
export function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4
      i++
    } else bytes += 3 // the rest of the BMP; a lone surrogate is written as U+FFFD, also 3 bytes
  }
  return bytes
}

/** A layer's Every format part of its record, read as any document data is; null for none. */
export function formatOf(node: BaseNode): ReturnType<typeof readFormat> {
  return readFormat(storedRecordOf(node)?.format)
}

/** Whether the layer's record says it was made from other images (a Refine, an Upscale…): Regenerate cannot remake it. */
export function isMadeFromImages(node: BaseNode): boolean {
  return storedRecordOf(node)?.fromImages === true
}

/**
 * Whether the layer carries a record and still shows the image it was made
 * with: the layer the panel and its buttons treat as the generation. Not one
 * whose image the designer replaced by hand (isReplacedByHand).
 */
export function showsGeneration(node: BaseNode): boolean {
  return node.getPluginData(RECORD_KEY) !== '' && !isReplacedByHand(node)
}

/**
 * Whether the designer replaced the layer's generated image by hand: Figma
 * keeps the record when a fill changes, so the record keeps the hash of the
 * image it was written with, and no fill shows that image any more. A group
 * (an edit: its shape and its answer) shows it through its layers. A record
 * from before the hash was kept cannot tell, and counts as shown, as it did.
 */
export function isReplacedByHand(node: BaseNode): boolean {
  const written = writtenImageHash(node)
  if (written === null) return false
  const layers = node.type === 'GROUP' ? [node, ...(node as GroupNode).children] : [node]
  return !layers.some((layer) => 'fills' in layer && imageHashesOf(layer.fills).includes(written))
}

/** The hash of the image the layer's record was written with; null for none, or a record from before it was kept. */
export function writtenImageHash(node: BaseNode): string | null {
  return readImageHash(storedRecordOf(node)?.imageHash)
}

/** The image hashes among a layer's fills, in their order; none for mixed fills. */
export function imageHashesOf(fills: readonly Paint[] | PluginAPI['mixed']): string[] {
  if (fills === figma.mixed) return []
  return fills.flatMap((paint) => (paint.type === 'IMAGE' && paint.imageHash ? [paint.imageHash] : []))
}

/** The layer's record as the file holds it, parsed but not read: each part is checked where it is used. */
function storedRecordOf(node: BaseNode): { format?: unknown; fromImages?: unknown; imageHash?: unknown } | null {
  const raw = node.getPluginData(RECORD_KEY)
  if (raw === '') return null
  try {
    const parsed: unknown = JSON.parse(raw)
    return typeof parsed === 'object' && parsed !== null ? parsed : null
  } catch {
    return null
  }
}
