import type { AspectRatio, ImageSize } from '../common/domain'
import { type PixelSize, scaleSize } from './image/scale-size'

/** Sourceful's 1K output sizes; 2K doubles them and 4K quadruples them (SPEC section 1). */
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
export const ASPECT_RATIOS: readonly AspectRatio[] = [
  '1:1',
  '5:4',
  '4:3',
  '3:2',
  '16:9',
  '21:9',
  '4:5',
  '3:4',
  '2:3',
  '9:16',
]

const SCALE: Record<ImageSize, number> = { '1K': 1, '2K': 2, '4K': 4 }

/**
 * The size the model is documented to return. For display only: placement
 * always reads the real size of the bytes that came back.
 */
export function expectedPixelSize(ratio: AspectRatio, size: ImageSize): PixelSize {
  const [width, height] = SIZES_1K[ratio]
  return scaleSize({ width, height }, SCALE[size])
}

// Worked out once: a batch of thousands of frames asks for the nearest ratio of each.
const LOG_RATIOS = ASPECT_RATIOS.map((ratio) => {
  const [w, h] = ratio.split(':').map(Number)
  return { ratio, log: Math.log(w / h) }
})

/**
 * The supported ratio nearest a layer's, compared on a log scale so that 2:1 and
 * 1:2 are equally far from 1:1.
 */
export function nearestAspectRatio(width: number, height: number): AspectRatio {
  if (!(width > 0) || !(height > 0)) return '1:1'
  const target = Math.log(width / height)
  let best: AspectRatio = '1:1'
  let bestDistance = Infinity
  for (const { ratio, log } of LOG_RATIOS) {
    const distance = Math.abs(log - target)
    if (distance < bestDistance) {
      best = ratio
      bestDistance = distance
    }
  }
  return best
}
