import type { ExportConstraint, ImageSize, SelectedLayer } from '../../common/domain'
import { FIGMA_MAX_IMAGE_SIDE } from '../image/prepare-for-figma'
import { scaleSize } from '../image/scale-size'

/**
 * Pixel sizes for sending frames. Input images for refining are exported with
 * a long side between 1024 and 2048 px (enough detail for the model, small
 * enough to leave room for references); the request budget shrinks further
 * when it must.
 */
export function refineExport(layer: SelectedLayer): ExportConstraint {
  const longSide = Math.max(layer.width, layer.height)
  const target = Math.min(2048, Math.max(1024, longSide))
  return longestSide(layer, target)
}

/** References add detail; more than 2048 px would only crowd the input out of the request. */
export function referenceExport(layer: SelectedLayer): ExportConstraint {
  return longestSide(layer, Math.min(2048, Math.max(layer.width, layer.height)))
}

/**
 * An upscale's input is exported at the target pixel size, because refSR answers
 * at the input's size; Figma holds at most 4096 px a side, so that is the ceiling.
 */
export function upscaleTarget(layer: SelectedLayer, factor: number): { width: number; height: number } {
  const scale = Math.min(factor, FIGMA_MAX_IMAGE_SIDE / Math.max(layer.width, layer.height))
  return scaleSize(layer, scale)
}

export function upscaleExport(layer: SelectedLayer, factor: number): ExportConstraint {
  return { type: 'WIDTH', value: upscaleTarget(layer, factor).width }
}

/** The output size to ask for when there are no references: the smallest that covers the target. */
export function sizeCovering(longSide: number, offered: ImageSize[]): ImageSize {
  const needed: ImageSize = longSide <= 1280 ? '1K' : longSide <= 2560 ? '2K' : '4K'
  return offered.includes(needed) ? needed : offered[offered.length - 1]
}

function longestSide(layer: SelectedLayer, target: number): ExportConstraint {
  return layer.width >= layer.height ? { type: 'WIDTH', value: Math.round(target) } : { type: 'HEIGHT', value: Math.round(target) }
}
