import type { GenerationSettings } from '../../common/domain'
import type { RetryNotice } from '../openrouter/client'
import { GenerationError } from '../openrouter/errors'
import { findInputProblems } from '../openrouter/request'
import type { ImageSource } from '../openrouter/response'
import { sendOnRoadAsync } from '../openrouter/road'
import type { ScoringCriterion } from '../openrouter/scoring-rubric'
import { decodeBase64, decodeDataUrl } from '../image/data-url'
import { capabilitiesFor } from '../models'
import { type PreparedForFigma, prepareForFigmaAsync } from '../image/prepare-for-figma'

/** One image of an answer: ready for Figma, or kept with why it is not. */
export type AnswerImage =
  | { index: number; ok: true; image: PreparedForFigma }
  | { index: number; ok: false; message: string; /** Where a remote image can still be opened. */ url: string | null }

export interface GeneratedAnswer {
  images: AnswerImage[]
  cost: number | null
  generationId: string | null
  /** Options the road taken could not carry (the Image API has no fonts, refSR, scoring or effort). */
  droppedOptions: string[]
}

export interface GenerateImagesOptions {
  key: string
  prompt: string
  settings: GenerationSettings
  inputImages?: string[]
  references?: string[]
  scoringRubric?: ScoringCriterion[]
  signal?: AbortSignal
  /** The model's own timeout unless given. */
  timeoutMs?: number
  baseUrl?: string
  onRetry?: (notice: RetryNotice) => void
  backoffMs?: number
}

/**
 * Prompt and settings in, images ready for `figma.createImage` out. Input that
 * would be refused fails before anything is sent (and billed); once the answer
 * is paid for, an image that cannot be prepared is reported, not thrown, so the
 * others still reach the canvas.
 */
export async function generateImagesAsync(options: GenerateImagesOptions): Promise<GeneratedAnswer> {
  const input = {
    prompt: options.prompt,
    settings: options.settings,
    inputImages: options.inputImages,
    references: options.references,
    scoringRubric: options.scoringRubric,
  }
  const problems = findInputProblems(input)
  if (problems.length > 0) throw new GenerationError('invalid-input', problems.join(' '))

  const result = await sendOnRoadAsync({
    key: options.key,
    input,
    signal: options.signal,
    timeoutMs: options.timeoutMs ?? capabilitiesFor(options.settings.model).timeoutMs,
    baseUrl: options.baseUrl,
    onRetry: options.onRetry,
    backoffMs: options.backoffMs,
  })
  const images = await Promise.all(result.images.map((source, index) => prepareSourceAsync(source, index, options.signal)))
  return { images, cost: result.cost, generationId: result.generationId, droppedOptions: result.droppedOptions }
}

async function prepareSourceAsync(source: ImageSource, index: number, signal?: AbortSignal): Promise<AnswerImage> {
  try {
    const bytes = await readSourceBytesAsync(source, signal)
    return { index, ok: true, image: await prepareForFigmaAsync(bytes) }
  } catch (error) {
    const message =
      error instanceof GenerationError ? error.message : 'The image in the answer could not be read. Try again.'
    return { index, ok: false, message, url: source.kind === 'remote' ? source.url : null }
  }
}

async function readSourceBytesAsync(source: ImageSource, signal?: AbortSignal): Promise<Uint8Array> {
  if (source.kind !== 'remote') {
    // The Image API's bare base64 decodes as a data URL's payload does, without a data: string around it.
    const bytes = source.kind === 'data' ? decodeDataUrl(source.url)?.bytes : decodeBase64(source.base64)
    if (!bytes) throw new GenerationError('bad-image', 'The image in OpenRouter’s answer was damaged and could not be decoded. Try again.')
    return bytes
  }
  // An https image may live on a host the manifest does not allow; then the
  // designer can still open it in the browser.
  try {
    const response = await fetch(source.url, { signal })
    if (!response.ok) throw new Error(String(response.status))
    return new Uint8Array(await response.arrayBuffer())
  } catch {
    throw new GenerationError('bad-image', 'The image came back as a link the plugin could not download. Open it in your browser to save it.')
  }
}
