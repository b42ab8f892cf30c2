import { assertNever } from '../common/assert-never'
import type { PluginEvent, PluginToUiMessage, ReplyMessage, RequestArgs, RequestResult, RequestType, UiToPluginMessage } from '../common/messages'

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
/** The slices of a reply's bytes that came ahead of it (plugin/answer-requests.ts), by request. */
const parts = new Map<string, Uint8Array[]>()
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
    const message = { ...args, type, requestId } as UiToPluginMessage
    parent.postMessage({ pluginMessage: message }, '*')
  })
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
    case 'reply-part': {
      // Only for a request still waited for: one that timed out keeps nothing.
      if (waiting.has(message.requestId)) parts.set(message.requestId, [...(parts.get(message.requestId) ?? []), message.bytes])
      return
    }
    case 'reply': {
      const pending = waiting.get(message.requestId)
      const received = parts.get(message.requestId)
      waiting.delete(message.requestId)
      parts.delete(message.requestId)
      pending?.settle(received && message.ok ? { ...message, result: { ...(message.result as object), bytes: joined(received) } as typeof message.result } : message)
      return
    }
    case 'selection-changed':
    case 'layer-thumbnail':
      for (const handler of eventHandlers) handler(message)
      return
    default:
      assertNever(message, 'message from the sandbox')
  }
}

/** The slices of a reply's bytes as the one array the sandbox had. */
function joined(slices: readonly Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(slices.reduce((sum, slice) => sum + slice.length, 0))
  let offset = 0
  for (const slice of slices) {
    bytes.set(slice, offset)
    offset += slice.length
  }
  return bytes
}
