import type { ExportConstraint, GenerationSettings, Placement, SelectedLayer } from '../../../common/domain'
import type { ModelCapabilities } from '../../../common/models'
import type { PixelSize } from '../../../common/sizes'
import type { FrameSize } from './frame-size'

/** What to send: the prompt, the settings, and the model they go to as the list in force describes it. */
export interface Order {
  prompt: string
  settings: GenerationSettings
  /** `settings.model` as found in the model list (ui/models/model-list.ts): planned, priced and sent with these facts. */
  model: ModelCapabilities
  /** An image over Figma's 4096 px may go in tiles: Fit the frame need not keep within 4096 then. */
  keepFullResolution?: boolean
}

/** A layer to send, and the size to export it at. */
export interface LayerToSend {
  layer: SelectedLayer
  constraint: ExportConstraint
}

/**
 * One task, as planned from a click: one request to OpenRouter, perhaps with
 * frames to send, and where the images of its answer go.
 */
export interface TaskSpec extends Order {
  id: string
  label: string
  /** Input images: the first keeps the most pixels; none makes it text-to-image. */
  inputs: LayerToSend[]
  references: LayerToSend[]
  placement: Placement
  targetIds: string[]
  /** Explicit pixels to ask for (`size: "WxH"`), for a model that makes them: the frame's own size at a density. */
  exactSize?: PixelSize
  /** What Fit the frame chooses for the image's frame (applied unless the designer chose a tier), for the panel. */
  frame?: FrameSize
  /** The result's size on the canvas (a refined or upscaled frame keeps its source's). */
  size?: { width: number; height: number }
  name: string
  reveal: boolean
  /** The takes of one click share it: the sandbox lays their images in one row. */
  row?: string
}
