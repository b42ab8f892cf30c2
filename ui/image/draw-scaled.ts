/** A 2D context on the page (the main thread's fallback) or in the image worker. */
export type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D

/**
 * Draws `image` over the whole canvas, scaled with the browser's best smoothing.
 * `onWhite` for formats without transparency (JPEG): on white, as a designer would
 * expect, not black. Both paths draw through here, so they give the same pixels.
 */
export function drawScaled(context: Context2D, image: CanvasImageSource, width: number, height: number, onWhite: boolean): void {
  if (onWhite) {
    context.fillStyle = '#fff'
    context.fillRect(0, 0, width, height)
  }
  context.imageSmoothingEnabled = true
  context.imageSmoothingQuality = 'high'
  context.drawImage(image, 0, 0, width, height)
}

/** Quality for the lossy formats: high enough that a designer sees no artefacts; lower buys little against the cap. */
export const LOSSY_QUALITY = 0.9
