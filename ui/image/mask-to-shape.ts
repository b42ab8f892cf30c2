import type { ExportConstraint, PreparedImage } from '../../common/domain'
import type { AreaTarget } from '../../common/selection'
import { drawPngOnPage, withBitmapOnPageAsync } from './page-png'
import type { PreparedForFigma } from './prepare-for-figma'

/** The soft edge, as a share of the shape's short side in the answer's pixels (at least 2 px). */
const FEATHER_SHARE = 0.06

/**
 * Edit area's answer limited to the shape the designer drew, with a soft
 * edge: outside the shape every pixel is transparent, inside it fades in over
 * a few pixels, so the edit blends into the image under it. The shape's own
 * pixels (exported by the sandbox at the answer's density) are the mask.
 */
export async function maskToShapeAsync(
  image: PreparedForFigma,
  area: AreaTarget,
  exportShape: (layerId: string, constraint: ExportConstraint) => Promise<PreparedImage>,
): Promise<PreparedForFigma> {
  const density = image.width / area.width
  const box = {
    x: Math.round((area.shape.x - area.x) * density),
    y: Math.round((area.shape.y - area.y) * density),
    width: Math.max(1, Math.round(area.shape.width * density)),
    height: Math.max(1, Math.round(area.shape.height * density)),
  }
  const shape = await exportShape(area.shapeId, { type: 'WIDTH', value: box.width })
  const feather = Math.max(2, Math.round(FEATHER_SHARE * Math.min(box.width, box.height)))
  const bytes = await withBitmapOnPageAsync(image.bytes, 'The edited area could not be decoded to fit it to the shape.', (answer) =>
    withBitmapOnPageAsync(shape.bytes, 'The shape could not be read as a mask.', (mask) =>
      !hasCoverage(mask) ? null : drawPngOnPage(image.width, image.height, (context) => {
        context.drawImage(answer, 0, 0, image.width, image.height)
        context.globalCompositeOperation = 'destination-in'
        // Blurred, the mask fades the edge; drawn sharp again, it leaves nothing outside the shape.
        context.filter = `blur(${feather}px)`
        context.drawImage(mask, box.x, box.y, box.width, box.height)
        context.filter = 'none'
        context.drawImage(mask, box.x, box.y, box.width, box.height)
      }),
    ),
  )
  // A shape that exports as nothing (unconfirmed for a shape that is already a mask: docs/contracts.md#figma-masks)
  // must not make the paid answer invisible: it goes unfeathered, and the group's mask still limits it.
  return bytes ? { ...image, bytes, reencoded: true } : image
}

/** Whether the exported shape covers any pixel, read from a small copy of it. */
function hasCoverage(mask: ImageBitmap): boolean {
  const side = 32
  const canvas = document.createElement('canvas')
  canvas.width = side
  canvas.height = side
  const context = canvas.getContext('2d', { willReadFrequently: true })
  if (!context) return true
  context.drawImage(mask, 0, 0, side, side)
  const { data } = context.getImageData(0, 0, side, side)
  for (let i = 3; i < data.length; i += 4) if (data[i] > 0) return true
  return false
}
