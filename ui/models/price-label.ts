import { formatUsdRange } from '../pricing'
import type { ModelCapabilities } from './capabilities'

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

