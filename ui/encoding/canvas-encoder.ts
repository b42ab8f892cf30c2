import { copyInSlicesAsync } from '../image/copy-in-slices'
import { countImageJob, imageWorker } from '../image-worker/image-worker'
import { createMainThreadEncoder, encodedFormatOf } from './main-thread-encoder'
import type { ImageEncoder, SourceImage } from './request-budget'

/** A layer exported by the sandbox (PNG), to be re-encoded for the request. */
export interface ExportedSource extends SourceImage {
  bytes: Uint8Array
}

let lastEncoderId = 0

/**
 * The browser's encoder for the request budget: each export is decoded once,
 * drawn on a canvas at the size asked for, and encoded as PNG, JPEG or WebP for
 * the request. The image worker does it off the main thread, so the
 * panel stays responsive while a batch encodes; where the worker cannot run,
 * or does not finish an encode, the main thread does it as it always has
 * (./main-thread-encoder.ts). Both give the same bytes.
 */
export function createCanvasEncoder(): { encode: ImageEncoder<ExportedSource>; dispose: () => void } {
  const encoderId = ++lastEncoderId
  /**
   * Sources whose bytes go to the worker, by id: the copy that goes, made a slice a task
   * (../image/copy-in-slices.ts), as a 5 MB export copied at once held the panel's main thread
   * past 50 ms while four formats landed. Later encodes of the source send none, and wait
   * for this copy first, so that the worker has the bytes before their jobs.
   */
  const sent = new Map<string, Promise<Uint8Array>>()
  let main: ReturnType<typeof createMainThreadEncoder<ExportedSource>> | null = null
  let disposed = false

  const encode: ImageEncoder<ExportedSource> = async (source, width, height, format) => {
    // The sandbox's export is a PNG of this very size already: encoding it again would give the same pixels.
    if (format === 'png' && width === source.width && height === source.height) {
      return { bytes: source.bytes, format, width, height }
    }
    // A copy goes to the worker, moved there rather than copied again: the caller keeps its export.
    let sourceBytes: Uint8Array | null = null
    const copying = sent.get(source.id)
    if (copying) await copying
    else {
      const copy = copyInSlicesAsync(source.bytes)
      sent.set(source.id, copy)
      sourceBytes = await copy
    }
    const job = { type: 'encode', encoderId, sourceId: source.id, sourceBytes, width, height, format } as const
    const outcome = await imageWorker.runAsync(job, sourceBytes ? [sourceBytes.buffer] : [])
    if (outcome.ok) {
      countImageJob('worker')
      return { bytes: outcome.result.bytes, format: encodedFormatOf(outcome.result.mimeType), width, height }
    }
    // Should the worker recover, it gets the bytes again.
    sent.delete(source.id)
    if (disposed) throw new Error('The encoder was disposed while it encoded')
    countImageJob('main')
    return (main ??= createMainThreadEncoder<ExportedSource>()).encode(source, width, height, format)
  }

  return {
    encode,
    dispose: () => {
      disposed = true
      imageWorker.post({ type: 'dispose', encoderId })
      main?.dispose()
    },
  }
}
