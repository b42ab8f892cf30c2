/**
 * The messages between the UI's main thread and the image worker
 * (./worker.ts). Every large buffer travels in the transfer list: it moves to
 * the other side instead of being copied, and is unusable where it came from.
 */
import type { TiledImage } from '../../common/domain'
import type { EncodedFormat } from '../image/encoded-image'
import type { MaskGeometry } from '../image/draw-masked'
import type { InputCanvas } from '../image/input-canvas'
import type { AnswerRoad } from '../answer/answer-body'
import type { GenerationResult } from '../answer/response'

/** Draw an exported frame at a size and encode it (the request encoder, ../encoding/canvas-encoder.ts). */
export interface EncodeJob {
  type: 'encode'
  /** One per `createCanvasEncoder()`: the worker keeps each encoder's decoded frames until it is disposed. */
  encoderId: number
  sourceId: string
  /** The export's PNG, on the first job for this source only; later jobs reuse the frame decoded then. */
  sourceBytes: Uint8Array | null
  width: number
  height: number
  format: EncodedFormat
}

/** Decode an answer's image and re-encode it as PNG at most 4096 px a side (../image-work/prepare-for-figma.ts). */
export interface PrepareJob {
  type: 'prepare'
  bytes: Uint8Array
}

/** Decode an image larger than Figma takes and cut it into PNG tiles of at most 4096 px a side (../image-work/cut-tiles.ts). */
interface TileJob {
  type: 'tile'
  bytes: Uint8Array
}

/** Limit Edit area's answer to the shape drawn, with a soft edge, and encode it as PNG (../image-work/mask-to-shape.ts). */
export interface MaskJob {
  type: 'mask'
  answer: Uint8Array
  /** The shape's export: its alpha is the mask. */
  shape: Uint8Array
  geometry: MaskGeometry
}

/** Draw an exported layer on an input's canvas and encode it as PNG (../image-work/place-on-canvas.ts). */
export interface CanvasJob {
  type: 'canvas'
  /** The export's PNG. */
  bytes: Uint8Array
  canvas: InputCanvas
}

/**
 * Read a 200 answer's body: its JSON, and each image's base64 decoded to bytes
 * (../answer/answer-body.ts). A Blob goes by reference: the main thread keeps it,
 * and with it the paid image, should the worker be lost.
 */
interface AnswerJob {
  type: 'answer'
  body: Blob
  road: AnswerRoad
}

/**
 * Write a request's body: its JSON as UTF-8, each image's bytes as a data: URL
 * (../image/data-url.ts), in a Blob that `fetch` sends without the main thread
 * reading it (../openrouter/client.ts). Megabytes of data URLs made into JSON,
 * then UTF-8, then copied by `fetch`, held the panel for 100 ms and more a
 * request. The images' buffers are moved here, copies the main thread made.
 */
interface BodyJob {
  type: 'body'
  request: object
}

export type ImageJob = EncodeJob | PrepareJob | TileJob | MaskJob | CanvasJob | AnswerJob | BodyJob

export interface EncodeResult {
  bytes: Uint8Array
  /** What the encoder really made: a browser without a WebP encoder makes PNG. */
  mimeType: string
}

export interface PrepareResult {
  /** The PNG. */
  bytes: Uint8Array
  width: number
  height: number
  originalWidth: number
  originalHeight: number
}

/** The masked PNG; null when the shape's export covers no pixel (the answer then goes unmasked). */
export interface MaskResult {
  bytes: Uint8Array | null
}

/** The input's canvas as a PNG. */
interface CanvasResult {
  bytes: Uint8Array
}

export interface JobResults {
  encode: EncodeResult
  prepare: PrepareResult
  tile: TiledImage
  mask: MaskResult
  canvas: CanvasResult
  /** Its images as bytes, moved to the main thread, where they decoded. */
  answer: GenerationResult
  body: Blob
}

export type ToWorker = { type: 'ping' } | { type: 'job'; id: number; job: ImageJob } | { type: 'dispose'; encoderId: number }

export type FromWorker =
  /** `ok` is false when the worker lacks what the jobs need (OffscreenCanvas, a 2D context, createImageBitmap). */
  | { type: 'pong'; ok: boolean }
  | { type: 'done'; id: number; result: JobResults[ImageJob['type']] }
  /**
   * The worker could not finish the job: the main thread runs it again, and so
   * gives today's result or today's error. `decode`: the bytes did not decode
   * (they would not on the main thread either); `worker`: anything else, which
   * may be the worker's own doing. `returned`: the job's input bytes, handed back.
   */
  | { type: 'failed'; id: number; reason: 'decode' | 'worker'; returned: Uint8Array | null }
