import type { ExportConstraint, PreparedImage } from '../../common/domain'
import type { AreaTarget, PageBox } from '../../common/selection'
import type { PixelSize } from '../../common/sizes'
import { countImageJob, imageWorker } from '../image-worker/image-worker'
import { copyInSlicesAsync } from '../image/copy-in-slices'
import { COVERAGE_SIDE, type MaskGeometry, drawMasked, hasCoverage } from '../image/draw-masked'
import { drawPngOnPage, withBitmapOnPageAsync } from './page-png'
import type { PreparedForFigma } from './prepare-for-figma'

/**
 * The soft edge's width inside the shape, as a share of its short side in the
 * answer's pixels (at least 2 px): wide enough to blend, narrow enough that the
 * edit is whole over most of the area. A thin or turned strip, whose box says
 * little of its thickness, gets less from its pixels (ui/image/soft-edge.ts).
 */
const FEATHER_SHARE = 0.06
/**
 * How far an answer's shape may be from its area's (log of the ratios):
 * within it, a pixel or two of rounding, stretched to fit; past it, the model
 * made another shape than the one asked, and its edit would not line up.
 */
const RATIO_TOLERANCE = 0.02

/** Whether the answer has the area's shape, within RATIO_TOLERANCE. */
export function fitsArea(answer: PixelSize, area: PageBox): boolean {
  return Math.abs(Math.log((answer.width / answer.height) / (area.width / area.height))) <= RATIO_TOLERANCE
}

/**
 * The masked image at the area's own shape: each axis of the answer at its
 * own density (the lower of the two, so nothing is enlarged), the shape's
 * export at its render bounds in those pixels, the soft edge in proportion.
 */
export function maskGeometry(answer: PixelSize, area: AreaTarget): MaskGeometry {
  const density = Math.min(answer.width / area.width, answer.height / area.height)
  const box = area.shapeExportBox
  return {
    width: Math.max(1, Math.round(area.width * density)),
    height: Math.max(1, Math.round(area.height * density)),
    shape: {
      x: Math.round((box.x - area.x) * density),
      y: Math.round((box.y - area.y) * density),
      width: Math.max(1, Math.round(box.width * density)),
      height: Math.max(1, Math.round(box.height * density)),
    },
    feather: Math.max(2, Math.round(FEATHER_SHARE * Math.min(area.shape.width, area.shape.height) * density)),
  }
}

/**
 * Edit area's answer limited to the shape the designer drew, with a soft
 * edge: outside the shape every pixel is transparent, inside it fades in from
 * nothing at the edge over a few pixels, so the edit blends into the image
 * under it. The shape's own pixels (exported by the sandbox at the answer's
 * density) are the mask. The pixels are drawn in the image worker: the main
 * thread only posts the job, and draws them itself only where the worker
 * cannot run.
 */
export async function maskToShapeAsync(
  image: PreparedForFigma,
  area: AreaTarget,
  exportShape: (layerId: string, constraint: ExportConstraint) => Promise<PreparedImage>,
): Promise<PreparedForFigma> {
  const geometry = maskGeometry(image, area)
  const shape = await exportShape(area.shapeId, { type: 'WIDTH', value: geometry.shape.width })
  // Copies go to the worker (made in slices: one 8 MB copy is a long task): should it stop midway, the main thread still has both.
  const job = { type: 'mask' as const, answer: await copyInSlicesAsync(image.bytes), shape: await copyInSlicesAsync(shape.bytes), geometry }
  const outcome = await imageWorker.runAsync(job, [job.answer.buffer as ArrayBuffer, job.shape.buffer as ArrayBuffer])
  countImageJob(outcome.ok ? 'worker' : 'main')
  const bytes = outcome.ok ? outcome.result.bytes : await maskOnPageAsync(image.bytes, shape.bytes, geometry)
  // A shape that exports as nothing (unconfirmed for a shape that is already a mask: docs/contracts.md#figma-masks)
  // must not make the paid answer invisible: it goes unfeathered, and the group's mask still limits it.
  return bytes ? { ...image, bytes, width: geometry.width, height: geometry.height, reencoded: true } : image
}

/** The same drawing on the main thread, where the worker cannot run. */
function maskOnPageAsync(answerBytes: Uint8Array, shapeBytes: Uint8Array, geometry: MaskGeometry): Promise<Uint8Array | null> {
  return withBitmapOnPageAsync(answerBytes, 'The edited area could not be decoded to fit it to the shape.', (answer) =>
    withBitmapOnPageAsync(shapeBytes, 'The shape could not be read as a mask.', (mask) =>
      coversAnyPixel(mask) ? drawPngOnPage(geometry.width, geometry.height, (context) => drawMasked(context, answer, mask, geometry)) : null,
    ),
  )
}

function coversAnyPixel(mask: ImageBitmap): boolean {
  const canvas = document.createElement('canvas')
  canvas.width = COVERAGE_SIDE
  canvas.height = COVERAGE_SIDE
  const context = canvas.getContext('2d', { willReadFrequently: true })
  return context ? hasCoverage(context, mask) : true
}
