import type { Context2D } from './draw-scaled'
import { softenEdge } from './soft-edge'

/**
 * Where Edit area's answer and the shape's mask are drawn, in the masked
 * image's pixels: worked out on the main thread (../image-work/mask-to-shape.ts), drawn in
 * the image worker or, where it cannot run, on the page. Both draw through
 * `drawMasked`, so they give the same pixels.
 */
export interface MaskGeometry {
  /** The masked image: the area's own shape at the answer's density. */
  width: number
  height: number
  /** Where the shape's export goes. */
  shape: { x: number; y: number; width: number; height: number }
  /** The soft edge: how far inside the shape the edit reaches full strength, in px (less where the shape is thin: ./soft-edge.ts). */
  feather: number
}

/** Side of the small copy `hasCoverage` reads: enough to see any shape a designer draws. */
export const COVERAGE_SIDE = 32

/**
 * The answer stretched over the whole image (each axis at its own density, so
 * that it lines up with the area), then kept only where the shape is, fading
 * in from its edge (./soft-edge.ts): nothing outside the shape.
 */
export function drawMasked(context: Context2D, answer: CanvasImageSource, mask: CanvasImageSource, geometry: MaskGeometry): void {
  const { width, height, shape, feather } = geometry
  const soft = withSoftEdge(mask, shape.width, shape.height, feather)
  context.imageSmoothingEnabled = true
  context.imageSmoothingQuality = 'high'
  context.drawImage(answer, 0, 0, width, height)
  // Keeps the answer where the mask is, as opaque as it is, and clears the rest of the image around it.
  context.globalCompositeOperation = 'destination-in'
  context.drawImage(soft, shape.x, shape.y)
}

/** The shape's export at the size it is drawn, its alpha made the edit's (softenEdge). */
function withSoftEdge(mask: CanvasImageSource, width: number, height: number, feather: number): OffscreenCanvas | HTMLCanvasElement {
  const canvas = typeof OffscreenCanvas === 'undefined' ? Object.assign(document.createElement('canvas'), { width, height }) : new OffscreenCanvas(width, height)
  const context = canvas.getContext('2d', { willReadFrequently: true }) as Context2D | null
  if (!context) throw new Error('No 2D context')
  context.imageSmoothingEnabled = true
  context.imageSmoothingQuality = 'high'
  context.drawImage(mask, 0, 0, width, height)
  const pixels = context.getImageData(0, 0, width, height)
  softenEdge(pixels, feather)
  context.putImageData(pixels, 0, 0)
  return canvas
}

/** Whether the exported shape covers any pixel, read from a copy drawn on `context`, a canvas COVERAGE_SIDE px a side. */
export function hasCoverage(context: Context2D, mask: CanvasImageSource): boolean {
  context.drawImage(mask, 0, 0, COVERAGE_SIDE, COVERAGE_SIDE)
  const { data } = context.getImageData(0, 0, COVERAGE_SIDE, COVERAGE_SIDE)
  for (let i = 3; i < data.length; i += 4) if (data[i] > 0) return true
  return false
}
