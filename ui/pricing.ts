import type { GenerationSettings } from '../common/domain'
import { FONT_INPUT_PRICE, REFERENCE_PRICE, modelInfo } from './models'

/**
 * The price of one request before it is sent, from OpenRouter's published prices:
 * the output image at its size, plus each font input and each refSR reference.
 * Null when the model does not offer the size (the request would be refused).
 */
export function estimateCost(settings: GenerationSettings, referenceCount = 0): number | null {
  const perImage = modelInfo(settings.model).pricePerImage[settings.imageSize]
  if (perImage === undefined) return null
  return roundUsd(perImage + settings.fontInputs.length * FONT_INPUT_PRICE + referenceCount * REFERENCE_PRICE)
}

/** Whole cents and tenths of cents only: a sum of prices in floating point shows 0.35000000000000003. */
export function roundUsd(amount: number): number {
  return Math.round(amount * 1000) / 1000
}

export function formatUsd(amount: number): string {
  // Two decimals is enough for every price in the table; keep a third when a
  // charge (usage.cost) really has one.
  const digits = Math.abs(amount * 100 - Math.round(amount * 100)) > 1e-9 ? 3 : 2
  return `$${amount.toFixed(digits)}`
}
