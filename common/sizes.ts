// Pixel sizes both halves reason about: Figma's image limit, Riverflow's aspect
// ratios and the sizes each ratio comes back at (docs/contracts.md#output-pixel-sizes).
import type { AspectRatio, ImageSize } from './domain'

export interface PixelSize {
  width: number
  height: number
}

/** `figma.createImage` refuses anything larger on either side (docs/contracts.md#createimage). */
export const FIGMA_MAX_IMAGE_SIDE = 4096

/** `size` times `scale` in whole pixels, at least 1 px a side: a canvas or export of 0 px fails. */
export function scaleSize(size: PixelSize, scale: number): PixelSize {
  return { width: Math.max(1, Math.round(size.width * scale)), height: Math.max(1, Math.round(size.height * scale)) }
}

/** The size an image of `size` is placed at: itself when it fits Figma, else scaled down to 4096 px on its long side. */
export function figmaSize(size: PixelSize): PixelSize {
  return scaleSize(size, Math.min(1, FIGMA_MAX_IMAGE_SIDE / Math.max(size.width, size.height)))
}

/** Sourceful's 1K output sizes; 2K doubles them and 4K quadruples them. */
const SIZES_1K: Record<AspectRatio, [number, number]> = {
  '1:1': [1024, 1024],
  '16:9': [1280, 720],
  '3:2': [1248, 832],
  '4:3': [1152, 864],
  '5:4': [1120, 896],
  '21:9': [1512, 648],
  '4:5': [896, 1120],
  '2:3': [832, 1248],
  '3:4': [864, 1152],
  '9:16': [720, 1280],
}

/** In the order a designer scans them: square, then landscape widening, then portrait. */
export const ASPECT_RATIOS: readonly AspectRatio[] = ['1:1', '5:4', '4:3', '3:2', '16:9', '21:9', '4:5', '3:4', '2:3', '9:16']

export const IMAGE_SIZES: readonly ImageSize[] = ['1K', '2K', '4K']

const SCALE: Record<ImageSize, number> = { '1K': 1, '2K': 2, '4K': 4 }

/**
 * The size the model is documented to return. For planning and display only:
 * placement always reads the real size of the bytes that came back.
 */
export function expectedPixelSize(ratio: AspectRatio, size: ImageSize): PixelSize {
  const [width, height] = SIZES_1K[ratio]
  return scaleSize({ width, height }, SCALE[size])
}

/** Width over height: 16:9 is 1.78. */
export function aspectRatioValue(ratio: AspectRatio): number {
  const [w, h] = ratio.split(':').map(Number)
  return w / h
}

// Worked out once: a batch of thousands of frames asks for the nearest ratio of each.
const LOG_RATIOS = ASPECT_RATIOS.map((ratio) => ({ ratio, log: Math.log(aspectRatioValue(ratio)) }))

/**
 * The supported ratio nearest a layer's, compared on a log scale so that 2:1 and
 * 1:2 are equally far from 1:1. `among` narrows the choice (a road that lacks some ratios).
 */
export function nearestAspectRatio(width: number, height: number, among: readonly AspectRatio[] = ASPECT_RATIOS): AspectRatio {
  if (!(width > 0) || !(height > 0)) return among[0] ?? '1:1'
  const target = Math.log(width / height)
  let best: AspectRatio = among[0] ?? '1:1'
  let bestDistance = Infinity
  for (const { ratio, log } of LOG_RATIOS) {
    if (among !== ASPECT_RATIOS && !among.includes(ratio)) continue
    const distance = Math.abs(log - target)
    if (distance < bestDistance) {
      best = ratio
      bestDistance = distance
    }
  }
  return best
}

/** A frame around an image, and where the image sits in it (the frame's coordinates). */
export interface FramedImage {
  width: number
  height: number
  x: number
  y: number
}

/**
 * Expand to a ratio: the frame of `ratio` that holds an image of `image`'s
 * size, grown on one axis to whole pixels, the image centred (to the pixel)
 * at its own size. The panel plans the input canvas from it and the sandbox
 * makes the frame from it, so the two agree to the pixel.
 */
export function frameAtRatio(image: PixelSize, ratio: AspectRatio): FramedImage {
  const value = aspectRatioValue(ratio)
  if (image.width / image.height < value) {
    const width = Math.max(image.width, Math.round(image.height * value))
    return { width, height: image.height, x: Math.floor((width - image.width) / 2), y: 0 }
  }
  const height = Math.max(image.height, Math.round(image.width / value))
  return { width: image.width, height, x: 0, y: Math.floor((height - image.height) / 2) }
}
