import type { GenerationRecord } from '../../common/domain'
import { readRecord } from '../../common/read/read-record'
import { ShownError } from '../answer-requests'
import { addToHistory, readHistory } from './history'
import type { HistoryItem, PlacedImage, PlaceImageArgs, RequestArgs } from '../../common/messages'
import { placeImageAsync } from '../placing/place-image'
import { groupTilesAsync } from '../placing/place-tiles'
import { type EntryImage, entryImageAsync } from './history-images'

/**
 * Whether a set of formats' undo step is open: its frames and images so far,
 * not yet committed, until the UI ends it ('end-undo-step'). A change of any
 * other kind meanwhile (a kept image retried, Place again, a brand kit made or chosen)
 * ends it first and then commits its own, so that no step holds a change
 * outside the set; the set then undoes in two steps (docs/contracts.md#figma-undo-steps).
 * Kept by the run's `figma`: each run of the plugin starts with none open.
 */
const setStepOpen = new WeakSet<PluginAPI>()

function endSetStep(): void {
  if (setStepOpen.has(figma)) figma.commitUndo()
  setStepOpen.delete(figma)
}

/** A change of the set's own (its frames): it joins the set's open step. */
export async function inSetStepAsync<T>(change: () => Promise<T>): Promise<T> {
  const result = await change()
  setStepOpen.add(figma)
  return result
}

/** A change that is one undo step of its own, whatever set is under way. */
export async function ownStepAsync<T>(change: () => Promise<T>): Promise<T> {
  endSetStep()
  const result = await change()
  figma.commitUndo()
  return result
}

/** The set has landed, been kept, failed or been cancelled: its step ends. */
export function endUndoStep(): null {
  figma.commitUndo()
  setStepOpen.delete(figma)
  return null
}

/**
 * Places an image and adds it to the file's history, then ends the undo step:
 * the two are one step (written after it, the entry was a step of its own). A
 * format of a set leaves the step open for the rest of the set, which the UI
 * ends ('end-undo-step'). A history that cannot be written never costs the image.
 */
export async function placeAndRecordAsync(args: PlaceImageArgs): Promise<PlacedImage> {
  const place = async () => {
    const placed = await placeImageAsync(args)
    try {
      addToHistory({ layerIds: placed.nodeIds, record: args.record })
    } catch {
      // The image is on the canvas with its own record; the history is a convenience.
    }
    return placed
  }
  return args.joinStep === true ? inSetStepAsync(place) : ownStepAsync(place)
}

export async function loadHistoryAsync(): Promise<HistoryItem[]> {
  const entries = readHistory()
  return Promise.all(
    entries.map(async (entry) => {
      const { found: kept, layerId } = await imageOnAnyLayerAsync(entry.layerIds, entry.record)
      // Place again copies the image's bytes: an image Figma no longer has (a previous image the
      // file stopped showing) is gone too, and the row says so rather than offer a copy that fails.
      const found = kept?.kind === 'fill' && figma.getImageByHash(kept.hash) === null ? null : kept
      const frames = entry.record.format ? await frameNamesAsync(entry.layerIds) : null
      // Gone from its layer is not the layer gone: a later image may have replaced it there.
      const replaced = found === null && (await anyLayerThereAsync(entry.layerIds))
      // The layer that holds the image first: the row's thumbnail and Place again are of its first layer.
      const layerIds = layerId === null ? entry.layerIds : [layerId, ...entry.layerIds.filter((id) => id !== layerId)]
      return { ...entry, layerIds, exists: found !== null, ...(found?.kind === 'fill' && found.swappedOut ? { swappedOut: true as const } : {}), ...(replaced && { replaced: true as const }), ...(frames && { frames }) }
    }),
  )
}

/**
 * The entry's image on the first of its layers that shows it, else the first
 * that keeps it as its previous image: one image may fill several layers, and a
 * set of formats is several images, so its first layer deleted or filled again
 * is not the image gone.
 */
async function imageOnAnyLayerAsync(layerIds: readonly string[], record: GenerationRecord): Promise<{ found: EntryImage | null; layerId: string | null }> {
  let kept: { found: EntryImage; layerId: string } | null = null
  for (const layerId of layerIds) {
    const found = await entryImageAsync(layerId, record)
    if (found && !(found.kind === 'fill' && found.swappedOut)) return { found, layerId }
    if (found && !kept) kept = { found, layerId }
  }
  return kept ?? { found: null, layerId: null }
}

/** Whether any of the entry's layers is still in the file. */
async function anyLayerThereAsync(layerIds: readonly string[]): Promise<boolean> {
  const nodes = await Promise.all(layerIds.map((id) => figma.getNodeByIdAsync(id)))
  return nodes.some((node) => node !== null && !node.removed)
}

/** Every format: the frames a set's images are in now, by name; a layer deleted since is left out. */
async function frameNamesAsync(layerIds: readonly string[]): Promise<string[]> {
  const nodes = await Promise.all(layerIds.map((id) => figma.getNodeByIdAsync(id)))
  return nodes.flatMap((node) => (node && !node.removed && node.parent && node.parent.type !== 'PAGE' ? [node.parent.name] : []))
}

/**
 * The entry's image again, on a new layer beside its layer, with its record:
 * no network, one undo step. The image is the entry's own, even when its layer
 * shows another now (after Restore previous).
 */
export function placeAgainAsync(args: RequestArgs<'place-again'>): Promise<PlacedImage> {
  return ownStepAsync(() => placeCopyAsync(args))
}

async function placeCopyAsync({ layerId, record: entry }: RequestArgs<'place-again'>): Promise<PlacedImage> {
  const taskId = `again-${layerId}-${Date.now()}`
  const found = await entryImageAsync(layerId, entry)
  if (!found) throw new ShownError('The image is gone: its layer was deleted, or no longer shows it.')
  const { node } = found
  // The copy carries the whole record kept with the image, not the history's shortened one:
  // a Regenerate from it must send the whole prompt.
  const record = fullRecordOf(found.fullRecord) ?? entry
  if (found.kind === 'tiles') {
    const args = { taskId, targetIds: [layerId], name: node.name, reveal: true, record }
    return groupTilesAsync(args, found.pieces, { width: node.width, height: node.height })
  }
  const image = figma.getImageByHash(found.hash)
  if (!image) throw new ShownError('The image is gone from the file.')
  const [bytes, pixels] = await Promise.all([image.getBytesAsync(), image.getSizeAsync()])
  return placeImageAsync({
    taskId,
    image: { bytes, ...pixels },
    placement: 'new-layer',
    targetIds: [layerId],
    name: node.name,
    size: { width: node.width, height: node.height },
    reveal: true,
    record,
  })
}

/**
 * Reuse: the whole record kept with the entry's image, which History holds
 * shortened. Found as Place again finds the image: on a layer that shows it,
 * or keeps it as its previous image.
 */
export async function wholeRecordAsync({ layerIds, record }: RequestArgs<'whole-record'>): Promise<GenerationRecord> {
  const { found } = await imageOnAnyLayerAsync(layerIds, record)
  if (!found) throw new ShownError('The image’s layer was deleted, or no longer shows it, so its whole prompt could not be read: undo that in Figma, then press Reuse again.')
  const whole = fullRecordOf(found.fullRecord)
  if (!whole) throw new ShownError('The record kept on the image’s layer could not be read, so its whole prompt could not be loaded: check the end of the prompt before you send it.')
  return whole
}

/** The record kept on the layer, checked as all document data is; null when it cannot be read. */
function fullRecordOf(json: string): GenerationRecord | null {
  try {
    return readRecord(JSON.parse(json))
  } catch {
    return null
  }
}
