import { answerRequests } from './answer-requests'
import { chooseBrandKitAsync, loadBrandKitsAsync, makeBrandKitFromSelectionAsync } from './brand-kit/kit-requests'
import { exportLayerAsync, exportThumbnailAsync, MAX_THUMBNAILS } from './selection/export-layer'
import { makeFormatFramesAsync, removeFormatFramesAsync } from './placing/format-frames'
import type { QuickAction } from '../common/domain'
import type { Launch, PluginToUiMessage } from '../common/messages'
import { endUndoStep, inSetStepAsync, loadHistoryAsync, ownStepAsync, placeAgainAsync, placeAndRecordAsync, wholeRecordAsync } from './history/history-requests'
import { openExternalAsync } from './open-external'
import { postInParts } from './post-in-parts'
import { startQuickAction } from './relaunch/quick-actions'
import { createImageOrExplain } from './placing/new-layer'
import { readLaunch, relaunchInSandbox, withFormatSourceAsync } from './relaunch/relaunch'
import { describeSelection } from './selection/selection'
import { showLayersAsync } from './selection/show-layers'
import { readStartDataAsync, withStartData } from './storage/start-data'
import { forgetKeyAsync, saveCatalogCacheAsync, saveKeyAsync, saveStateAsync } from './storage/storage'
import { loadWindowSizeAsync, resizeWindowAsync } from './storage/window-size'

/** Every message to the UI: a large one in parts (./post-in-parts.ts). */
const post = postInParts((message: PluginToUiMessage) => figma.ui.postMessage(message))

/**
 * The sandbox: opens the UI and does what it asks to the document. The network
 * lives in the UI (the sandbox's fetch has no abort and no streaming); the
 * document lives here.
 */
export function startPlugin(): void {
  // Restore previous needs no panel: the sandbox does it and closes.
  if (relaunchInSandbox()) return
  // Read while the layer is still the selection; handed to the panel once, with its HTML.
  const launch = readLaunch()
  let toast: NotificationHandler | null = null
  let thumbnailsFor = ''
  // A quick action opens the UI hidden, once Figma runs it: the UI reaches the network and does the work.
  const openUi = (quickAction: QuickAction | null) => void openUiAsync(quickAction, launch)
  if (!startQuickAction(openUi)) openUi(null)

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
      'load-start': () => readStartDataAsync(),
      async 'send-selection'() {
        // The thumbnails follow the answer, one a message.
        setTimeout(() => void sendSelectionAsync(), 0)
        return null
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
      async 'place-image'(args) {
        const placed = await placeAndRecordAsync(args)
        // A layer just filled now shows an image: the panel then proposes to edit it, not to fill it again.
        // Figma reports no selection change for a fill, so the selection is told again.
        if (args.placement === 'fill') void sendSelectionAsync()
        return placed
      },
      async 'create-image'({ bytes }) {
        return { imageHash: createImageOrExplain(bytes).hash }
      },
      'load-history': loadHistoryAsync,
      'whole-record': wholeRecordAsync,
      'place-again': placeAgainAsync,
      'export-layer': exportLayerAsync,
      'open-external': openExternalAsync,
      async 'save-catalog'({ catalog }) {
        await saveCatalogCacheAsync(catalog)
        return null
      },
      async notify({ message, error, timeoutMs }) {
        toast?.cancel()
        // Figma's own timeout unless the UI names one (a progress toast stays until replaced).
        toast = figma.notify(message, timeoutMs === undefined ? { error } : { error, timeout: timeoutMs })
        return null
      },
      async 'show-ui'() {
        figma.ui.show()
        return null
      },
      resize: resizeWindowAsync,
      async 'close-plugin'() {
        figma.closePlugin()
        return null
      },
      'show-layers': showLayersAsync,
      'load-brand-kits': loadBrandKitsAsync,
      // The file's choice is a change of the document: its own undo step, never joined to the next image's or a set's.
      'choose-brand-kit': (args) => ownStepAsync(() => chooseBrandKitAsync(args)),
      'make-brand-kit': (args) => ownStepAsync(() => makeBrandKitFromSelectionAsync(args)),
      // The set's frames and then its images are one undo step, which 'end-undo-step' ends.
      'make-format-frames': (args) => inSetStepAsync(() => makeFormatFramesAsync(args)),
      async 'remove-format-frames'(args) {
        try {
          await removeFormatFramesAsync(args)
        } finally {
          endUndoStep()
        }
        return null
      },
      async 'end-undo-step'() {
        return endUndoStep()
      },
    },
    post,
  )
}

/**
 * Opens the panel with what its first frame needs already in the HTML: the key,
 * the saved state, the cached catalog and the selection are read first (a few
 * milliseconds of clientStorage), so the panel draws its real view at once.
 */
async function openUiAsync(quickAction: QuickAction | null, launch: Launch | null): Promise<void> {
  try {
    // A format's key visual is looked up by an id the file holds: one Figma will not look up leaves the launch as read.
    const withSource = withFormatSourceAsync(launch).catch(() => launch)
    const [data, size] = await Promise.all([withSource.then((found) => readStartDataAsync(quickAction, found)), loadWindowSizeAsync()])
    figma.showUI(withStartData(__html__, data), { ...size, themeColors: true, title: 'Riverflow', visible: quickAction === null })
  } catch {
    // Never a plugin left running with no panel and no word.
    figma.closePlugin('Riverflow could not open: Figma did not give it what it keeps on this computer. Run it again.')
  }
}
