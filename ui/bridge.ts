import { assertNever } from '../common/assert-never'
import {
  type ArrivingBytes,
  type LayerThumbnailMessage,
  type PluginEvent,
  type PluginToUiMessage,
  REQUEST_PART_BYTES,
  type ReplyMessage,
  type RequestArgs,
  type RequestPartMessage,
  type RequestResult,
  type RequestType,
  type UiToPluginMessage,
  partsKey,
  receiveSlice,
  requestBytes,
  takeArrived,
  withRequestBytes,
} from '../common/messages'
import type { SelectedLayer } from '../common/selection'

/** How long to wait for the sandbox when a request names no time of its own. */
const DEFAULT_TIMEOUT_MS = 60_000

/** The sandbox refused a request or never answered; `message` is for the designer. */
export class BridgeError extends Error {
  constructor(
    message: string,
    readonly timedOut = false,
  ) {
    super(message)
    this.name = 'BridgeError'
  }
}

const waiting = new Map<string, { settle: (reply: ReplyMessage) => void }>()
/** The bytes coming in slices ahead of their reply or thumbnail (plugin/post-in-parts.ts), by `partsKey`. */
const parts = new Map<string, ArrivingBytes>()
/** The layers of a large selection that came ahead of its 'selection-changed'. */
let selectionParts: SelectedLayer[] = []
const eventHandlers = new Set<(event: PluginEvent) => void>()
let listening = false
let counter = 0

/**
 * Asks the sandbox to do one thing and waits for its answer: the one way the
 * UI talks to the sandbox. Every request gets an id and exactly one reply;
 * a sandbox that stays silent past `timeoutMs` is a failure, not a hang.
 */
export function requestAsync<K extends RequestType>(
  type: K,
  args: RequestArgs<K>,
  options: { timeoutMs?: number; timeoutMessage?: string } = {},
): Promise<RequestResult<K>> {
  listen()
  const requestId = `${type}-${++counter}`
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      waiting.delete(requestId)
      parts.delete(requestId)
      reject(new BridgeError(options.timeoutMessage ?? 'Figma did not answer in time. Try again.', true))
    }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS)
    waiting.set(requestId, {
      settle(reply) {
        clearTimeout(timer)
        if (reply.ok) resolve(reply.result as RequestResult<K>)
        else reject(new BridgeError(reply.message))
      },
    })
    // A message the browser cannot post fails now, in the designer's words, rather than after the timeout.
    postAsync({ ...args, type, requestId } as UiToPluginMessage).catch(() => {
      waiting.get(requestId)?.settle({ type: 'reply', requestId, ok: false, message: 'The panel could not hand this to Figma. Try again, or close and reopen the plugin.' })
      waiting.delete(requestId)
    })
  })
}

/**
 * Posts a request; its image bytes over REQUEST_PART_BYTES go ahead in slices,
 * each in a task of its own (common/messages.ts, RequestPartMessage). A slice
 * is a copy: a view would post the whole buffer under it.
 */
async function postAsync(message: UiToPluginMessage): Promise<void> {
  const post = (pluginMessage: UiToPluginMessage | RequestPartMessage) => parent.postMessage({ pluginMessage }, '*')
  const bytes = requestBytes(message)
  if (!bytes || bytes.length <= REQUEST_PART_BYTES) return post(message)
  for (let start = 0; start < bytes.length; start += REQUEST_PART_BYTES) {
    post({ type: 'request-part', requestId: message.requestId, bytes: bytes.slice(start, start + REQUEST_PART_BYTES), total: bytes.length })
    await new Promise((resolve) => setTimeout(resolve))
  }
  post(withRequestBytes(message, new Uint8Array(0)))
}

/** Listens for what the sandbox tells unasked (selection, thumbnails); returns the function that stops. */
export function onPluginEvent(handler: (event: PluginEvent) => void): () => void {
  listen()
  eventHandlers.add(handler)
  return () => eventHandlers.delete(handler)
}

function listen(): void {
  if (listening) return
  listening = true
  window.addEventListener('message', (event: MessageEvent) => {
    const message = (event.data as { pluginMessage?: PluginToUiMessage } | null)?.pluginMessage
    if (message && typeof message.type === 'string') dispatch(message)
  })
}

function dispatch(message: PluginToUiMessage): void {
  switch (message.type) {
    case 'bytes-part':
      receiveSlice(parts, message.partsOf, message.bytes, message.total)
      return
    case 'selection-part':
      selectionParts.push(...message.layers)
      return
    case 'reply': {
      const pending = waiting.get(message.requestId)
      const received = takeParts(message)
      waiting.delete(message.requestId)
      pending?.settle(received && message.ok ? { ...message, result: { ...(message.result as object), bytes: received } as typeof message.result } : message)
      return
    }
    case 'selection-changed': {
      const selection = selectionParts.length > 0 ? [...selectionParts, ...message.selection] : message.selection
      selectionParts = []
      for (const handler of eventHandlers) handler({ ...message, selection })
      return
    }
    case 'layer-thumbnail': {
      const bytes = takeParts(message) ?? message.bytes
      for (const handler of eventHandlers) handler({ ...message, bytes })
      return
    }
    default:
      assertNever(message, 'message from the sandbox')
  }
}

/** The bytes that came in slices ahead of this message; undefined when they came in it. */
function takeParts(message: ReplyMessage | LayerThumbnailMessage): Uint8Array | undefined {
  return takeArrived(parts, partsKey(message))
}
