import type { GenerationSettings } from '../common/domain'
import type { PricingLine } from '../common/models'
import { type PixelSize, expectedPixelSize } from '../common/sizes'

/**
 * The output image's price from an endpoint record's pricing lines
 * (docs/contracts.md#image-api-discovery), for the size about to be sent: per
 * megapixel of that size, or per image by variant (`2k`, `4k`; the line
 * without a variant otherwise). Null when the record prices no output image
 * in a unit this build reads: the table's price stands.
 */
export function recordImagePrice(lines: readonly PricingLine[] | undefined, settings: GenerationSettings, exactSize?: PixelSize): number | null {
  const output = (lines ?? []).filter((line) => line.billable === 'output_image')
  const perMegapixel = output.find((line) => line.unit === 'megapixel' && line.variant === undefined)
  if (perMegapixel) {
    const { width, height } = exactSize ?? expectedPixelSize(settings.aspectRatio, settings.imageSize)
    return (perMegapixel.costUsd * width * height) / 1_000_000
  }
  const perImage = output.filter((line) => line.unit === 'image')
  const variant = perImage.find((line) => line.variant === settings.imageSize.toLowerCase())
  return (variant ?? perImage.find((line) => line.variant === undefined))?.costUsd ?? null
}

/** The record's price of one font input, when it has one. */
export function recordFontPrice(lines: readonly PricingLine[] | undefined): number | null {
  return (lines ?? []).find((line) => line.billable === 'input_font' && line.unit === 'image')?.costUsd ?? null
}
