/**
 * An answer's body read into its images: the image worker's job for every
 * 200 answer (../image-worker/worker.ts), and the main thread's where the
 * worker cannot run (../openrouter/client.ts). Touches no DOM, so the worker can run it.
 */
import { decodeBase64, decodeDataUrl } from '../image/data-url'
import { parseImagesResponse } from './images-response'
import { type GenerationResult, type ImageSource, parseGenerationResponse } from './response'

/** Which road's answer it is: chat completions, or the Image API (docs/contracts.md#the-image-api). */
export type AnswerRoad = 'chat' | 'images'

/** An answer's text as its road reads it; throws a GenerationError the designer can read. */
export function parseAnswer(text: string, road: AnswerRoad): GenerationResult {
  return road === 'images' ? parseImagesResponse(text) : parseGenerationResponse(text)
}

/**
 * The body's text parsed, and each image in it decoded to bytes. An image
 * whose base64 does not decode stays as it came, so that the lander says so
 * as it would have.
 */
export function readAnswerBody(body: Uint8Array, road: AnswerRoad): GenerationResult {
  const result = parseAnswer(new TextDecoder().decode(body), road)
  return { ...result, images: result.images.map(decoded) }
}

function decoded(source: ImageSource): ImageSource {
  if (source.kind === 'data') {
    const image = decodeDataUrl(source.url)
    return image ? { kind: 'bytes', bytes: image.bytes } : source
  }
  if (source.kind === 'base64') {
    const bytes = decodeBase64(source.base64)
    return bytes ? { kind: 'bytes', bytes } : source
  }
  return source
}
