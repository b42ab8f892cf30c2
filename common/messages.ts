// Every message between the UI iframe and the sandbox, in one place.
//
// The UI asks, the sandbox answers: each UI message is a request with an id and
// gets exactly one `reply` with that id, a result or a failure the designer can
// read (see ui/bridge.ts and plugin/answer-requests.ts). The sandbox also tells
// the UI of things the UI did not ask about: `PluginEvent`.
//
// The UI sends `parent.postMessage({ pluginMessage: msg }, '*')` and the sandbox
// answers with `figma.ui.postMessage(msg)`. Types and one name: compiled into both
// bundles, so it must not touch `figma` or the DOM. The domain types the
// messages carry live in common/domain.ts.
import type {
  AspectRatio,
  CachedCatalog,
  ExportConstraint,
  GenerationRecord,
  HistoryEntry,
  Landing,
  PreparedImage,
  QuickAction,
  SavedState,
  HeldTile,
  TiledImage,
} from './domain'
import type { AreaTarget, ExpandSource, SelectedLayer } from './selection'
import type { BrandKits } from './brand-kit'

/**
 * What the panel needs for its first frame. The sandbox reads it before
 * `figma.showUI` and hands it over inside the HTML, as the global named by
 * START_DATA_GLOBAL, so the panel draws the real view at once, never "Loading…"
 * (docs/architecture.md#start-up).
 */
export interface StartData {
  /** The stored key, or null on first run. The UI alone talks to OpenRouter. */
  key: string | null
  /** What clientStorage holds, unchecked: the UI reads it field by field. */
  state: unknown
  /** The model catalog clientStorage keeps, unchecked (ui/models/catalog/parse-catalog.ts reads it); null when none. */
  catalog: unknown
  selection: SelectedLayer[]
  /** The quick action Figma ran the plugin for (its panel hidden). Handed over once, with the HTML; null after. */
  quickAction: QuickAction | null
  /** What a relaunch button asked for. Handed over once, with the HTML; null for a plain run and after. */
  launch: Launch | null
}

/** The window property that carries StartData into the panel's page. */
export const START_DATA_GLOBAL = '__RIVERFLOW_START__'

/** The relaunch buttons the UI carries out; Restore previous is the sandbox's alone. */
export type LaunchCommand = 'regenerate' | 'more-like-this' | 'edit-prompt' | 'edit-an-area' | 'erase-an-area'

/** A relaunch button pressed on a layer: the layer and its generation record as found. */
export interface Launch {
  command: LaunchCommand
  /** Null when the layer is no longer there. */
  layer: SelectedLayer | null
  /** The layer's record, parsed but unchecked (it may come from an older version): the UI reads it field by field. */
  record: unknown
  /** Why the command cannot run as asked, for the designer; null when it can. */
  problem: string | null
  /** On an Edit area result: the image it was made on and the shape that masks it, to redo the same area. */
  area?: { image: SelectedLayer; shape: SelectedLayer }
  /** On an Expand result: its frame, with the image it continues, to expand it again into the same layer. */
  expand?: { frame: SelectedLayer; source: ExpandSource }
  /** On an Every format result: its frame, and the key visual it was made from, to make the format again. */
  format?: { frame: SelectedLayer; keyVisual: SelectedLayer }
  /** Edit area and Erase area from an image: the whole selection, where the shape drawn over it may be. */
  selection?: SelectedLayer[]
}

/**
 * Place one image of a task's answer. One image a request: a large structured
 * clone doubles memory for a moment, so images are never batched.
 */
export interface PlaceImageArgs {
  /** The task (or row of takes) the image belongs to: images of one task go side by side. */
  taskId: string
  /**
   * The image, or its tiles when it is larger than Figma takes and the designer
   * keeps full resolution: those go on a new layer whatever `placement` says.
   */
  image: PreparedImage | TiledImage<HeldTile>
  placement: Landing
  /** Layers selected when the designer pressed Generate (fill targets, what to place beside, or the frame to expand). */
  targetIds: string[]
  /** Layer name for a new layer. */
  name: string
  /**
   * The new layer's size on the canvas, when it is not the image's pixel size:
   * a refined or upscaled frame keeps its source's size, with a sharper fill.
   */
  size?: { width: number; height: number }
  /** Edit area: the box it covers on the page and the shape that masks it (the image is already masked). */
  area?: AreaTarget
  /** Expand to a ratio: 'behind' makes a frame of this ratio around the target image first (plugin/placing/expand-ratio.ts). */
  expandTo?: AspectRatio
  /** Select the new layer and scroll to it; off in a batch, where results arrive one by one. */
  reveal: boolean
  /**
   * Every format: the placement joins the undo step the set's frames and
   * images share, which 'end-undo-step' ends once the set is done.
   */
  joinStep?: true
  record: GenerationRecord
}

export interface PlacedImage {
  /** The layers that now show the image: the filled targets or the new layer. */
  nodeIds: string[]
  /** How it ended up: a target that was deleted or locked meanwhile turns a fill into a new layer. */
  placement: Landing
  /** The layer's name, as the layers panel shows it, when the image is on one layer. */
  name?: string
}

export interface HistoryItem extends HistoryEntry {
  /** Whether its image is still in the file: on its layer, or kept there as the previous image. */
  exists: boolean
  /** Every format: the frames the set's images are in, by name, as they are now. */
  frames?: string[]
  /** Its layer shows another image now (Restore previous on the layer brings this one back). */
  swappedOut?: true
  /** Not in the file any more, though a layer of it is: another image replaced it there (not deleted). */
  replaced?: true
}

/** Every request the UI can make: its arguments and what the reply carries. */
interface Requests {
  /**
   * The start data again, read now: after "Reset settings" remounts the panel. Its quick
   * action and launch are always null: those are handed over once, with the HTML.
   */
  'load-start': { args: Record<string, never>; result: StartData }
  /** The panel is drawn: tell it the selection again and send its thumbnails. */
  'send-selection': { args: Record<string, never>; result: null }
  /** The only request that carries the key to the sandbox: to store it in clientStorage. */
  'save-key': { args: { key: string }; result: null }
  'forget-key': { args: Record<string, never>; result: null }
  'save-state': { args: { state: SavedState }; result: null }
  'place-image': { args: PlaceImageArgs; result: PlacedImage }
  /** Hand Figma one tile of an image larger than it takes, before 'place-image' lays the tiles: answers its hash. */
  'create-image': { args: { bytes: Uint8Array }; result: { imageHash: string } }
  /** Export one layer as PNG, to send as an input or reference image. One layer a request. */
  'export-layer': { args: { layerId: string; constraint: ExportConstraint }; result: PreparedImage }
  /** Open a page in the designer's browser: OpenRouter's sign-in. The sandbox opens only https://openrouter.ai/ pages. */
  'open-external': { args: { url: string }; result: null }
  'save-catalog': { args: { catalog: CachedCatalog }; result: null }
  /** A toast in Figma: how a quick action, whose panel is hidden, reports. It replaces the one before. */
  notify: { args: { message: string; error?: boolean; timeoutMs?: number }; result: null }
  /** Show the hidden panel: a quick action that needs the designer (no key yet, an image kept). */
  'show-ui': { args: Record<string, never>; result: null }
  /** The quick action is done. */
  'close-plugin': { args: Record<string, never>; result: null }
  /** The corner grip: resize the panel (clamped to sane bounds) and remember the size; answers the size taken. */
  resize: { args: { width: number; height: number }; result: { width: number; height: number } }
  /** This file's generations, newest first, and whether each one's layer is still there. */
  'load-history': { args: Record<string, never>; result: HistoryItem[] }
  /**
   * Reuse: the whole record kept on the entry's layer, checked on read (History's copy of a long
   * prompt is shortened); fails, saying why, when no layer of the entry shows or keeps its image.
   */
  'whole-record': { args: { layerIds: string[]; record: GenerationRecord }; result: GenerationRecord }
  /** A copy of the layer's image on a new layer beside it; fails when the layer is gone. */
  'place-again': { args: { layerId: string; record: GenerationRecord }; result: PlacedImage }
  /** Select the layers and zoom to them, on their page: how the designer finds what was placed. */
  'show-layers': { args: { layerIds: string[] }; result: null }
  /** The file's brand kits, read from their pages now, and the one the file uses (docs/contracts.md#brand-kit-pages). */
  'load-brand-kits': { args: Record<string, never>; result: BrandKits }
  /** The kit this file uses from now on, for everyone who opens it; null for none. */
  'choose-brand-kit': { args: { kitId: string | null }; result: null }
  /** A new kit page from the selected frames and text layers, chosen for the file: answers the kits again. */
  'make-brand-kit': { args: { name: string }; result: BrandKits }
  /**
   * Every format: an empty frame for each format, named for it and its size,
   * in a row beside the key visual; left open as an undo step that the set's
   * images join. Answers the frames as the selection describes them.
   */
  'make-format-frames': { args: { keyVisualId: string; formats: { name: string; width: number; height: number }[] }; result: SelectedLayer[] }
  /**
   * Every format: the frames 'make-format-frames' answered, removed again when
   * the set's job did not start in them (those the designer changed since stay),
   * and the set's undo step ended. 'last-make' when the panel stopped waiting
   * for the make: whatever it made goes, and one still under way makes none.
   */
  'remove-format-frames': { args: { frameIds: string[] | 'last-make' }; result: null }
  /** Ends the undo step a set of formats shared (its frames and images): one undo takes them all away. */
  'end-undo-step': { args: Record<string, never>; result: null }
}

export type RequestType = keyof Requests
export type RequestArgs<K extends RequestType> = Requests[K]['args']
export type RequestResult<K extends RequestType> = Requests[K]['result']

/** A request as it travels: its type, its id, and its arguments. */
export type UiToPluginMessage = { [K in RequestType]: { type: K; requestId: string } & RequestArgs<K> }[RequestType]

/**
 * A slice of a request's image bytes, sent ahead of the request in a task of
 * its own: the UI copies a message's bytes when it posts it, some 10 ms for an
 * image of 10 MB, and four images landing together held its main thread past
 * 50 ms. The sandbox copies each slice into place as it comes, and hands the
 * bytes to the request when it comes (plugin/answer-requests.ts, `receiveSlice`).
 */
export interface RequestPartMessage {
  type: 'request-part'
  requestId: string
  bytes: Uint8Array
  /** The length of all the slices: the sandbox copies each into place as it comes. */
  total: number
}

/**
 * The largest slice of a request's bytes in one message. Posting one of 1 MB, with its copy
 * for the message, took 5 to 20 ms of the UI's main thread on a busy two-core machine (a trace
 * of the formats bench); a quarter of that leaves room for the rest of a task.
 */
export const REQUEST_PART_BYTES = 256 * 1024

/** The image bytes a request carries (a place-image's image, a create-image's tile); null for any other. */
export function requestBytes(message: UiToPluginMessage): Uint8Array | null {
  if (message.type === 'create-image') return message.bytes
  if (message.type === 'place-image' && 'bytes' in message.image) return message.image.bytes
  return null
}

/** The request with `bytes` in the place `requestBytes` reads them from. */
export function withRequestBytes(message: UiToPluginMessage, bytes: Uint8Array): UiToPluginMessage {
  if (message.type === 'create-image') return { ...message, bytes }
  if (message.type === 'place-image' && 'bytes' in message.image) return { ...message, image: { ...message.image, bytes } }
  return message
}

/** The answer to one request; `message` is written for the designer, never a stack trace. */
export type ReplyMessage =
  | { type: 'reply'; requestId: string; ok: true; result: RequestResult<RequestType> }
  | { type: 'reply'; requestId: string; ok: false; message: string }

interface SelectionChangedMessage {
  type: 'selection-changed'
  /** The layers, or the last of them when 'selection-part' messages came ahead. */
  selection: SelectedLayer[]
}

/** A small PNG of a selected layer for the selection panel, sent after selection-changed. */
export interface LayerThumbnailMessage {
  type: 'layer-thumbnail'
  layerId: string
  bytes: Uint8Array
}

/** What the sandbox tells the UI unasked. */
export type PluginEvent = SelectionChangedMessage | LayerThumbnailMessage

/**
 * The UI reads each message in one task of its main thread, and from another
 * process, as Figma's plugin window is, reading one of 16 KB or more took 10 to
 * 45 ms in Chromium whatever its size, one of 12 KB or less under 1 ms
 * (bench/results/notes.md). So the sandbox sends a large message in parts that
 * come ahead of it, each small, and the UI puts them together by the time the
 * message comes (plugin/post-in-parts.ts, ui/bridge.ts;
 * docs/architecture.md#requests-between-the-halves).
 */
type PartMessage =
  /**
   * A slice of the bytes of the reply or thumbnail that `partsOf` names; `total`
   * is the length of them all, so that the UI copies each slice into place as it
   * comes rather than all of them at the end, in one task (ui/bridge.ts).
   */
  | { type: 'bytes-part'; partsOf: string; bytes: Uint8Array; total: number }
  /** Layers of a large selection, in order, ahead of its 'selection-changed'. */
  | { type: 'selection-part'; layers: SelectedLayer[] }

/** The largest slice of bytes in one message. */
export const PART_BYTES = 8 * 1024
/** The most layers in one message: a layer with its facts is some 100 to 400 bytes. */
export const PART_LAYERS = 25

/** Which message a 'bytes-part' belongs to: a reply by its request, a thumbnail by its layer. */
export function partsKey(message: ReplyMessage | LayerThumbnailMessage): string {
  return message.type === 'reply' ? message.requestId : `thumbnail ${message.layerId}`
}

export type PluginToUiMessage = ReplyMessage | PartMessage | PluginEvent

/** Bytes coming in slices, each copied into place as it comes (a 'bytes-part' or 'request-part'). */
export interface ArrivingBytes {
  bytes: Uint8Array
  filled: number
}

/**
 * Copies a slice into the bytes arriving under `key`, made `total` long on the first: a slice
 * at a time, in the task its message came in, so that the message they belong to costs no copy.
 * Joined at the end, the slices of a 5 MB export held the UI's main thread 10 ms and more.
 */
export function receiveSlice(arriving: Map<string, ArrivingBytes>, key: string, slice: Uint8Array, total: number): void {
  let received = arriving.get(key)
  if (!received) arriving.set(key, (received = { bytes: new Uint8Array(total), filled: 0 }))
  // Slices past the length the first one named do not fit: the bytes end there.
  const fits = slice.subarray(0, received.bytes.length - received.filled)
  received.bytes.set(fits, received.filled)
  received.filled += fits.length
}

/** The bytes that arrived under `key`, now theirs to keep; undefined when none did. */
export function takeArrived(arriving: Map<string, ArrivingBytes>, key: string): Uint8Array | undefined {
  const received = arriving.get(key)
  arriving.delete(key)
  return received?.bytes.subarray(0, received.filled)
}
