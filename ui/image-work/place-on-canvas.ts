import { countImageJob, imageWorker } from '../image-worker/image-worker'
import { copyInSlicesAsync } from '../image/copy-in-slices'
import { type InputCanvas, drawInputCanvas } from '../image/input-canvas'
import { drawPngOnPage, withBitmapOnPageAsync } from './page-png'

const NOT_DECODED = 'The image to expand could not be decoded. Check that its layer shows an image.'

/**
 * An exported layer drawn on a larger canvas at `canvas`'s box, the rest left
 * transparent or painted with its background: Expand's input, which shows the
 * model the picture and, around it, the part to continue. PNG, so the empty
 * part stays exactly empty (or exactly the named colour) for the model.
 *
 * Drawn and encoded in the image worker: a canvas of up to 2160×3840 px held
 * the panel's main thread for a second or more. The main thread only posts the
 * job, and draws it itself only where the worker cannot run.
 */
export async function placeOnCanvasAsync(bytes: Uint8Array, canvas: InputCanvas): Promise<Uint8Array> {
  // A copy goes to the worker (made in slices: one large copy is a long task): should it stop midway, the main thread still has the export.
  const job = { type: 'canvas' as const, bytes: await copyInSlicesAsync(bytes), canvas }
  const outcome = await imageWorker.runAsync(job, [job.bytes.buffer as ArrayBuffer])
  countImageJob(outcome.ok ? 'worker' : 'main', 'canvas')
  if (outcome.ok) return outcome.result.bytes
  return withBitmapOnPageAsync(bytes, NOT_DECODED, (bitmap) => drawPngOnPage(canvas.width, canvas.height, (context) => drawInputCanvas(context, bitmap, canvas)))
}
