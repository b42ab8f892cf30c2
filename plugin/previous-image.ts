import { RECORD_KEY } from './record'

/**
 * What a layer showed before the plugin last put an image on it: its fills
 * (an image fill is its imageHash; Figma keeps the image while the file refers
 * to it) and the generation record that went with them.
 */
const PREVIOUS_FILLS_KEY = 'riverflow-previous-fills'
const PREVIOUS_RECORD_KEY = 'riverflow-previous-record'

type Fillable = SceneNode & MinimalFillsMixin

/** Keeps what `node` shows now, before a new image replaces it, so that Restore previous can put it back. */
export function rememberPrevious(node: Fillable): void {
  const fills = node.fills
  if (fills === figma.mixed || fills.length === 0) return
  node.setPluginData(PREVIOUS_FILLS_KEY, JSON.stringify(fills))
  node.setPluginData(PREVIOUS_RECORD_KEY, node.getPluginData(RECORD_KEY))
}

export function hasPrevious(node: BaseNode): boolean {
  return node.getPluginData(PREVIOUS_FILLS_KEY) !== ''
}

/**
 * Swaps the layer's image with the one it showed before, in one undo step:
 * restoring twice brings the newer image back. Returns what to tell the
 * designer; throws nothing, whatever the plugin data holds.
 */
export function restorePrevious(node: SceneNode | undefined): string {
  if (!node) return 'Select the layer whose previous image you want back.'
  if (!('fills' in node) || node.locked) return `“${node.name}” is locked or takes no fill: unlock it and try again.`
  let fills: Paint[]
  try {
    fills = JSON.parse(node.getPluginData(PREVIOUS_FILLS_KEY)) as Paint[]
    if (!Array.isArray(fills)) throw new Error('not a list of fills')
  } catch {
    return `“${node.name}” has no previous image to restore.`
  }
  const record = node.getPluginData(PREVIOUS_RECORD_KEY)
  rememberPrevious(node)
  try {
    node.fills = fills
  } catch {
    return `The previous image of “${node.name}” could not be restored: Figma no longer has it.`
  }
  node.setPluginData(RECORD_KEY, record)
  figma.commitUndo()
  return `Restored the previous image of “${node.name}”.`
}
