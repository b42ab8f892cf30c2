/**
 * Makes an image-to-image request fit Sourceful's cap on the whole request
 * (4.5 MB, docs/contracts.md#request-size-and-input-limits): picks, per image, the format and the largest pixel
 * size that fit. The input image comes first and keeps the most pixels that
 * fit; references share what is left. The encoder is injected: a canvas in the
 * browser, real PNG/JPEG encoders in the tests.
 */
import type { EncodedFormat, FittedImage, ImageEncoder, SourceImage } from '../image/encoded-image'
import { DEFAULT_MIN_SIDE, fitImageAsync, smallest } from './private/fit-image'
import { type ChatCompletionRequest, serializeRequest } from '../openrouter/request'

// The image types are the budget's vocabulary: its callers import them from here.
export type { Encoded, EncodedFormat, ImageEncoder, SourceImage } from '../image/encoded-image'

/** An image sent smaller than wanted, for the UI to say so. */
export interface ShrinkNote {
  name: string
  from: { width: number; height: number }
  to: { width: number; height: number }
  /** Share of the wanted pixels that was kept, 0–100. */
  keptPercent: number
}

export interface FittedRequest {
  input: FittedImage
  references: FittedImage[]
  /** References that could not fit even at the smallest size. */
  dropped: SourceImage[]
  totalBytes: number
  notes: ShrinkNote[]
}

export interface FitOptions<S extends SourceImage> {
  input: S
  references: S[]
  encode: ImageEncoder<S>
  /** The request body's bytes without the image URLs (see `requestBytesWithoutImages`). */
  fixedBytes: number
  budgetBytes: number
  formats?: EncodedFormat[]
  /** The smallest long side worth sending. */
  minSide?: number
}

/** The input cannot fit in the request at any size worth sending; the message is for the designer. */
export class RequestTooLargeError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RequestTooLargeError'
  }
}

export async function fitRequestToBudgetAsync<S extends SourceImage>(options: FitOptions<S>): Promise<FittedRequest> {
  const formats = options.formats ?? ['png', 'jpeg', 'webp']
  const minSide = options.minSide ?? DEFAULT_MIN_SIDE
  const fit = (source: S, allowance: number) => fitImageAsync(source, allowance, options.encode, formats, minSide)
  let remaining = options.budgetBytes - options.fixedBytes

  // Every reference is sure of its smallest size; the input may take all the rest.
  const floors = await Promise.all(options.references.map((ref) => smallest(ref, options.encode, formats, minSide)))
  const reserved = floors.reduce((sum, f) => sum + f.bytes, 0)
  // Should the references' floors leave the input no room, the input wins and they are dropped.
  const input = (await fit(options.input, remaining - reserved)) ?? (reserved > 0 ? await fit(options.input, remaining) : null)
  if (!input) {
    throw new RequestTooLargeError(
      `“${options.input.name}” cannot fit in Riverflow’s 4.5 MB request even at ${minSide} px. Shorten the prompt or remove font inputs.`,
    )
  }
  remaining -= input.bytes

  // References that need little go first and leave their unused share to the others.
  const order = options.references.map((ref, i) => ({ ref, floor: floors[i].bytes })).sort((a, b) => a.floor - b.floor)
  const fitted = new Map<S, FittedImage>()
  const dropped: S[] = []
  for (let i = 0; i < order.length; i++) {
    const share = Math.floor(remaining / (order.length - i))
    const result = await fit(order[i].ref, share)
    if (result) {
      fitted.set(order[i].ref, result)
      remaining -= result.bytes
    } else {
      dropped.push(order[i].ref)
    }
  }
  const references = options.references.filter((ref) => fitted.has(ref)).map((ref) => fitted.get(ref)!)
  const all = [input, ...references]
  const totalBytes = options.fixedBytes + all.reduce((sum, image) => sum + image.bytes, 0)
  if (totalBytes > options.budgetBytes) throw new Error('The request budget was overrun: this is a bug in the encoder.')
  return { input, references, dropped, totalBytes, notes: all.flatMap(shrinkNote) }
}

/**
 * The request body's size without its image URLs: the part the images do not
 * control. Build the request with an empty string for every image URL.
 */
export function requestBytesWithoutImages(request: ChatCompletionRequest): number {
  return serializeRequest(request).bytes
}

function shrinkNote(image: FittedImage): ShrinkNote[] {
  const { width, height, name } = image.source
  if (image.width >= width && image.height >= height) return []
  return [
    {
      name,
      from: { width, height },
      to: { width: image.width, height: image.height },
      keptPercent: Math.round((100 * image.width * image.height) / (width * height)),
    },
  ]
}
