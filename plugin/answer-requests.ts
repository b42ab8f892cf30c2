import { assertNever } from '../common/assert-never'
import {
  type ArrivingBytes,
  type ReplyMessage,
  type RequestArgs,
  type RequestPartMessage,
  type RequestResult,
  type RequestType,
  type UiToPluginMessage,
  receiveSlice,
  takeArrived,
  withRequestBytes,
} from '../common/messages'

/** One handler for every request the UI can make: leaving one out is a compile error. */
export type RequestHandlers = { [K in RequestType]: (args: RequestArgs<K>) => Promise<RequestResult<K>> }

/** A failure whose message is written for the designer: the UI shows it as it is. */
export class ShownError extends Error {}

/**
 * The sandbox's side of the protocol: runs the handler a request names and
 * always answers, with its result or with a failure the designer can act on.
 * A handler that throws never leaves the UI waiting, and never shows it a stack
 * trace: anything but a ShownError becomes the request's own plain message.
 */
export function answerRequests(handlers: RequestHandlers, reply: (message: ReplyMessage) => void): (message: unknown) => Promise<void> {
  /** The image bytes coming in slices ahead of their request (ui/bridge.ts), by request. */
  const parts = new Map<string, ArrivingBytes>()
  return async (received) => {
    if (isRequestPart(received)) return receiveSlice(parts, received.requestId, received.bytes, received.total)
    if (!isRequest(received)) return
    const bytes = takeArrived(parts, received.requestId)
    const message = bytes ? withRequestBytes(received, bytes) : received
    const { type, requestId } = message
    const handler = handlers[type] as ((args: unknown) => Promise<RequestResult<RequestType>>) | undefined
    if (!handler) {
      // A UI from another build of the plugin (only possible while developing).
      reply({ type: 'reply', requestId, ok: false, message: 'The plugin was updated while open. Close and reopen it.' })
      return
    }
    try {
      const result = await handler(message)
      reply({ type: 'reply', requestId, ok: true, result })
    } catch (error) {
      reply({ type: 'reply', requestId, ok: false, message: error instanceof ShownError ? error.message : failureMessage(type) })
    }
  }
}

function isRequestPart(message: unknown): message is RequestPartMessage {
  const m = message as Partial<RequestPartMessage> | null
  return (
    typeof m === 'object' &&
    m !== null &&
    m.type === 'request-part' &&
    typeof m.requestId === 'string' &&
    m.bytes instanceof Uint8Array &&
    Number.isSafeInteger(m.total) &&
    m.total! >= m.bytes.length
  )
}

function isRequest(message: unknown): message is UiToPluginMessage {
  const m = message as { type?: unknown; requestId?: unknown } | null
  return typeof m === 'object' && m !== null && typeof m.type === 'string' && typeof m.requestId === 'string'
}

/** What to tell the designer when a request fails for a reason nobody foresaw. */
function failureMessage(type: RequestType): string {
  switch (type) {
    case 'load-start':
      return 'The plugin could not read what it saved on this computer. Close and reopen it.'
    case 'save-key':
      return 'Figma could not store the key on this computer. Try again.'
    case 'forget-key':
      return 'Figma could not remove the key from this computer. Try again.'
    case 'save-state':
      return 'Your prompt and settings could not be saved for next time; they stay as they are in the panel.'
    case 'place-image':
    case 'create-image':
      return 'Figma could not place the image. Retry, or download it.'
    case 'export-layer':
      return 'Figma could not export the layer. Check that it is visible, then try again.'
    case 'open-external':
      return 'Figma could not open your browser. Try again, or paste a key instead.'
    case 'send-selection':
      return 'Figma could not tell the panel what is selected. Select the layers again.'
    case 'save-catalog':
      return 'The model list could not be kept on this computer; it is fetched again next time.'
    case 'notify':
    case 'show-ui':
    case 'close-plugin':
    case 'resize':
      return 'Figma did not respond to the plugin. Close it and run it again.'
    case 'load-history':
      return 'The history of this file could not be read.'
    case 'whole-record':
      return 'Figma could not read the image’s layer for its whole prompt. Press Reuse again.'
    case 'place-again':
      return 'Figma could not place the image again.'
    case 'show-layers':
      return 'Figma could not show the layers. Find them in the layers panel.'
    case 'load-brand-kits':
      return 'The brand kits of this file could not be read. Generate works without them.'
    case 'choose-brand-kit':
      return 'Figma could not remember the kit for this file. Choose it again.'
    case 'make-brand-kit':
      return 'Figma could not make the brand kit page. Nothing was changed; try again.'
    case 'make-format-frames':
      return 'Figma could not make the frames for the formats, so nothing was sent. Try again.'
    case 'remove-format-frames':
      return 'Figma could not remove the new frames, so they are still on the canvas: undo removes them.'
    case 'end-undo-step':
      return 'Figma could not close the undo step of the formats: undo may take them away one by one.'
    default:
      return assertNever(type, 'request')
  }
}
