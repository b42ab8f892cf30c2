import { formatUsdRange } from '../pricing'
import type { ModelCapabilities } from '../../common/models'

/** The price beside a model's name: a promise only where OpenRouter publishes one. */
export function priceLabel(model: ModelCapabilities): string {
  const { pricing } = model
  switch (pricing.kind) {
    case 'fixed': {
      const prices = Object.values(pricing.perImage).filter((price): price is number => price !== undefined)
      return `${formatUsdRange(Math.min(...prices), Math.max(...prices))} per image`
    }
    case 'dynamic':
      return `about ${formatUsdRange(pricing.perImage.low, pricing.perImage.high)} per image, billed by use`
    case 'free':
      return 'free, rate-limited'
  }
}

/** Said both when marking layers and before sending, so the designer reads one limit in one wording. */
export function referenceLimitMessage(model: ModelCapabilities, count: number, counted: 'selected' | 'marked as reference'): string {
  if (model.maxReferences === 0) return `${model.label} takes no references; ${count} are ${counted}. Use Riverflow 2 for refSR.`
  return `At most ${model.maxReferences} references can be sent; ${count} are ${counted}.`
}
