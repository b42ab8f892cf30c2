import { areaEditOf } from '../placing/area-edit-group'
import { hasPrevious } from '../placing/previous-image'
import { formatOf, isMadeFromImages, showsGeneration } from '../history/record'

const RESTORE = 'Swap back to the image this layer showed before'

/**
 * The buttons in the layer's properties panel (manifest `relaunchButtons`):
 * every image the plugin placed can be regenerated, varied or edited from
 * there, and swapped with its previous image when it has one. A layer showing
 * the designer's own fill again (after Restore previous) keeps the swap: the
 * generated image is one press away, not stranded in plugin data. An image
 * offers Edit area and Erase area too; an edit's group redoes its own area.
 * A layer whose image the designer replaced by hand is theirs: none of the
 * generation's buttons (set again whenever the plugin writes to it, or a
 * button left from before is pressed: plugin/relaunch/relaunch.ts).
 */
export function setRelaunchButtons(node: BaseNode): void {
  const buttons: Record<string, string> = {}
  const generation = showsGeneration(node)
  const edit = areaEditOf(node)
  if (edit && generation) {
    buttons.regenerate = 'A new edit of the same area, in this one’s place'
    buttons['more-like-this'] = 'More edits of the same area, above this one'
    buttons['edit-prompt'] = 'Open the panel with this edit’s prompt and settings'
  } else if (generation) {
    // An Every format result is made again from its key visual, for its frame.
    const format = formatOf(node) !== null
    // Made from other images, which the record does not name: no Regenerate to offer (plan-launch.ts says why).
    if (!isMadeFromImages(node)) buttons.regenerate = format ? 'Regenerate this format from the key visual, in this layer' : 'A new image from the same prompt and settings'
    buttons['more-like-this'] = format ? 'More variations of this format from the key visual' : 'Variations of this image, beside it'
    buttons['edit-prompt'] = 'Open the panel with this image’s prompt and settings'
    if (showsImageFill(node)) {
      buttons['edit-an-area'] = 'Draw a shape over the part to change, select it with the image, and say what goes there'
      buttons['erase-an-area'] = 'Draw a shape over what to remove and select it with the image'
    }
  }
  if (hasPrevious(edit ? edit.answer : node)) buttons['restore-previous'] = RESTORE
  node.setRelaunchData(buttons)
}

/** A layer whose own fill is an image: one to draw an area over (a group of tiles is not). */
function showsImageFill(node: BaseNode): boolean {
  if (node.type === 'GROUP' || !('fills' in node)) return false
  const fills = (node as MinimalFillsMixin).fills
  return Array.isArray(fills) && fills.some((fill: Paint) => fill.type === 'IMAGE')
}
