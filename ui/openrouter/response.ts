import { GenerationError, readErrorBody } from './errors'
import { liftDataUrls, restoreLiftedUrl } from './lift-data-urls'

/**
 * One image of an answer: a data URL (usually PNG), an https URL, or the Image
 * API's bare base64 with its MIME type (images-response.ts).
 */
export type ImageSource = { kind: 'data'; url: string } | { kind: 'remote'; url: string } | { kind: 'base64'; mime: string; base64: string }

export interface GenerationResult {
  images: ImageSource[]
  /** `usage.cost`: what the request was charged, in USD credits. */
  cost: number | null
  generationId: string | null
}

/**
 * Reads the body of a 200 answer. OpenRouter may send blank lines and spaces
 * (keep-alive) before the JSON, and once the model has started, failures also
 * arrive with 200: a choice carrying `error`, or a message with no images.
 */
export function parseGenerationResponse(text: string): GenerationResult {
  // The images' data URLs stay slices of `text` instead of being copied by JSON.parse.
  const lifted = liftDataUrls(text)
  let body: unknown
  try {
    body = JSON.parse(lifted.text.trim())
  } catch {
    throw new GenerationError('not-json', 'OpenRouter’s answer could not be read (it was not JSON). Try again.')
  }
  if (!isObject(body)) {
    throw new GenerationError('not-json', 'OpenRouter’s answer could not be read. Try again.')
  }
  if (body.error !== undefined) {
    throw modelError(body)
  }
  const choices = Array.isArray(body.choices) ? body.choices : []
  const choice = isObject(choices[0]) ? choices[0] : null
  if (choice && (choice.error !== undefined || choice.finish_reason === 'error')) {
    throw modelError(choice)
  }
  const message = choice && isObject(choice.message) ? choice.message : null
  const rawImages = message && Array.isArray(message.images) ? message.images : []
  const images: ImageSource[] = []
  for (const entry of rawImages) {
    const value = isObject(entry) && isObject(entry.image_url) ? entry.image_url.url : null
    if (typeof value !== 'string') continue
    const url = restoreLiftedUrl(value, lifted)
    if (url.startsWith('data:')) images.push({ kind: 'data', url })
    else if (url.startsWith('https://')) images.push({ kind: 'remote', url })
  }
  if (images.length === 0) {
    throw new GenerationError(
      'no-image',
      'The model finished without an image. Try again, or reword the prompt (a refused or empty result looks like this).',
    )
  }
  const usage = isObject(body.usage) ? body.usage : {}
  return {
    images,
    cost: typeof usage.cost === 'number' ? usage.cost : null,
    generationId: typeof body.id === 'string' ? body.id : null,
  }
}

export function modelError(holder: Record<string, unknown>): GenerationError {
  const { message } = readErrorBody(holder)
  const detail = message ? `: ${message.replace(/\s+/g, ' ').slice(0, 160)}` : ''
  return new GenerationError('model-error', `The model failed while making the image${detail}. Try again.`)
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}
