import { hasPrevious } from './previous-image'
import { RECORD_KEY } from './record'

const RESTORE = 'Swap back to the image this layer showed before'

/**
 * The buttons in the layer's properties panel (manifest `relaunchButtons`):
 * every image the plugin placed can be regenerated, varied or edited from
 * there, and swapped with its previous image when it has one. A layer showing
 * the designer's own fill again (after Restore previous) keeps the swap: the
 * generated image is one press away, not stranded in plugin data.
 */
export function setRelaunchButtons(node: BaseNode): void {
  const buttons: Record<string, string> = {}
  if (node.getPluginData(RECORD_KEY) !== '') {
    buttons.regenerate = 'A new image from the same prompt and settings'
    buttons['more-like-this'] = 'Takes like this image, beside it'
    buttons['edit-prompt'] = 'Open the panel with this image’s prompt and settings'
  }
  if (hasPrevious(node)) buttons['restore-previous'] = RESTORE
  node.setRelaunchData(buttons)
}
