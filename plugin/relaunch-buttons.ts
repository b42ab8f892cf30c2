import { hasPrevious } from './previous-image'
import { RECORD_KEY } from './record'

/**
 * The buttons in the layer's properties panel (manifest `relaunchButtons`):
 * every image the plugin placed can be regenerated, varied or edited from
 * there, and put back as it was when it has a previous image.
 */
export function setRelaunchButtons(node: BaseNode): void {
  if (node.getPluginData(RECORD_KEY) === '') {
    node.setRelaunchData({})
    return
  }
  const buttons: Record<string, string> = {
    regenerate: 'A new image from the same prompt and settings',
    'more-like-this': 'Takes like this image, beside it',
    'edit-prompt': 'Open the panel with this image’s prompt and settings',
  }
  if (hasPrevious(node)) buttons['restore-previous'] = 'Put back the image this layer showed before'
  node.setRelaunchData(buttons)
}
