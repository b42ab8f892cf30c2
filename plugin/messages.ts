// Every message between the UI iframe and the sandbox, in one place.
//
// The UI sends `parent.postMessage({ pluginMessage: msg }, '*')` and the sandbox
// answers with `figma.ui.postMessage(msg)`. Both sides import these types, so a
// message that one side sends and the other does not understand fails to compile.
// This file holds types only: it is compiled into both bundles and must not touch
// `figma` or the DOM.

export type ModelId = 'sourceful/riverflow-v2-fast' | 'sourceful/riverflow-v2-pro'

export type AspectRatio =
  | '1:1'
  | '2:3'
  | '3:2'
  | '3:4'
  | '4:3'
  | '4:5'
  | '5:4'
  | '9:16'
  | '16:9'
  | '21:9'

export type ImageSize = '1K' | '2K' | '4K'

/** One "text in a font" row: Riverflow renders `text` in the font at `fontUrl`. */
export interface FontInput {
  fontUrl: string
  text: string
}

/** What the designer chose for a generation, besides the prompt. */
export interface GenerationSettings {
  model: ModelId
  aspectRatio: AspectRatio
  imageSize: ImageSize
  fontInputs: FontInput[]
}

/**
 * Where a result goes: as an image fill on the layers that were selected when
 * the designer pressed Generate, or on a new layer beside them (in view when
 * nothing was selected).
 */
export type Placement = 'fill' | 'new-layer'

/** What the UI keeps between runs (in clientStorage, through the sandbox). Never the key. */
export interface SavedState {
  prompt: string
  settings: GenerationSettings
  placement: Placement
}

/** One selected layer, as the UI needs to know it. */
export interface SelectedLayer {
  id: string
  name: string
  type: string
  width: number
  height: number
  /** True when the layer can take an image fill (shapes and frames, not text or groups). */
  fillable: boolean
  /** For a text layer: its characters and font, for "Use selected text layer". */
  text?: SelectedText
}

export interface SelectedText {
  characters: string
  /** Null when the layer mixes several fonts. */
  fontFamily: string | null
  fontStyle: string | null
}

/**
 * Recorded in plugin data on every layer the plugin fills or creates, so the
 * image can be traced and regenerated later. It travels with the file and anyone
 * who has the file can read it: it must never hold the key.
 */
export interface GenerationRecord {
  prompt: string
  settings: GenerationSettings
  /** OpenRouter's generation id (`gen-...`), when the answer carried one. */
  generationId: string | null
  /** `usage.cost` in USD credits for the whole request, when the answer carried it. */
  cost: number | null
  /** ISO 8601 time the image arrived. */
  createdAt: string
}

/** An image ready for `figma.createImage`: PNG, JPEG or GIF, at most 4096 px a side. */
export interface PreparedImage {
  bytes: Uint8Array
  width: number
  height: number
}

// ---------------------------------------------------------------------------
// UI → sandbox

export interface UiReadyMessage {
  type: 'ui-ready'
}

/** The only message that carries the key to the sandbox: to store it in clientStorage. */
export interface SaveKeyMessage {
  type: 'save-key'
  key: string
}

export interface ForgetKeyMessage {
  type: 'forget-key'
}

export interface SaveStateMessage {
  type: 'save-state'
  state: SavedState
}

/**
 * Place one image of a job's answer. One image a message: a large structured
 * clone doubles memory for a moment, so images are never batched.
 */
export interface PlaceImageMessage {
  type: 'place-image'
  jobId: string
  /** The image's index within the job's answer: images of one job are laid out side by side. */
  index: number
  image: PreparedImage
  placement: Placement
  /** Layers selected when the designer pressed Generate (fill targets, or what to place beside). */
  targetIds: string[]
  /** Layer name for a new layer. */
  name: string
  /**
   * The new layer's size on the canvas, when it is not the image's pixel size:
   * a refined or upscaled frame keeps its source's size, with a sharper fill.
   */
  size?: { width: number; height: number }
  /** Select the new layer and scroll to it; off in a batch, where results arrive one by one. */
  reveal: boolean
  record: GenerationRecord
}

/** How to export a layer: Figma's own export constraint. */
export interface ExportConstraint {
  type: 'SCALE' | 'WIDTH' | 'HEIGHT'
  value: number
}

/** Export one layer as PNG, to send as an input or reference image. One layer a message. */
export interface ExportLayerMessage {
  type: 'export-layer'
  requestId: string
  layerId: string
  constraint: ExportConstraint
}

export interface NotifyMessage {
  type: 'notify'
  text: string
  error?: boolean
}

export type UiToPluginMessage =
  | UiReadyMessage
  | SaveKeyMessage
  | ForgetKeyMessage
  | SaveStateMessage
  | PlaceImageMessage
  | ExportLayerMessage
  | NotifyMessage

// ---------------------------------------------------------------------------
// sandbox → UI

/** Sent once the UI says it is ready: what it needs to start. */
export interface InitMessage {
  type: 'init'
  /** The stored key, or null on first run. The UI alone talks to OpenRouter. */
  key: string | null
  state: SavedState | null
  selection: SelectedLayer[]
}

export interface SelectionChangedMessage {
  type: 'selection-changed'
  selection: SelectedLayer[]
}

export interface KeySavedMessage {
  type: 'key-saved'
}

export interface KeyForgottenMessage {
  type: 'key-forgotten'
}

export interface ImagePlacedMessage {
  type: 'image-placed'
  jobId: string
  index: number
  /** The layers that now show the image: the filled targets or the new layer. */
  nodeIds: string[]
  /** How it ended up: a target that was deleted or locked meanwhile turns a fill into a new layer. */
  placement: Placement
}

/** The image could not be placed; the UI keeps it so that nothing paid for is lost. */
export interface PlaceFailedMessage {
  type: 'place-failed'
  jobId: string
  index: number
  message: string
}

export interface LayerExportedMessage {
  type: 'layer-exported'
  requestId: string
  layerId: string
  /** PNG bytes at the exported pixel size. */
  image: PreparedImage
}

export interface ExportFailedMessage {
  type: 'export-failed'
  requestId: string
  layerId: string
  message: string
}

/** A small PNG of a selected layer for the selection panel, sent after selection-changed. */
export interface LayerThumbnailMessage {
  type: 'layer-thumbnail'
  layerId: string
  bytes: Uint8Array
}

export type PluginToUiMessage =
  | InitMessage
  | SelectionChangedMessage
  | KeySavedMessage
  | KeyForgottenMessage
  | ImagePlacedMessage
  | PlaceFailedMessage
  | LayerExportedMessage
  | ExportFailedMessage
  | LayerThumbnailMessage
