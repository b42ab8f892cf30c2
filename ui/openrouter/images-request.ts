import type { AspectRatio, ImageSize } from '../../common/domain'
import type { OutputFormat, RoadCapabilities } from '../../common/models'
import type { GenerationInput, RequestImage } from './request'
import { type WireScoringCriterion, toWireRubric } from './scoring-rubric'

/** The body of `POST /api/v1/images` (docs/contracts.md#the-image-api), as far as the plugin fills it. */
export interface ImagesRequest {
  model: string
  prompt: string
  /** Explicit pixels, "2400x1256": sent alone, since a `resolution` or `aspect_ratio` beside it is a 400. */
  size?: string
  resolution?: ImageSize
  aspect_ratio?: AspectRatio
  /** An upper bound; one image a request, as on the chat road. */
  n: 1
  /** One the endpoint record lists (outputFormatFor); absent where it lists none. */
  output_format?: OutputFormat
  /** A cut-out only: its "opaque" takes no colour, so it is no designer's solid colour (docs/contracts.md#the-image-api). */
  background?: 'transparent'
  input_references?: { type: 'image_url'; image_url: { url: RequestImage } }[]
  /** Keys the endpoint record allows as passthrough, under its provider's slug. */
  provider?: { options: Record<string, PassthroughOptions> }
}

/** What may travel in `provider.options`, each key only where the endpoint record allows it. */
interface PassthroughOptions {
  font_inputs?: { font_url: string; text: string }[]
  scoring_prompt?: string
  scoring_rubric?: WireScoringCriterion[]
}

/**
 * The same generation for the Image API. Its names differ (`resolution`,
 * `input_references`, `background`), and it carries what the endpoint record
 * allows (`carries`): font inputs and scoring as passthrough where listed; the
 * rest is named by roadLimits (choose-road.ts).
 */
export function buildImagesRequest(input: GenerationInput, carries: RoadCapabilities): ImagesRequest {
  const { settings } = input
  const exact = carries.exactSize ? input.exactSize : undefined
  const request: ImagesRequest = {
    model: settings.model,
    prompt: input.prompt,
    ...(exact ? { size: `${exact.width}x${exact.height}` } : { resolution: settings.imageSize, aspect_ratio: settings.aspectRatio }),
    n: 1,
  }
  const format = outputFormatFor(carries)
  if (format) request.output_format = format
  // 'original' is left out, as on the chat road: "auto" is what the API does unasked.
  if (settings.background === 'transparent' && carries.backgrounds.includes('transparent')) request.background = 'transparent'
  const images = input.inputImages ?? []
  if (images.length > 0) request.input_references = images.map((url) => ({ type: 'image_url', image_url: { url } }))
  const options = passthroughOptions(input, carries)
  if (carries.passthroughTo && Object.keys(options).length > 0) request.provider = { options: { [carries.passthroughTo]: options } }
  return request
}

/**
 * The format to ask for: the endpoint record's best (its parameters are the definitive set for
 * that endpoint, so a format it does not list may be refused); none where it lists none; PNG
 * where no record was read. Whatever comes back is read by its bytes, not by what was asked.
 */
function outputFormatFor(carries: RoadCapabilities): OutputFormat | undefined {
  return carries.outputFormats ? carries.outputFormats[0] : 'png'
}

function passthroughOptions(input: GenerationInput, carries: RoadCapabilities): PassthroughOptions {
  const { settings } = input
  const allows = (key: keyof PassthroughOptions) => carries.passthrough?.includes(key) ?? false
  const options: PassthroughOptions = {}
  if (settings.fontInputs.length > 0 && allows('font_inputs')) options.font_inputs = settings.fontInputs.map((font) => ({ font_url: font.fontUrl, text: font.text }))
  // Only where the panel shows its field: a model that does not score keeps the words unsent.
  if (settings.scoringPrompt.trim() !== '' && input.model.scoring && allows('scoring_prompt')) options.scoring_prompt = settings.scoringPrompt
  const rubric = input.scoringRubric ?? []
  if (rubric.length > 0 && allows('scoring_rubric')) options.scoring_rubric = toWireRubric(rubric)
  return options
}
