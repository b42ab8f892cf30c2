import type { Effort, GenerationSettings } from '../../common/domain'
import type { PixelSize } from '../../common/sizes'
import { type ModelCapabilities, referenceLimitMessage } from '../../common/models'
import { fontInputProblems } from '../fonts/font-input-problems'
import { isHexColor } from '../hex-color'
import { type ImageBytes, jsonWithDataUrls } from '../image/data-url'
import { type ScoringCriterion, type WireScoringCriterion, rubricProblems, toWireRubric } from './scoring-rubric'

/**
 * Sourceful's cap on the whole request body (docs/contracts.md#request-size-and-input-limits):
 * "4.5 MB" read as 4,500,000 bytes, the lower of its two readings (4.5 MiB is 4,718,592), so a
 * request fits whichever the schema means.
 */
export const MAX_REQUEST_BYTES = 4_500_000

/** An image the request carries: encoded bytes, written as a data: URL with the body, or a URL. */
export type RequestImage = ImageBytes | string

export interface GenerationInput {
  prompt: string
  settings: GenerationSettings
  /** `settings.model` as the model list describes it: what the request may carry. */
  model: ModelCapabilities
  /** Input images: they make the request image-to-image. */
  inputImages?: RequestImage[]
  /** Super-resolution references (refSR); used by the model only with an input image. */
  references?: RequestImage[]
  /** 1 to 8 criteria the model judges its result against (models with scoring only). */
  scoringRubric?: ScoringCriterion[]
  /** Explicit pixels (`size: "WxH"`, models whose record offers them): sent instead of a tier and ratio. */
  exactSize?: PixelSize
}

type ContentPart = { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: RequestImage } }

export interface ChatCompletionRequest {
  model: string
  messages: [{ role: 'user'; content: string | ContentPart[] }]
  modalities: ['image']
  image_config: {
    aspect_ratio: string
    image_size: string
    font_inputs?: { font_url: string; text: string }[]
    super_resolution_references?: RequestImage[]
    background_mode?: 'transparent' | 'solid'
    background_hex_color?: string
    scoring_prompt?: string
    scoring_rubric?: WireScoringCriterion[]
  }
  /** How hard 2.5 and later think: chat completions' own `reasoning` parameter (docs/contracts.md#effort). */
  reasoning?: { effort: Effort }
}

/**
 * The body of `POST /api/v1/chat/completions` for a Riverflow image.
 * Riverflow outputs images only, so `modalities` is `["image"]`: the
 * `["image","text"]` of the public examples is answered with a 404. Each extra
 * goes only to a model whose capabilities name it; findInputProblems refuses
 * beforehand what a model lacks, so nothing the designer chose is dropped unsaid.
 */
export function buildGenerationRequest(input: GenerationInput): ChatCompletionRequest {
  const { prompt, settings, model } = input
  const images = input.inputImages ?? []
  const content: string | ContentPart[] =
    images.length === 0
      ? prompt
      : [{ type: 'text', text: prompt }, ...images.map((url): ContentPart => ({ type: 'image_url', image_url: { url } }))]

  const imageConfig: ChatCompletionRequest['image_config'] = {
    aspect_ratio: settings.aspectRatio,
    image_size: settings.imageSize,
  }
  if (settings.fontInputs.length > 0) {
    imageConfig.font_inputs = settings.fontInputs.map((f) => ({ font_url: f.fontUrl, text: f.text }))
  }
  // References without an input image are ignored by the model yet still billed: leave them out.
  if (model.maxReferences > 0 && images.length > 0 && input.references && input.references.length > 0) {
    imageConfig.super_resolution_references = input.references
  }
  // 'original' is left out: it is what the model does without the field, and naming only what
  // differs keeps the request of a designer who never touched backgrounds the one known to work.
  if (settings.background !== 'original' && model.backgrounds.includes(settings.background)) {
    imageConfig.background_mode = settings.background
    if (settings.background === 'solid') imageConfig.background_hex_color = settings.backgroundColor
  }
  if (model.scoring && settings.scoringPrompt.trim() !== '') imageConfig.scoring_prompt = settings.scoringPrompt
  if (model.scoring && input.scoringRubric && input.scoringRubric.length > 0) imageConfig.scoring_rubric = toWireRubric(input.scoringRubric)

  const request: ChatCompletionRequest = {
    model: settings.model,
    messages: [{ role: 'user', content }],
    modalities: ['image'],
    image_config: imageConfig,
  }
  if (model.efforts.includes(settings.effort)) request.reasoning = { effort: settings.effort }
  return request
}

/**
 * What is wrong with an input before anything is sent, as messages a designer
 * can act on; empty when the request may go. Checked here so that a request
 * known to be refused (and perhaps billed) never leaves, and so that no option
 * the model lacks is silently dropped.
 */
export function findInputProblems(input: GenerationInput): string[] {
  const problems: string[] = []
  const { settings, model } = input
  const prompt = input.prompt.trim()
  if (prompt === '') problems.push('Write a prompt first: describe the image you want.')
  if (!model.sizes.includes(settings.imageSize)) {
    problems.push(`${model.label} does not offer ${settings.imageSize}. Choose a smaller size or the Pro model.`)
  }
  const images = input.inputImages ?? []
  if (images.length > model.maxInputImages) {
    problems.push(`${model.label} takes at most ${model.maxInputImages} input images; ${images.length} are selected.`)
  }
  const references = input.references ?? []
  if (references.length > model.maxReferences) problems.push(referenceLimitMessage(model, references.length, 'selected'))
  const fonts = settings.fontInputs
  if (fonts.length > model.maxFontInputs) {
    problems.push(model.maxFontInputs === 0 ? `${model.label} takes no font inputs: remove them or choose another model.` : `At most ${model.maxFontInputs} font inputs can be sent.`)
  }
  fonts.forEach((font, i) => {
    const row = fonts.length > 1 ? `Font ${i + 1}` : 'Font'
    for (const problem of fontInputProblems(font, input.prompt)) problems.push(`${row}: ${problem.message}`)
  })
  problems.push(...extrasProblems(input))
  return problems
}

/** The 2.5 extras: background, effort and scoring, each against what the model offers. */
function extrasProblems(input: GenerationInput): string[] {
  const { settings, model } = input
  const problems: string[] = []
  if (settings.background !== 'original' && !model.backgrounds.includes(settings.background)) {
    problems.push(`${model.label} cannot make a ${settings.background} background: keep the original background or choose Riverflow 2.5.`)
  } else if (settings.background === 'solid' && !isHexColor(settings.backgroundColor)) {
    problems.push(`The background colour must be a hex colour like #FFAA00; “${settings.backgroundColor.slice(0, 20)}” is not.`)
  }
  if (model.efforts.length > 0 && !model.efforts.includes(settings.effort)) {
    problems.push(`${model.label} does not offer ${settings.effort} effort. Choose ${model.efforts.join(', ')}.`)
  }
  const rubric = input.scoringRubric ?? []
  // A scoring prompt goes only to a model that scores (its field shows only there); a rubric is the kit's, left out before.
  if (!model.scoring && rubric.length > 0) {
    problems.push(`${model.label} does not score its images: the checks go with Riverflow 2.5 and later.`)
  } else {
    problems.push(...rubricProblems(rubric))
  }
  return problems
}

/**
 * The body as sent, its images written as data: URLs, as text and as the UTF-8
 * bytes that go, and its size in bytes (the 4.5 MB cap counts bytes, not
 * characters). Sending `body` rather than `json` spares encoding megabytes a
 * second time. The image worker writes the body where it runs (./client.ts).
 */
export function serializeRequest(request: object): { json: string; body: Uint8Array<ArrayBuffer>; bytes: number } {
  const json = jsonWithDataUrls(request)
  const body = new TextEncoder().encode(json)
  return { json, body, bytes: body.length }
}
