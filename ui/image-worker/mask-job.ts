/**
 * The image worker's Edit area job: the answer limited to the shape drawn,
 * with a soft edge (what ../image-work/mask-to-shape.ts asks for), decoded, drawn
 * and encoded here so that the panel's main thread only posts it. Imports
 * nothing that touches the DOM.
 */
import { COVERAGE_SIDE, drawMasked, hasCoverage } from '../image/draw-masked'
import { MIME_TYPES } from '../image/mime-types'
import type { Context2D } from '../image/draw-scaled'
import type { MaskJob, MaskResult } from './protocol'

/** The worker's own decoder and canvas, handed in by ./worker.ts. */
type Decode = (bytes: Uint8Array) => Promise<ImageBitmap>
type DrawAndEncode = (width: number, height: number, type: string, draw: (context: OffscreenCanvasRenderingContext2D) => void) => Promise<Blob>

export async function maskAsync(job: MaskJob, decodeAsync: Decode, drawAndEncodeAsync: DrawAndEncode): Promise<MaskResult> {
  const answer = await decodeAsync(job.answer)
  try {
    const mask = await decodeAsync(job.shape)
    try {
      if (!coversAnyPixel(mask)) return { bytes: null }
      const blob = await drawAndEncodeAsync(job.geometry.width, job.geometry.height, MIME_TYPES.png, (context) => drawMasked(context, answer, mask, job.geometry))
      return { bytes: new Uint8Array(await blob.arrayBuffer()) }
    } finally {
      mask.close()
    }
  } finally {
    answer.close()
  }
}

function coversAnyPixel(mask: ImageBitmap): boolean {
  const context: Context2D | null = new OffscreenCanvas(COVERAGE_SIDE, COVERAGE_SIDE).getContext('2d', { willReadFrequently: true })
  if (!context) throw new Error('No 2D context')
  return hasCoverage(context, mask)
}
