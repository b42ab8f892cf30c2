import type { GenerationSettings } from '../../common/domain'
import { fontInputProblems } from '../fonts/font-input-problems'
import { modelInfo, referenceLimitMessage } from '../models'

/** Sourceful's cap on the whole request body (SPEC section 1). */
export const MAX_REQUEST_BYTES = 4.5 * 1024 * 1024

export interface GenerationInput {
  prompt: string
  settings: GenerationSettings
  /** Input images (data: or https: URLs): they make the request image-to-image. */
  inputImages?: string[]
  /** Super-resolution references (refSR); used by the model only with an input image. */
  references?: string[]
}

type ContentPart = { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string } }

export interface ChatCompletionRequest {
  model: string
  messages: [{ role: 'user'; content: string | ContentPart[] }]
  modalities: ['image']
  image_config: {
    aspect_ratio: string
    image_size: string
    font_inputs?: { font_url: string; text: string }[]
    super_resolution_references?: string[]
  }
}

/**
 * The body of `POST /api/v1/chat/completions` for a Riverflow image.
 * Riverflow outputs images only, so `modalities` is `["image"]`: the
 * `["image","text"]` of the public examples is answered with a 404.
 */
export function buildGenerationRequest(input: GenerationInput): ChatCompletionRequest {
  const { prompt, settings } = input
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
  if (images.length > 0 && input.references && input.references.length > 0) {
    imageConfig.super_resolution_references = input.references
  }
  return {
    model: settings.model,
    messages: [{ role: 'user', content }],
    modalities: ['image'],
    image_config: imageConfig,
  }
}

/**
 * What is wrong with an input before anything is sent, as messages a designer
 * can act on; empty when the request may go. Checked here so that a request
 * known to be refused (and perhaps billed) never leaves.
 */
export function findInputProblems(input: GenerationInput): string[] {
  const problems: string[] = []
  const model = modelInfo(input.settings.model)
  const prompt = input.prompt.trim()
  if (prompt === '') problems.push('Write a prompt first: describe the image you want.')
  if (model.pricePerImage[input.settings.imageSize] === undefined) {
    problems.push(`${model.label} does not offer ${input.settings.imageSize}. Choose a smaller size or the Pro model.`)
  }
  const images = input.inputImages ?? []
  if (images.length > model.maxInputImages) {
    problems.push(`${model.label} takes at most ${model.maxInputImages} input images; ${images.length} are selected.`)
  }
  const references = input.references ?? []
  if (references.length > model.maxReferences) problems.push(referenceLimitMessage(model, references.length, 'selected'))
  const fonts = input.settings.fontInputs
  if (fonts.length > model.maxFontInputs) problems.push(`At most ${model.maxFontInputs} font inputs can be sent.`)
  fonts.forEach((font, i) => {
    const row = fonts.length > 1 ? `Font ${i + 1}` : 'Font'
    for (const problem of fontInputProblems(font, input.prompt)) problems.push(`${row}: ${problem.message}`)
  })
  return problems
}

/** The body as sent, and its size in bytes (the 4.5 MB cap counts bytes, not characters). */
export function serializeRequest(request: ChatCompletionRequest): { json: string; bytes: number } {
  const json = JSON.stringify(request)
  return { json, bytes: new TextEncoder().encode(json).length }
}
