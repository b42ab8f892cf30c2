import { type PixelSize, scaleSize } from './scale-size'

/** `figma.createImage` refuses anything larger on either side. */
export const FIGMA_MAX_IMAGE_SIDE = 4096

/** The size an image of `size` is placed at: itself when it fits Figma, else scaled down to 4096 px on its long side. */
export function figmaSize(size: PixelSize): PixelSize {
  return scaleSize(size, Math.min(1, FIGMA_MAX_IMAGE_SIDE / Math.max(size.width, size.height)))
}
