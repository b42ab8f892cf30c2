import type { Context2D } from './draw-scaled'

/** A canvas for an input, in pixels: its size, where the export goes, and what fills the rest. */
export interface InputCanvas {
  width: number
  height: number
  x: number
  y: number
  imageWidth: number
  imageHeight: number
  /** 'transparent', or a `#RRGGBB` the instruction names, for a model that may not read transparency. */
  background: string
}

/**
 * The export drawn at `canvas`'s box on a context of the canvas's size, the
 * rest left transparent or painted with its background. The image worker and
 * the main thread's fallback both draw through here, so they give the same pixels.
 */
export function drawInputCanvas(context: Context2D, image: CanvasImageSource, canvas: InputCanvas): void {
  if (canvas.background !== 'transparent') {
    context.fillStyle = canvas.background
    context.fillRect(0, 0, canvas.width, canvas.height)
  }
  context.drawImage(image, canvas.x, canvas.y, canvas.imageWidth, canvas.imageHeight)
}
