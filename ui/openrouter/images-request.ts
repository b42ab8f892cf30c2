import type { AspectRatio, GenerationSettings, ImageSize } from '../../common/domain'
import type { ModelCapabilities } from '../../common/models'
import type { GenerationInput } from './request'
import type { Road } from './roads'

/** The body of `POST /api/v1/images` (docs/contracts.md#the-image-api), as far as the plugin fills it. */
export interface ImagesRequest {
  model: string
  prompt: string
  resolution: ImageSize
  aspect_ratio: AspectRatio
  /** An upper bound; one image a request, as on the chat road. */
  n: 1
  /** PNG: Figma takes it as is (WebP needs re-encoding) and it keeps transparency (JPEG does not). */
  output_format: 'png'
  background?: 'transparent' | 'opaque'
  input_references?: { type: 'image_url'; image_url: { url: string } }[]
}

/**
 * The same generation for the Image API. Its names differ (`resolution`,
 * `input_references`, `background`), and it carries less: see roadLimits.
 */
export function buildImagesRequest(input: GenerationInput): ImagesRequest {
  const { settings, model } = input
  const request: ImagesRequest = {
    model: settings.model,
    prompt: input.prompt,
    resolution: settings.imageSize,
    aspect_ratio: settings.aspectRatio,
    n: 1,
    output_format: 'png',
  }
  // 'original' is left out, as on the chat road: "auto" is what the API does unasked.
  if (settings.background !== 'original' && model.backgrounds.includes(settings.background)) {
    request.background = settings.background === 'transparent' ? 'transparent' : 'opaque'
  }
  const images = input.inputImages ?? []
  if (images.length > 0) request.input_references = images.map((url) => ({ type: 'image_url', image_url: { url } }))
  return request
}

/**
 * What the designer chose that a road cannot carry, by name, for the panel to
 * show before sending and for the result to report after: the Image API has no
 * font inputs, refSR, scoring or effort, and paints a solid background without
 * its colour. Only what the model would otherwise have used counts.
 */
export function roadLimits(model: ModelCapabilities, settings: GenerationSettings, road: Road, extras: { references?: number; rubric?: number } = {}): string[] {
  if (road === 'chat') return []
  const limits: string[] = []
  if (settings.fontInputs.length > 0) limits.push('font inputs')
  if ((extras.references ?? 0) > 0 && model.maxReferences > 0) limits.push('refSR references')
  if (model.scoring && (settings.scoringPrompt.trim() !== '' || (extras.rubric ?? 0) > 0)) limits.push('scoring')
  if (model.efforts.includes(settings.effort)) limits.push('effort')
  if (settings.background === 'solid' && model.backgrounds.includes('solid')) limits.push('background colour')
  return limits
}
