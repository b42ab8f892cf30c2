import type { GenerationSettings } from '../../common/domain'
import type { KeyInfo } from '../openrouter/sign-in/key'
import type { ModelCapabilities } from '../../common/models'
import { findModel } from './model-list'
import { type FittedSettings, fitSettingsToModel } from './fit-settings'

/**
 * A key that cannot pay for a paid image can only use the free model: the
 * panel starts there and says why, rather than let the first Generate fail
 * with a 402. Two things `/key` tells mean that: a limit with less left than
 * the cheapest paid image, or an account that has never bought credit (the
 * free tier). A key without a limit on a paying account is left alone: the
 * account's credit is not something `/key` tells.
 */
export function startOnFree(settings: GenerationSettings, info: KeyInfo | null, models: readonly ModelCapabilities[]): FittedSettings | null {
  if (!info || findModel(models, settings.model).pricing.kind === 'free') return null
  const free = models.find((model) => model.pricing.kind === 'free')
  const limitSpent = info.limitRemaining !== null && info.limitRemaining < cheapestPaidImage(models)
  const neverPaid = info.limitRemaining === null && info.isFreeTier
  if (!free || !(limitSpent || neverPaid)) return null
  const fitted = fitSettingsToModel(settings, free)
  const what = limitSpent ? 'This key has no credit left' : 'This OpenRouter account has no credit yet'
  const why = `${what}, so ${free.label} is chosen (it is rate-limited). Add credit at openrouter.ai/settings/credits to use the other models.`
  return { settings: fitted.settings, notes: [why, ...fitted.notes] }
}

/** The least one paid image can cost, by the list's prices. */
function cheapestPaidImage(models: readonly ModelCapabilities[]): number {
  const prices = models.flatMap(({ pricing }) => {
    if (pricing.kind === 'fixed') return Object.values(pricing.perImage)
    if (pricing.kind === 'dynamic') return [pricing.perImage.low]
    return []
  })
  // No price known: only an empty limit counts as no credit.
  return prices.length > 0 ? Math.min(...prices) : Number.MIN_VALUE
}
