import type { Context2D } from './draw-scaled'

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
  /** The soft edge's blur radius, in px. */
  feather: number
}

/** Side of the small copy `hasCoverage` reads: enough to see any shape a designer draws. */
export const COVERAGE_SIDE = 32

/**
 * The answer stretched over the whole image (each axis at its own density, so
 * that it lines up with the area), then kept only where the shape is: the
 * blurred mask fades the edge in, the sharp one leaves nothing outside.
 */
export function drawMasked(context: Context2D, answer: CanvasImageSource, mask: CanvasImageSource, geometry: MaskGeometry): void {
  const { width, height, shape, feather } = geometry
  context.imageSmoothingEnabled = true
  context.imageSmoothingQuality = 'high'
  context.drawImage(answer, 0, 0, width, height)
  context.globalCompositeOperation = 'destination-in'
  context.filter = `blur(${feather}px)`
  context.drawImage(mask, shape.x, shape.y, shape.width, shape.height)
  context.filter = 'none'
  context.drawImage(mask, shape.x, shape.y, shape.width, shape.height)
}

/** Whether the exported shape covers any pixel, read from a copy drawn on `context`, a canvas COVERAGE_SIDE px a side. */
export function hasCoverage(context: Context2D, mask: CanvasImageSource): boolean {
  context.drawImage(mask, 0, 0, COVERAGE_SIDE, COVERAGE_SIDE)
  const { data } = context.getImageData(0, 0, COVERAGE_SIDE, COVERAGE_SIDE)
  for (let i = 3; i < data.length; i += 4) if (data[i] > 0) return true
  return false
}
