import type { TileRect } from '../../common/domain'
import type { Context2D } from './draw-scaled'
import { FIGMA_MAX_IMAGE_SIDE, type PixelSize } from '../../common/sizes'

/**
 * The fewest tiles of at most `maxSide` a side that cover an image of `size`,
 * row by row. Each side is cut into equal parts rather than full tiles and a
 * sliver (5120×2880 gives two 2560×2880 tiles, not 4096 and 1024): on the
 * canvas the seams fall where the eye expects no subject.
 */
export function tileGrid(size: PixelSize, maxSide = FIGMA_MAX_IMAGE_SIDE): TileRect[] {
  const xs = cuts(size.width, maxSide)
  const ys = cuts(size.height, maxSide)
  return ys.slice(1).flatMap((bottom, row) =>
    xs.slice(1).map((right, column) => ({ x: xs[column], y: ys[row], width: right - xs[column], height: bottom - ys[row] })),
  )
}

/** The pixel lines where a side of `length` is cut, from 0 to `length`: whole pixels, parts differing by at most one. */
function cuts(length: number, maxSide: number): number[] {
  const parts = Math.max(1, Math.ceil(length / maxSide))
  return Array.from({ length: parts + 1 }, (_, i) => Math.round((i * length) / parts))
}

/** Draws the tile's pixels of `source` onto a canvas of the tile's size, one to one: no smoothing, no pixel changed. */
export function drawTile(context: Context2D, source: CanvasImageSource, tile: TileRect): void {
  context.imageSmoothingEnabled = false
  context.drawImage(source, tile.x, tile.y, tile.width, tile.height, 0, 0, tile.width, tile.height)
}
