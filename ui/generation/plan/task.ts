import type { AspectRatio, ExportConstraint, GenerationRecord, GenerationSettings, Landing } from '../../../common/domain'
import type { AreaTarget, SelectedLayer } from '../../../common/selection'
import type { ModelCapabilities } from '../../../common/models'
import type { ScoringCriterion } from '../../openrouter/scoring-rubric'
import type { PixelSize } from '../../../common/sizes'
import type { FrameSize } from '../../models/frame-size'
import type { InputCanvas } from '../../image/input-canvas'

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
  /** Expand: the export goes on a larger canvas at this box; the rest is the background (docs/architecture.md). */
  canvas?: InputCanvas
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
  placement: Landing
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
  /** Edit area: where on the page the answer goes, the shape that masks it, and what the record keeps of it. */
  area?: AreaTarget & NonNullable<GenerationRecord['area']>
  /** The prompt as the designer wrote it, when `prompt` wraps it in an instruction (Edit area, Expand): the record keeps this one. */
  designerPrompt?: string
  /** Expand to a ratio: the frame of this ratio the sandbox makes around the image, the answer behind it. */
  expandTo?: AspectRatio
  /** Expand: the image the answer continues, which the record keeps (Regenerate fills the result again). */
  expandedImageId?: string
  /** Made from the designer's images (Refine, Upscale, Remove background, Combine): the record says so, and Regenerate cannot remake it. */
  fromImages?: true
  /** Upscale and Remove background: the record names the action (History's title), its instruction kept out of `designerPrompt`. */
  upscale?: GenerationRecord['upscale']
  cutout?: true
  /**
   * Every format: the key visual and the set this format is made in, which the
   * record keeps (Regenerate makes the format again, History lists the set as
   * one entry); a job of them is one undo step.
   */
  formatSet?: { id: string; keyVisualId: string }
  /** The brand kit's checks, for models that score (ui/generation/plan/apply-kit.ts). */
  scoringRubric?: ScoringCriterion[]
  /** Set when the file's brand kit went into this task: what it added and what the model could not take. */
  brandKit?: KitApplied
}

/** What the kit did to one task, for the line before sending and for the record. */
export interface KitApplied {
  /** The kit's page id, which the record keeps so Regenerate finds this kit and no other of the same name. */
  id: string
  name: string
  /** The prompt as the designer wrote it: the record keeps it, so Regenerate adds the kit once, not twice. */
  designerPrompt: string
  adds: string[]
  leftOut: string[]
  /** The kit's references an upscale sends as refSR references, each priced on top of the image: its offer says so. */
  paidReferences?: number
}
