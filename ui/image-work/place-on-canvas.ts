import { drawPngOnPage, withBitmapOnPageAsync } from './page-png'

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
 * An exported layer drawn on a larger canvas at `canvas`'s box, the rest left
 * transparent or painted with its background: Expand's input, which shows the
 * model the picture and, around it, the part to continue. PNG, so the empty
 * part stays exactly empty (or exactly the named colour) for the model.
 */
export function placeOnCanvasAsync(bytes: Uint8Array, canvas: InputCanvas): Promise<Uint8Array> {
  return withBitmapOnPageAsync(bytes, 'The image to expand could not be decoded. Check that its layer shows an image.', (bitmap) =>
    drawPngOnPage(canvas.width, canvas.height, (context) => {
      if (canvas.background !== 'transparent') {
        context.fillStyle = canvas.background
        context.fillRect(0, 0, canvas.width, canvas.height)
      }
      context.drawImage(bitmap, canvas.x, canvas.y, canvas.imageWidth, canvas.imageHeight)
    }),
  )
}
