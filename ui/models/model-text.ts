import { formatUsd, formatUsdRange } from '../pricing'
import type { ModelCapabilities, PricingLine } from '../../common/models'
import type { Effort } from '../../common/domain'

/** Each thinking effort as the Thinking field names it, and every note about it. */
export const EFFORT_LABELS: Record<Effort, string> = { low: 'Light', medium: 'Balanced', high: 'Thorough', xhigh: 'Most thorough (slowest)' }

/** The price beside a model's name: a promise only where OpenRouter publishes one. */
export function priceLabel(model: ModelCapabilities): string {
  const { pricing } = model
  switch (pricing.kind) {
    case 'fixed': {
      const prices = Object.values(pricing.perImage).filter((price): price is number => price !== undefined)
      return formatUsdRange(Math.min(...prices), Math.max(...prices))
    }
    case 'dynamic':
      return `about ${formatUsdRange(pricing.perImage.low, pricing.perImage.high)}`
    case 'free':
      return 'free, slower when busy'
    case 'unknown':
      return listedPrice(model.roads?.images?.priceLines) ?? 'price not known yet'
  }
}

/**
 * What a model's Image API record lists for one output image, its lowest
 * ("from $0.13", "from $0.04 a megapixel"); null when it lists none this build reads.
 */
function listedPrice(lines: readonly PricingLine[] | undefined): string | null {
  const output = (lines ?? []).filter((line) => line.billable === 'output_image')
  const perImage = output.filter((line) => line.unit === 'image')
  // Per image where it says so; else per megapixel, its only other unit.
  const shown = perImage.length > 0 ? perImage : output
  if (shown.length === 0) return null
  return `from ${formatUsd(Math.min(...shown.map((line) => line.costUsd)))}${shown === perImage ? '' : ' a megapixel'}`
}

/**
 * What a model is good for, in words a designer chooses by, read off what it
 * can do: a model OpenRouter lists tomorrow is described too. At most three.
 */
export function modelPurpose(model: ModelCapabilities): string[] {
  const strengths: string[] = []
  if (model.exactSize) strengths.push('exact frame sizes')
  if (model.pricing.kind === 'free') strengths.push('trying ideas at no cost')
  else strengths.push(model.tier === 'pro' ? (model.sizes.includes('4K') ? 'the best quality up to 4K' : 'the best quality') : 'speed')
  if (model.backgrounds.includes('transparent')) strengths.push('cut-outs')
  if (model.scoring) strengths.push('edits it checks itself')
  if (model.maxReferences > 0) strengths.push('the sharpest upscales')
  return strengths.slice(0, 3)
}
