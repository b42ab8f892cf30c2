import { exportLayerAsync, exportThumbnailAsync, MAX_THUMBNAILS } from './export-layer'
import type { PluginToUiMessage, UiToPluginMessage } from './messages'
import { placeImageAsync } from './place-image'
import { describeSelection } from './selection'
import { forgetKeyAsync, loadKeyAsync, loadStateAsync, saveKeyAsync, saveStateAsync } from './storage'

function post(message: PluginToUiMessage): void {
  figma.ui.postMessage(message)
}

/**
 * The sandbox: opens the UI and does what it asks to the document. The network
 * lives in the UI (the sandbox's fetch has no abort and no streaming); the
 * document lives here.
 */
export function startPlugin(): void {
  figma.showUI(__html__, { width: 360, height: 640, themeColors: true, title: 'Riverflow' })
  let thumbnailsFor = ''

  async function sendSelectionAsync(type: 'selection-changed'): Promise<void> {
    const nodes = figma.currentPage.selection
    post({ type, selection: describeSelection(nodes) })
    // Thumbnails follow one a message, so the list shows at once and fills in.
    const key = nodes.map((n) => n.id).join(',')
    thumbnailsFor = key
    for (const node of nodes.slice(0, MAX_THUMBNAILS)) {
      const thumbnail = await exportThumbnailAsync(node)
      if (thumbnailsFor !== key) return // the selection moved on
      if (thumbnail) post(thumbnail)
    }
  }

  figma.on('selectionchange', () => void sendSelectionAsync('selection-changed'))

  figma.ui.onmessage = async (message: UiToPluginMessage) => {
    switch (message.type) {
      case 'ui-ready': {
        const [key, state] = await Promise.all([loadKeyAsync(), loadStateAsync()])
        post({ type: 'init', key, state, selection: describeSelection(figma.currentPage.selection) })
        void sendSelectionAsync('selection-changed')
        break
      }
      case 'save-key':
        await saveKeyAsync(message.key)
        post({ type: 'key-saved' })
        break
      case 'forget-key':
        await forgetKeyAsync()
        post({ type: 'key-forgotten' })
        break
      case 'save-state':
        await saveStateAsync(message.state)
        break
      case 'place-image':
        post(await placeImageAsync(message))
        break
      case 'export-layer':
        post(await exportLayerAsync(message))
        break
      case 'notify':
        figma.notify(message.text, { error: message.error === true })
        break
    }
  }
}
