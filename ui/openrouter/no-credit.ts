import type { ModelId } from '../../common/domain'
import { BUILT_IN_MODELS } from '../models'
import { GenerationError } from './errors'

/** The free, rate-limited model: what a key with no credit can still use. */
export const FREE_MODEL: ModelId = BUILT_IN_MODELS.find((model) => model.pricing.kind === 'free')?.id ?? 'sourceful/riverflow-v2.5-fast:free'

const NO_CREDIT_FREE_MESSAGE =
  'Not enough OpenRouter credit for this image (on the account or the key’s limit). Add credit at openrouter.ai/settings/credits, or switch to the free model (rate-limited).'

/**
 * A 402 (no credit on the account or the key's limit) on a paid model: the
 * free model still works, so it is offered as the one-click way on
 * (`suggestedModel`), beside adding credit. Anything else passes through.
 */
export function asNoCredit(error: unknown, model: ModelId): unknown {
  if (!(error instanceof GenerationError) || error.kind !== 'no-credit' || model === FREE_MODEL) return error
  return new GenerationError('no-credit', NO_CREDIT_FREE_MESSAGE, {
    status: error.status,
    serverMessage: error.serverMessage,
    suggestedModel: FREE_MODEL,
  })
}
