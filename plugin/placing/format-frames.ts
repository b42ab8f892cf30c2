import type { RequestArgs } from '../../common/messages'
import type { SelectedLayer } from '../../common/selection'
import { MAX_FORMATS, formatFrameName } from '../../common/formats'
import { ShownError } from '../answer-requests'
import { type Rect, besideRect } from './layout'
import { boundsOf, pageOf } from './new-layer'
import { formatOf, isReplacedByHand } from '../history/record'
import { describeSelection, isFillable } from '../selection/selection'
import { isObject } from '../../common/read/is-object'

/** Frames a format lands in: they take new children where the plugin puts them (an instance takes none). */
const FORMAT_FRAME_TYPES = new Set(['FRAME', 'COMPONENT'])
/** Larger than any format a designer makes; a frame larger still is no format the panel lists. */
const MAX_FORMAT_SIDE = 10_000
/**
 * On a frame made from the list: the key visual it was made for, and the
 * frame's own id, as a copy of it (which may carry its plugin data) is the designer's.
 */
const MADE_FOR_KEY = 'riverflow-format-frame'

/**
 * The frames made for the set under way, as made: only these may be removed
 * again. Kept by the run's `figma`: each run of the plugin starts with none.
 */
const madeFrames = new WeakMap<PluginAPI, Map<string, string>>()
/**
 * The last make asked for, abandoned once the panel stopped waiting for it (a
 * huge file's page took too long to load): it then makes no frame after all,
 * as no panel would fill or remove them.
 */
const lastMake = new WeakMap<PluginAPI, { abandoned: boolean }>()

/**
 * Every format from the list: an empty frame for each format, named for it
 * and its size ("Story · 1080×1920"), in a row to the right of the key visual
 * on its page, clear of every other layer, and shown. A frame an earlier set
 * made for this key visual and left empty (its request failed or was
 * cancelled) is that format's frame again rather than made twice, which would
 * leave the designer an empty duplicate. The undo step is left open: the
 * set's images join it, and the panel ends it once the set is done, so one
 * undo takes the new frames and the images away. Nothing is left behind when
 * Figma refuses one.
 */
export async function makeFormatFramesAsync({ keyVisualId, formats }: RequestArgs<'make-format-frames'>): Promise<SelectedLayer[]> {
  if (!Array.isArray(formats) || formats.length === 0 || formats.length > MAX_FORMATS || !formats.every(isFormatSize)) {
    throw new ShownError('The formats to make could not be read, so no frame was made. Pick them again.')
  }
  const make = { abandoned: false }
  lastMake.set(figma, make)
  // Only this make's frames may be removed from now on: one that fails leaves none to remove.
  madeFrames.delete(figma)
  const keyVisual = await figma.getNodeByIdAsync(keyVisualId)
  const page = pageOf(keyVisual ?? undefined)
  if (!keyVisual || keyVisual.removed || !page || !('absoluteBoundingBox' in keyVisual)) {
    throw new ShownError('The key visual was deleted meanwhile, so no frame was made. Select it and try again.')
  }
  await page.loadAsync()
  // From here to the answer nothing waits: abandoned later, its frames are in madeFrames to remove.
  if (make.abandoned) throw new ShownError('Figma took too long to make the frames, so none were made. Press Every format again.')
  const obstacles = page.children.map(boundsOf)
  const waiting = framesLeftEmpty(page, keyVisual.id)
  let anchor: Rect = boundsOf(keyVisual)
  const made: FrameNode[] = []
  const frames: FrameNode[] = []
  try {
    for (const format of formats) {
      const name = formatFrameName(format)
      const again = waiting.get(name)
      waiting.delete(name)
      if (again) {
        frames.push(again)
        continue
      }
      const frame = figma.createFrame()
      made.push(frame)
      frames.push(frame)
      frame.name = name
      frame.resize(format.width, format.height)
      // createFrame puts it on the current page, which may not be the key visual's.
      page.appendChild(frame)
      anchor = besideRect(anchor, format, [...obstacles, ...made.slice(0, -1).map(boundsOf)])
      frame.x = anchor.x
      frame.y = anchor.y
      frame.setPluginData(MADE_FOR_KEY, JSON.stringify({ keyVisualId: keyVisual.id, frameId: frame.id }))
    }
  } catch (error) {
    for (const frame of made) if (!frame.removed) frame.remove()
    throw error
  }
  // Only the new ones may be removed again: a frame left empty by an earlier set stays as it was.
  madeFrames.set(figma, new Map(made.map((frame) => [frame.id, frame.name])))
  if (page.id === figma.currentPage.id) figma.viewport.scrollAndZoomIntoView([keyVisual, ...frames])
  return describeSelection(frames)
}

/**
 * The frames earlier sets made for this key visual on its page that are still
 * empty and as made, by name (the first of a name): shown and unlocked, not
 * moved into another layer, not a copy. One the designer has put a layer in,
 * renamed or resized is theirs, and a new one is made beside it.
 */
function framesLeftEmpty(page: PageNode, keyVisualId: string): Map<string, FrameNode> {
  const waiting = new Map<string, FrameNode>()
  for (const node of page.children) {
    if (node.type !== 'FRAME' || node.locked || !node.visible || waiting.has(node.name)) continue
    if (madeFor(node) === keyVisualId && asMade(node, node.name)) waiting.set(node.name, node)
  }
  return waiting
}

/** The key visual a frame was made for, read as the file holds it: null for any frame else, or a copy. */
function madeFor(frame: FrameNode): string | null {
  const written = frame.getPluginData(MADE_FOR_KEY)
  if (written === '' || written.length > 500) return null
  try {
    const mark: unknown = JSON.parse(written)
    return isObject(mark) && mark.frameId === frame.id && typeof mark.keyVisualId === 'string' ? mark.keyVisualId : null
  } catch {
    return null
  }
}

/**
 * The set's new frames taken away again when its job did not start in them
 * (the designer cancelled while Figma made them, or another job ran): no empty
 * frame is left unsaid. Only a frame the last 'make-format-frames' made, as it
 * was made, goes: any other id is ignored, and a frame the designer has since
 * renamed, resized or put a layer in is theirs, and stays. 'last-make': the
 * panel stopped waiting for the make, so it knows no ids: whatever the make
 * made goes, and one still under way makes none.
 */
export async function removeFormatFramesAsync({ frameIds }: RequestArgs<'remove-format-frames'>): Promise<void> {
  const abandoned = frameIds === 'last-make'
  if (!abandoned && (!Array.isArray(frameIds) || frameIds.length > MAX_FORMATS || !frameIds.every((id) => typeof id === 'string' && id.length <= 100))) {
    throw new ShownError('The new frames could not be read, so they were left on the canvas: undo removes them.')
  }
  const under = lastMake.get(figma)
  if (abandoned && under) under.abandoned = true
  const made = madeFrames.get(figma)
  madeFrames.delete(figma)
  for (const id of abandoned ? [...(made?.keys() ?? [])] : frameIds) {
    const name = made?.get(id)
    if (name === undefined) continue
    const node = await figma.getNodeByIdAsync(id)
    if (node?.type === 'FRAME' && !node.removed && asMade(node, name)) node.remove()
  }
}

/** Empty, with its name and the size the name says: untouched since it was made. */
function asMade(frame: FrameNode, name: string): boolean {
  return frame.children.length === 0 && frame.name === name && name.endsWith(` · ${frame.width}×${frame.height}`)
}

function isFormatSize(value: unknown): value is { name: string; width: number; height: number } {
  const format = value as { name?: unknown; width?: unknown; height?: unknown } | null
  const side = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_FORMAT_SIDE
  return typeof format === 'object' && format !== null && typeof format.name === 'string' && format.name.length > 0 && format.name.length <= 100 && side(format.width) && side(format.height)
}

/**
 * The earlier results a format frame holds (layers of the plugin's with a format
 * record) when none can be replaced, as the designer locked or hid them: the new
 * one goes above them, where it is seen, never under them.
 */
export function earlierResultsIn(target: BaseNode | undefined): SceneNode[] {
  if (!target || !FORMAT_FRAME_TYPES.has(target.type) || !('children' in target)) return []
  return (target as FrameNode).children.filter((child) => formatOf(child) !== null)
}

/**
 * The result a format frame already shows (a layer of the plugin's with a
 * format record): a new one replaces its image, the old one kept for
 * Restore previous, rather than going under it unseen. Null when there is none.
 * Not one whose image the designer replaced by hand: that layer is theirs, and
 * the new result goes above it (earlierResultsIn).
 */
export function formatResultIn(target: BaseNode | undefined): (SceneNode & MinimalFillsMixin) | null {
  if (!target || !FORMAT_FRAME_TYPES.has(target.type) || !('children' in target) || (target as SceneNode).locked) return null
  const frame = target as FrameNode
  const earlier = frame.children.find((child) => isFillable(child) && formatOf(child) !== null && !isReplacedByHand(child))
  if (!earlier || !isFillable(earlier)) return null
  // Made for the frame as it was: it covers the frame as it is now.
  if (earlier.width !== frame.width || earlier.height !== frame.height) (earlier as SceneNode & LayoutMixin).resize(frame.width, frame.height)
  earlier.x = 0
  earlier.y = 0
  return earlier
}
