/**
 * The image worker: decodes, scales and encodes images off the UI's main
 * thread, so that the panel answers clicks while a batch encodes its frames or
 * a 4K answer is shrunk. Built into the UI bundle as a string (see
 * ./start-worker.ts) and started from a `data:` URL. It imports only modules
 * that touch no DOM.
 *
 * `OffscreenCanvas.convertToBlob` is the encoder here. On the main thread
 * Chromium runs it for PNG and JPEG in idle time, and may wait a second for
 * some (see ../encoding/main-thread-encoder.ts); a worker waiting on its
 * encoder is idle, so it starts at once (measured: bench/README.md).
 */
import { MIME_TYPES } from '../image/mime-types'
import { jsonWithDataUrls } from '../image/data-url'
import { drawScaled, LOSSY_QUALITY } from '../image/draw-scaled'
import type { ImageTile, TiledImage } from '../../common/domain'
import { figmaSize } from '../../common/sizes'
import { drawTile, tileGrid } from '../image/tiles'
import { maskAsync } from './mask-job'
import { drawInputCanvas } from '../image/input-canvas'
import { GenerationError } from '../answer/errors'
import { readAnswerBody } from '../answer/answer-body'
import type { GenerationResult } from '../answer/response'
import type { CanvasJob, EncodeJob, EncodeResult, FromWorker, ImageJob, PrepareResult, ToWorker } from './protocol'

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null
  postMessage(message: FromWorker, transfer?: Transferable[]): void
}
const scope = self as unknown as WorkerScope

/** Each encoder's decoded frames, by source id: a frame is encoded at several sizes while the request is fitted. */
const encoders = new Map<number, Map<string, Promise<ImageBitmap>>>()

/** The bytes did not decode: the main thread would fail the same way, so this is no fault of the worker's. */
class DecodeError extends Error {}

scope.onmessage = (event) => {
  const message = event.data
  if (message.type === 'ping') scope.postMessage({ type: 'pong', ok: canWork() })
  else if (message.type === 'dispose') disposeEncoder(message.encoderId)
  else void runJobAsync(message.id, message.job)
}

function canWork(): boolean {
  try {
    return typeof createImageBitmap === 'function' && typeof OffscreenCanvas === 'function' && new OffscreenCanvas(1, 1).getContext('2d') !== null
  } catch {
    return false
  }
}

async function runJobAsync(id: number, job: ImageJob): Promise<void> {
  try {
    if (job.type === 'answer') {
      const result = readAnswerBody(new Uint8Array(await job.body.arrayBuffer()), job.road)
      scope.postMessage({ type: 'done', id, result }, imageBuffers(result))
      return
    }
    if (job.type === 'body') {
      // A Blob is UTF-8 of its strings; its size is the bytes that go.
      scope.postMessage({ type: 'done', id, result: new Blob([jsonWithDataUrls(job.request)], { type: 'application/json' }) })
      return
    }
    if (job.type === 'tile') {
      const result = await tileAsync(job.bytes)
      scope.postMessage({ type: 'done', id, result }, result.tiles.map((tile) => tile.bytes.buffer as ArrayBuffer))
      return
    }
    if (job.type === 'mask') {
      const result = await maskAsync(job, decodeAsync, drawAndEncodeAsync)
      scope.postMessage({ type: 'done', id, result }, result.bytes ? [result.bytes.buffer as ArrayBuffer] : [])
      return
    }
    const result = job.type === 'encode' ? await encodeAsync(job) : job.type === 'canvas' ? await inputCanvasAsync(job) : await prepareAsync(job.bytes)
    scope.postMessage({ type: 'done', id, result }, [result.bytes.buffer as ArrayBuffer])
  } catch (error) {
    // The prepare job's bytes go back, so that the main thread can still run it.
    const returned = job.type === 'prepare' ? job.bytes : null
    // An answer that does not read (an error inside a 200, no image) is the answer's doing, not the worker's.
    const notOurs = error instanceof DecodeError || error instanceof GenerationError
    scope.postMessage({ type: 'failed', id, reason: notOurs ? 'decode' : 'worker', returned }, returned ? [returned.buffer as ArrayBuffer] : [])
  }
}

async function decodeAsync(bytes: Uint8Array, type?: string): Promise<ImageBitmap> {
  try {
    return await createImageBitmap(new Blob([bytes as BlobPart], type ? { type } : {}))
  } catch {
    throw new DecodeError()
  }
}

async function encodeAsync(job: EncodeJob): Promise<EncodeResult> {
  let bitmaps = encoders.get(job.encoderId)
  if (!bitmaps) encoders.set(job.encoderId, (bitmaps = new Map()))
  if (job.sourceBytes) bitmaps.set(job.sourceId, decodeAsync(job.sourceBytes, MIME_TYPES.png))
  const bitmap = await bitmaps.get(job.sourceId)
  if (!bitmap) throw new Error(`No frame ${job.sourceId} was sent to encoder ${job.encoderId}`)
  const type = MIME_TYPES[job.format]
  const blob = await drawAndEncodeAsync(job.width, job.height, type, (context) => drawScaled(context, bitmap, job.width, job.height, type === MIME_TYPES.jpeg))
  return { bytes: new Uint8Array(await blob.arrayBuffer()), mimeType: blob.type }
}

async function prepareAsync(bytes: Uint8Array): Promise<PrepareResult> {
  const bitmap = await decodeAsync(bytes)
  try {
    const { width, height } = figmaSize(bitmap)
    const blob = await drawAndEncodeAsync(width, height, MIME_TYPES.png, (context) => drawScaled(context, bitmap, width, height, false))
    return { bytes: new Uint8Array(await blob.arrayBuffer()), width, height, originalWidth: bitmap.width, originalHeight: bitmap.height }
  } finally {
    bitmap.close()
  }
}

/** PNG, so the empty part stays exactly empty (or exactly the named colour) for the model. */
async function inputCanvasAsync(job: CanvasJob): Promise<{ bytes: Uint8Array }> {
  const bitmap = await decodeAsync(job.bytes)
  try {
    const blob = await drawAndEncodeAsync(job.canvas.width, job.canvas.height, MIME_TYPES.png, (context) => drawInputCanvas(context, bitmap, job.canvas))
    return { bytes: new Uint8Array(await blob.arrayBuffer()) }
  } finally {
    bitmap.close()
  }
}

/** One tile at a time: each canvas is let go before the next, so a 4K cut holds one tile's pixels beside the bitmap. */
async function tileAsync(bytes: Uint8Array): Promise<TiledImage> {
  const bitmap = await decodeAsync(bytes)
  try {
    const tiles: ImageTile[] = []
    for (const tile of tileGrid(bitmap)) {
      // PNG keeps every pixel and the alpha: a tile is part of an image that must show unchanged.
      const blob = await drawAndEncodeAsync(tile.width, tile.height, MIME_TYPES.png, (context) => drawTile(context, bitmap, tile))
      tiles.push({ ...tile, bytes: new Uint8Array(await blob.arrayBuffer()) })
    }
    return { width: bitmap.width, height: bitmap.height, tiles }
  } finally {
    bitmap.close()
  }
}

/** The decoded images' buffers, moved to the main thread rather than copied. */
function imageBuffers(result: GenerationResult): ArrayBuffer[] {
  return result.images.flatMap((image) => (image.kind === 'bytes' ? [image.bytes.buffer as ArrayBuffer] : []))
}

/** A canvas of its own per job: jobs of several encoders interleave while they wait for their encoder. */
async function drawAndEncodeAsync(width: number, height: number, type: string, draw: (context: OffscreenCanvasRenderingContext2D) => void): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height)
  const context = canvas.getContext('2d')
  if (!context) throw new Error('No 2D context')
  draw(context)
  const blob = await canvas.convertToBlob({ type, quality: LOSSY_QUALITY })
  // Let the backing store go at once: at 4096 px it is 64 MB.
  canvas.width = 0
  canvas.height = 0
  return blob
}

function disposeEncoder(encoderId: number): void {
  for (const bitmap of encoders.get(encoderId)?.values() ?? []) void bitmap.then((b) => b.close(), () => {})
  encoders.delete(encoderId)
}
