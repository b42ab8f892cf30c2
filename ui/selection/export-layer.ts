import type { ExportConstraint, PreparedImage, PluginToUiMessage } from '../../plugin/messages'
import { onPluginMessage, postToPlugin } from '../bridge'

const waiting = new Map<string, { resolve: (image: PreparedImage) => void; reject: (error: Error) => void }>()
let listening = false
let counter = 0

function listen(): void {
  if (listening) return
  listening = true
  onPluginMessage((message: PluginToUiMessage) => {
    if (message.type !== 'layer-exported' && message.type !== 'export-failed') return
    const pending = waiting.get(message.requestId)
    if (!pending) return
    waiting.delete(message.requestId)
    if (message.type === 'layer-exported') pending.resolve(message.image)
    else pending.reject(new Error(message.message))
  })
}

/** Asks the sandbox to export a layer as PNG and waits for the bytes. */
export function exportLayerAsync(layerId: string, constraint: ExportConstraint): Promise<PreparedImage> {
  listen()
  const requestId = `export-${++counter}`
  return new Promise((resolve, reject) => {
    waiting.set(requestId, { resolve, reject })
    postToPlugin({ type: 'export-layer', requestId, layerId, constraint })
  })
}
