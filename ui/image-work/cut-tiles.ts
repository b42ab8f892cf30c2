import type { ImageTile, TiledImage } from '../../common/domain'
import { countImageJob, imageWorker } from '../image-worker/image-worker'
import { drawPngOnPage, withBitmapOnPageAsync } from './page-png'
import { drawTile, tileGrid } from '../image/tiles'
import { copyInSlicesAsync } from '../image/copy-in-slices'

/**
 * Cuts an image larger than Figma takes into PNG tiles of at most 4096 px a
 * side that together hold every pixel (alpha included), for the sandbox to
 * lay side by side. In the image worker, which gets a copy: `original` stays
 * whole for the designer's download. Where the worker cannot do it, the main
 * thread does. Throws a GenerationError when the image does not decode.
 */
export async function cutIntoTilesAsync(original: Uint8Array): Promise<TiledImage> {
  // Made in slices: one copy of a 4K answer's 25 MB held the panel's main thread for about 100 ms.
  const copy = await copyInSlicesAsync(original)
  const outcome = await imageWorker.runAsync({ type: 'tile', bytes: copy }, [copy.buffer])
  if (outcome.ok) {
    countImageJob('worker')
    return outcome.result
  }
  countImageJob('main')
  return cutOnMainThreadAsync(original)
}

function cutOnMainThreadAsync(bytes: Uint8Array): Promise<TiledImage> {
  return withBitmapOnPageAsync(bytes, 'The full-size image could not be decoded to cut into tiles.', (bitmap) => {
    const tiles: ImageTile[] = tileGrid(bitmap).map((tile) => ({ ...tile, bytes: drawPngOnPage(tile.width, tile.height, (context) => drawTile(context, bitmap, tile)) }))
    return { width: bitmap.width, height: bitmap.height, tiles }
  })
}
