import { answerRequests } from './answer-requests'
import { exportLayerAsync, exportThumbnailAsync, MAX_THUMBNAILS } from './export-layer'
import type { PluginToUiMessage } from './messages'
import { loadHistoryAsync, placeAgainAsync, placeAndRecordAsync } from './history-requests'
import { launchOnce, relaunchInSandbox } from './relaunch'
import { describeSelection } from './selection'
import { showLayersAsync } from './show-layers'
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
  if (relaunchInSandbox()) return
  const takeLaunch = launchOnce()
  figma.showUI(__html__, { width: 360, height: 640, themeColors: true, title: 'Riverflow' })
  let thumbnailsFor = ''

  async function sendSelectionAsync(): Promise<void> {
    const nodes = figma.currentPage.selection
    post({ type: 'selection-changed', selection: describeSelection(nodes) })
    // Thumbnails follow one a message, so the list shows at once and fills in.
    const key = nodes.map((n) => n.id).join(',')
    thumbnailsFor = key
    for (const node of nodes.slice(0, MAX_THUMBNAILS)) {
      const thumbnail = await exportThumbnailAsync(node)
      if (thumbnailsFor !== key) return // the selection moved on
      if (thumbnail) post(thumbnail)
    }
  }

  figma.on('selectionchange', () => void sendSelectionAsync())

  figma.ui.onmessage = answerRequests(
    {
      async init() {
        const [key, state] = await Promise.all([loadKeyAsync(), loadStateAsync()])
        // The thumbnails of what is already selected follow the answer.
        setTimeout(() => void sendSelectionAsync(), 0)
        return { key, state, selection: describeSelection(figma.currentPage.selection), launch: takeLaunch() }
      },
      async 'save-key'({ key }) {
        await saveKeyAsync(key)
        return null
      },
      async 'forget-key'() {
        await forgetKeyAsync()
        return null
      },
      async 'save-state'({ state }) {
        await saveStateAsync(state)
        return null
      },
      'place-image': placeAndRecordAsync,
      'load-history': loadHistoryAsync,
      'place-again': placeAgainAsync,
      'export-layer': exportLayerAsync,
      'show-layers': showLayersAsync,
    },
    post,
  )
}
