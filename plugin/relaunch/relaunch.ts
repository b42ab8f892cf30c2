import type { Launch, LaunchCommand } from '../../common/messages'
import type { SelectedLayer } from '../../common/selection'
import { type AreaEdit, areaEditOf } from '../placing/area-edit-group'
import { restorePrevious } from '../placing/previous-image'
import { RECORD_KEY, isReplacedByHand } from '../history/record'
import { setRelaunchButtons } from './relaunch-buttons'
import { readFormat } from '../../common/read/read-record'
import { describeSelection } from '../selection/selection'

const UI_COMMANDS: readonly string[] = ['regenerate', 'more-like-this', 'edit-prompt', 'edit-an-area', 'erase-an-area'] satisfies LaunchCommand[]
/** Edit area and Erase area from an image's buttons: they work on the image and a shape drawn over it, not on a record. */
const AREA_COMMANDS: readonly string[] = ['edit-an-area', 'erase-an-area'] satisfies LaunchCommand[]

/**
 * Restore previous needs no network and no panel: done here, then the plugin
 * closes with a word on what happened. True when it ran.
 */
export function relaunchInSandbox(): boolean {
  if (figma.command !== 'restore-previous') return false
  const node = figma.currentPage.selection[0]
  // An edit's image is its answer's fill; the group carries the record and the buttons.
  const edit = areaEditOf(node)
  const { message, record } = restorePrevious(edit ? edit.answer : node)
  if (edit && record) edit.group.setPluginData(RECORD_KEY, record)
  if (node) setRelaunchButtons(node)
  // One undo step: the image, its record and the buttons.
  if (record !== null) figma.commitUndo()
  figma.closePlugin(message)
  return true
}

/**
 * What a relaunch button asks of the UI, read while the layer is still the
 * selection; null for any other run. The sandbox hands it over once, with the
 * panel's HTML (plugin/storage/start-data.ts): a reset panel must not regenerate again.
 */
export function readLaunch(): Launch | null {
  const command = figma.command
  if (!UI_COMMANDS.includes(command)) return null
  const selection = figma.currentPage.selection
  const node = selection[0]
  // Edit area and Erase area work on what is selected, not on a record: with nothing selected the panel says what to select.
  if (!node && AREA_COMMANDS.includes(command)) return { command: command as LaunchCommand, layer: null, record: null, problem: null, selection: [] }
  if (!node) return { command: command as LaunchCommand, layer: null, record: null, problem: 'The layer was deleted or is no longer selected. Select it and try again.' }
  const layer = describeSelection([node])[0]
  const replaced = (AREA_COMMANDS.includes(command) ? selection : [node]).find(isReplacedByHand)
  if (replaced) return launchOnReplaced(command as LaunchCommand, layer, replaced)
  if (AREA_COMMANDS.includes(command)) return { command: command as LaunchCommand, layer, record: null, problem: null, selection: describeSelection(selection) }
  const raw = node.getPluginData(RECORD_KEY)
  let record: unknown = null
  let problem: string | null = null
  if (raw === '') problem = `“${node.name}” has no Riverflow prompt on it: it was not made by this plugin, or its data was removed.`
  else {
    try {
      record = JSON.parse(raw)
    } catch {
      problem = `The prompt kept on “${node.name}” could not be read: its data is damaged.`
    }
  }
  if (!problem && command === 'regenerate' && node.locked) problem = `“${node.name}” is locked: unlock it to regenerate it. Its prompt and settings are loaded.`
  const launch: Launch = { command: command as LaunchCommand, layer, record, problem }
  const expand = expandedFrom(node, record)
  if (!problem && expand) launch.expand = expand
  const edit = areaEditOf(node)
  if (!problem && edit) {
    const image = editedImage(edit, record)
    if (image) launch.area = describePair(image, edit.mask)
    else if (command !== 'edit-prompt') launch.problem = `The image “${node.name}” was made on is no longer beside it in the layers: put the edit back next to its image, or use Edit prompt.`
  }
  return launch
}

/**
 * A button left on a layer whose generated image the designer replaced by hand
 * (Figma keeps the record and its buttons): the layer is theirs now, so no
 * record goes to the panel (nothing is planned or loaded from it) and the panel
 * says why and what to do. The buttons left from that image are taken off the
 * layer the designer pressed one on, the only change a launch makes; its own
 * undo step, so that it never joins a placement's.
 */
function launchOnReplaced(command: LaunchCommand, layer: SelectedLayer, replaced: SceneNode): Launch {
  let removed = true
  try {
    setRelaunchButtons(replaced)
    figma.commitUndo()
  } catch {
    // A layer Figma will not let the plugin write to (in a component instance since): the panel opens all the same.
    removed = false
  }
  const problem = `“${replaced.name}” no longer shows the image Riverflow made (its fill was changed by hand), so nothing was sent${removed ? ' and the buttons left from that image are removed' : ''}. To change it, write a prompt and use the panel’s actions; the old image’s prompt is in History (the clock, top right).`
  return { command, layer, record: null, problem }
}

/** The image an edit was made on: its sibling named by the record. */
function editedImage(edit: AreaEdit, record: unknown): SceneNode | null {
  const imageId = imageIdIn(record, 'area')
  return imageId === null ? null : (edit.group.parent?.children.find((child) => child.id === imageId) ?? null)
}

/** `record[part].imageId`, checked at each step: the record may be anyone's. */
function imageIdIn(record: unknown, part: 'area' | 'expand'): string | null {
  const value = typeof record === 'object' && record !== null ? (record as Record<string, unknown>)[part] : undefined
  const imageId = typeof value === 'object' && value !== null ? (value as { imageId?: unknown }).imageId : undefined
  return typeof imageId === 'string' ? imageId : null
}

/**
 * An Expand result's frame and the image it continues, found as its sibling
 * by the record's id; the box is the image's now, in the frame's coordinates.
 */
function expandedFrom(node: SceneNode, record: unknown): Launch['expand'] | null {
  const imageId = imageIdIn(record, 'expand')
  const frame = node.parent
  if (imageId === null || !frame || frame.type !== 'FRAME') return null
  const image = frame.children.find((child) => child.id === imageId)
  if (!image) return null
  const [described] = describeSelection([frame])
  return { frame: described, source: { imageId: image.id, imageName: image.name, x: image.x, y: image.y, width: image.width, height: image.height } }
}

/**
 * An Every format result's frame and the key visual it was made from, found by
 * the record's id anywhere in the file (the key visual is not its sibling):
 * Regenerate makes the format again from it. The launch as it was when either is gone.
 */
export async function withFormatSourceAsync(launch: Launch | null): Promise<Launch | null> {
  if (!launch?.layer || launch.problem || AREA_COMMANDS.includes(launch.command)) return launch
  const format = readFormat(typeof launch.record === 'object' && launch.record !== null ? (launch.record as { format?: unknown }).format : undefined)
  if (!format) return launch
  const [node, keyVisual] = await Promise.all([figma.getNodeByIdAsync(launch.layer.id), figma.getNodeByIdAsync(format.keyVisualId)])
  const frame = node?.parent
  if (!frame || frame.type === 'PAGE' || frame.type === 'DOCUMENT' || !keyVisual || keyVisual.removed || !('visible' in keyVisual)) return launch
  const [described, source] = describeSelection([frame as SceneNode, keyVisual as SceneNode])
  return { ...launch, format: { frame: described, keyVisual: source } }
}

function describePair(image: SceneNode, shape: SceneNode): { image: SelectedLayer; shape: SelectedLayer } {
  const [described, mask] = describeSelection([image, shape])
  return { image: described, shape: mask }
}
