import { readRecord } from '../../common/read/read-record'
import { RECORD_KEY, RECORD_LIMIT_BYTES, recordForPluginData, utf8Length } from '../history/record'

/**
 * What a layer showed before the plugin last put an image on it: its fills
 * (an image fill is its imageHash; Figma keeps the image while the file refers
 * to it) and the generation record that went with them, none when the layer
 * was the designer's own.
 */
const PREVIOUS_FILLS_KEY = 'riverflow-previous-fills'
const PREVIOUS_RECORD_KEY = 'riverflow-previous-record'

type Fillable = SceneNode & MinimalFillsMixin

/** Keeps what `node` shows now, before a new image replaces it, so that Restore previous can put it back. */
export function rememberPrevious(node: Fillable): void {
  const kept = fillsToKeep(node.fills)
  node.setPluginData(PREVIOUS_FILLS_KEY, kept)
  node.setPluginData(PREVIOUS_RECORD_KEY, kept === '' ? '' : recordToKeep(node.getPluginData(RECORD_KEY)))
}

/**
 * A layer's fills as plugin data, or '' (nothing to restore) when they cannot be
 * kept: mixed fills cannot be written back (an older previous would then come
 * back instead of what was there), and fills over the plugin data limit, which a
 * file can hold, would make setPluginData throw and the paid image go unplaced.
 */
function fillsToKeep(fills: readonly Paint[] | PluginAPI['mixed']): string {
  if (fills === figma.mixed) return ''
  const json = JSON.stringify(fills)
  return utf8Length(json) <= RECORD_LIMIT_BYTES ? json : ''
}

/**
 * A layer's record, to keep under the previous image's key. It is what the
 * file held, so it may be anything: one over the writer's limit (under the
 * longer key it could make setPluginData throw) is kept as the writer writes
 * it, or not at all when it does not read.
 */
function recordToKeep(raw: string): string {
  if (utf8Length(raw) <= RECORD_LIMIT_BYTES) return raw
  try {
    const record = readRecord(JSON.parse(raw))
    return record ? recordForPluginData(record) : ''
  } catch {
    return ''
  }
}

/**
 * What filling a layer with a new image changes (its fills, its record, what
 * rememberPrevious keeps, its buttons), taken before, with the function that
 * puts it all back: a fill Figma refuses midway leaves the layer as it was.
 */
export function keepFillState(node: Fillable): () => void {
  const fills = node.fills
  const data = [RECORD_KEY, PREVIOUS_FILLS_KEY, PREVIOUS_RECORD_KEY].map((key) => [key, node.getPluginData(key)] as const)
  const buttons = node.getRelaunchData()
  return () => {
    if (fills !== figma.mixed) node.fills = fills
    for (const [key, value] of data) node.setPluginData(key, value)
    node.setRelaunchData(buttons)
  }
}

export function hasPrevious(node: BaseNode): boolean {
  return node.getPluginData(PREVIOUS_FILLS_KEY) !== ''
}

/** The record kept with the previous fills: '' when they were the designer's own. */
export function previousRecord(node: BaseNode): string {
  return node.getPluginData(PREVIOUS_RECORD_KEY)
}

/** The image hashes among the previous fills, whatever the plugin data holds. */
export function previousImageHashes(node: BaseNode): string[] {
  const fills = readFills(node)
  if (!fills) return []
  return fills.flatMap((paint: unknown) => {
    const hash = (paint as { type?: unknown; imageHash?: unknown } | null)?.imageHash
    return (paint as { type?: unknown }).type === 'IMAGE' && typeof hash === 'string' && hash !== '' ? [hash] : []
  })
}

function readFills(node: BaseNode): unknown[] | null {
  try {
    const fills: unknown = JSON.parse(node.getPluginData(PREVIOUS_FILLS_KEY))
    return Array.isArray(fills) && fills.every((paint) => typeof paint === 'object' && paint !== null) ? fills : null
  } catch {
    return null
  }
}

/**
 * Swaps the layer's image with the one it showed before, record and all: the
 * designer's own fill comes back even though it had no record, and restoring
 * again brings the generated image back. Returns what to tell the designer and
 * the record restored ('' for none; null when nothing changed), for the caller
 * to set where else it belongs (an edit's group) and end the undo step. Throws
 * nothing, whatever the plugin data holds.
 */
export function restorePrevious(node: SceneNode | undefined): { message: string; record: string | null } {
  const unchanged = (message: string) => ({ message, record: null })
  if (!node) return unchanged('Select the layer whose previous image you want back.')
  if (!('fills' in node) || node.locked) return unchanged(`“${node.name}” is locked or takes no fill: unlock it and try again.`)
  const fills = readFills(node)
  if (!fills) return unchanged(`“${node.name}” has no previous image to restore.`)
  const record = previousRecord(node)
  // Worked out before anything changes: nothing after the swap may throw.
  const current = { fills: fillsToKeep(node.fills), record: recordToKeep(node.getPluginData(RECORD_KEY)) }
  try {
    node.fills = fills as Paint[]
  } catch {
    return unchanged(`The previous image of “${node.name}” could not be restored: Figma no longer has it.`)
  }
  // Only now: a restore that failed must leave the layer's previous image where it was.
  node.setPluginData(PREVIOUS_FILLS_KEY, current.fills)
  node.setPluginData(PREVIOUS_RECORD_KEY, current.fills === '' ? '' : current.record)
  node.setPluginData(RECORD_KEY, record)
  return { message: `Restored the previous image of “${node.name}”.`, record }
}
