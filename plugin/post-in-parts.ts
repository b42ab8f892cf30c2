import { type LayerThumbnailMessage, PART_BYTES, PART_LAYERS, partsKey, type PluginToUiMessage, type ReplyMessage } from '../common/messages'

type Post = (message: PluginToUiMessage) => void

/**
 * Wraps the sandbox's post so that a large message goes in parts the UI reads
 * between frames (common/messages.ts, PartMessage): a reply's or a thumbnail's
 * bytes over PART_BYTES go ahead in slices, and the message then carries none;
 * a selection of more than PART_LAYERS layers goes ahead in runs of layers, and
 * the message carries the last run. All is posted at once and in order, so the
 * UI's bridge (ui/bridge.ts) joins the parts when their message comes.
 */
export function postInParts(post: Post): Post {
  return (message) => {
    switch (message.type) {
      case 'selection-changed': {
        const layers = message.selection
        const last = Math.max(0, Math.ceil(layers.length / PART_LAYERS) - 1) * PART_LAYERS
        for (let start = 0; start < last; start += PART_LAYERS) post({ type: 'selection-part', layers: layers.slice(start, start + PART_LAYERS) })
        post({ ...message, selection: layers.slice(last) })
        return
      }
      case 'reply': {
        // An export's result carries its image's bytes; other results carry none.
        const bytes = message.ok ? (message.result as { bytes?: unknown } | null)?.bytes : undefined
        if (bytes instanceof Uint8Array && message.ok) postBytes(post, message, bytes, (none) => ({ ...message, result: { ...(message.result as object), bytes: none } as typeof message.result }))
        else post(message)
        return
      }
      case 'layer-thumbnail':
        postBytes(post, message, message.bytes, (none) => ({ ...message, bytes: none }))
        return
      default:
        post(message)
    }
  }
}

function postBytes<M extends ReplyMessage | LayerThumbnailMessage>(post: Post, message: M, bytes: Uint8Array, without: (none: Uint8Array) => M): void {
  if (bytes.length <= PART_BYTES) return post(message)
  const partsOf = partsKey(message)
  for (let start = 0; start < bytes.length; start += PART_BYTES) post({ type: 'bytes-part', partsOf, bytes: bytes.slice(start, start + PART_BYTES), total: bytes.length })
  post(without(new Uint8Array(0)))
}
