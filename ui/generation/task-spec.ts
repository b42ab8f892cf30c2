import type { ExportConstraint, GenerationSettings, Placement, SelectedLayer } from '../../common/domain'

/** A layer to send, and the size to export it at. */
export interface LayerToSend {
  layer: SelectedLayer
  constraint: ExportConstraint
}

/** One task, as planned from a click: one request, perhaps with frames to send, and where its takes go. */
export interface TaskSpec {
  id: string
  label: string
  prompt: string
  settings: GenerationSettings
  /** Input images: the first keeps the most pixels; none makes it text-to-image. */
  inputs: LayerToSend[]
  references: LayerToSend[]
  placement: Placement
  targetIds: string[]
  /** The result's size on the canvas (a refined or upscaled frame keeps its source's). */
  size?: { width: number; height: number }
  name: string
  reveal: boolean
  /** Takes of one click share it: the sandbox lays their images in one row. */
  row?: string
}
