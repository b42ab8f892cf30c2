import type { ImageSize } from '../../common/domain'
import type { KeyInfo } from '../openrouter/key'
import { formatUsd } from '../pricing'

/** A model's price per image over the sizes it offers: "$0.02–$0.04", or one price. */
export function priceRange(prices: Partial<Record<ImageSize, number>>): string {
  const values = Object.values(prices).filter((v): v is number => v !== undefined)
  const low = Math.min(...values)
  const high = Math.max(...values)
  return low === high ? formatUsd(low) : `${formatUsd(low)}–${formatUsd(high)}`
}

/** The top bar's word on the key: what is left to spend, once OpenRouter has said. */
export function creditLine(info: KeyInfo | null): string {
  if (!info) return 'OpenRouter key saved'
  if (info.limitRemaining === null) return `Key${info.label ? ` “${info.label}”` : ''} · no limit`
  return `${formatUsd(info.limitRemaining)} credit left on this key`
}
