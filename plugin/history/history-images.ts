import type { GenerationRecord } from '../../common/domain'
import { readImageHash } from '../../common/read/read-record'
import type { TilePiece } from '../placing/place-tiles'
import { areaEditOf } from '../placing/area-edit-group'
import { previousImageHashes, previousRecord } from '../placing/previous-image'
import { RECORD_KEY, imageHashesOf } from './record'

/** Where a history entry's image is now, if anywhere in the file. */
export type EntryImage = (
  | { kind: 'tiles'; node: GroupNode; pieces: TilePiece[] }
  /** `swappedOut`: the layer shows something else now (Restore previous brings this image back). */
  | { kind: 'fill'; node: SceneNode; hash: string; swappedOut: boolean }
) & {
  /** The whole record kept with the image (the history holds a shortened copy), as JSON, unchecked. */
  fullRecord: string
}

/**
 * Finds the image an entry made: on its layer while the layer still carries
 * the entry's record and shows its image, or kept as the layer's previous image
 * after Restore previous. Never the fill that replaced it: the designer's own
 * photo (put there by hand, the record left on the layer), or a later
 * generation, is not this entry's image.
 */
export async function entryImageAsync(layerId: string | undefined, record: GenerationRecord): Promise<EntryImage | null> {
  const group = await tileGroupAsync(layerId)
  // The entry names the group, but an entry is read from the file: only a group carrying its generation is its tiles.
  if (group && generationOf(group.node.getPluginData(RECORD_KEY), record)) return { kind: 'tiles', ...group, fullRecord: group.node.getPluginData(RECORD_KEY) }
  const named = layerId ? await figma.getNodeByIdAsync(layerId) : null
  // An edit's image is its answer's fill, inside the group the entry names (a group has no fills).
  const node = areaEditOf(named)?.answer ?? named
  if (!node || node.removed || !('fills' in node)) return null
  const own = node.getPluginData(RECORD_KEY)
  const shown = generationOf(own, record)
  if (shown) {
    const hash = generatedImage(imageHashesOf(node.fills), shown)
    return hash ? { kind: 'fill', node, hash, swappedOut: false, fullRecord: own } : null
  }
  const previous = previousRecord(node)
  const kept = generationOf(previous, record)
  if (kept) {
    const hash = generatedImage(previousImageHashes(node), kept)
    return hash ? { kind: 'fill', node, hash, swappedOut: true, fullRecord: previous } : null
  }
  return null
}

/**
 * The stored record when it is of the entry's generation: the same arrival
 * time and OpenRouter id (the prompt may be shortened in either copy). An
 * entry of a set of formats holds the first image's record: any image of the
 * same set is one of its. Null when it is another's, or does not parse.
 */
function generationOf(raw: string, record: GenerationRecord): Partial<Record<keyof GenerationRecord, unknown>> | null {
  let other: unknown
  try {
    other = JSON.parse(raw)
  } catch {
    return null
  }
  const found = other as Partial<GenerationRecord> | null
  if (typeof found !== 'object' || found === null) return null
  if (record.format && typeof found.format === 'object' && found.format !== null && found.format.setId === record.format.setId) return found
  return found.createdAt === record.createdAt && (found.generationId ?? null) === record.generationId ? found : null
}

/**
 * Which of the layer's images is the generation's: the one its record was
 * written with, while a fill still holds it; none once every such fill was
 * replaced (by hand: the record stays on the layer). A record from before the
 * hash was kept takes the first image, as it always did.
 */
function generatedImage(hashes: readonly string[], stored: { imageHash?: unknown }): string | null {
  const written = readImageHash(stored.imageHash)
  if (written === null) return hashes[0] ?? null
  return hashes.includes(written) ? written : null
}

/** A group of image tiles (an image kept at full resolution): each tile's place within it and its image. */
async function tileGroupAsync(id: string | undefined): Promise<{ node: GroupNode; pieces: TilePiece[] } | null> {
  const node = id ? await figma.getNodeByIdAsync(id) : null
  if (!node || node.removed || node.type !== 'GROUP') return null
  const pieces: TilePiece[] = []
  for (const tile of node.children) {
    const [hash] = 'fills' in tile ? imageHashesOf(tile.fills) : []
    if (!hash) return null
    // A group's children are placed in the group's parent's space, as the group itself is.
    pieces.push({ rect: { x: tile.x - node.x, y: tile.y - node.y, width: tile.width, height: tile.height }, imageHash: hash })
  }
  return pieces.length > 0 ? { node, pieces } : null
}
