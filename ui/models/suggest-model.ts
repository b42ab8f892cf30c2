import type { ModelId } from '../../common/domain'
import { type ModelCapabilities, isFreeVariant, paidTwinOf } from '../../common/models'
import { findModel } from './'
import { GenerationError } from '../answer/errors'

const NO_CREDIT_FREE_MESSAGE =
  'Not enough OpenRouter credit for this image (on the account or the key’s limit). Add credit at openrouter.ai/settings/credits, or switch to the free model (rate-limited).'

/**
 * Two failures that another model of the list answers, said with that model
 * one click away (`suggestedModel`, the panel's switch):
 * - a 429 from a `:free` model is the free tier's own rate limit, not the
 *   designer's key (docs/contracts.md#free-variants): when to try again, and
 *   its paid twin;
 * - a 402 (no credit on the account or the key's limit) on a paid model: the
 *   free model, when the list has one, beside adding credit.
 * Anything else passes through as it is.
 */
export function suggestAnotherModel(error: unknown, model: ModelId, models: readonly ModelCapabilities[]): unknown {
  if (!(error instanceof GenerationError)) return error
  if (error.status === 429 && isFreeVariant(model)) {
    const paid = paidTwinOf(model)
    const seconds = error.retryAfterMs !== null ? Math.max(1, Math.ceil(error.retryAfterMs / 1000)) : null
    const when = seconds !== null ? ` in ${seconds} s` : ''
    return new GenerationError('free-busy', `The free model is busy. Try again${when}, or switch to ${findModel(models, paid).label} (paid).`, {
      status: 429,
      retryAfterMs: error.retryAfterMs,
      serverMessage: error.serverMessage,
      suggestedModel: paid,
    })
  }
  const free = models.find((candidate) => candidate.pricing.kind === 'free')
  if (error.kind === 'no-credit' && free && free.id !== model) {
    return new GenerationError('no-credit', NO_CREDIT_FREE_MESSAGE, { status: error.status, serverMessage: error.serverMessage, suggestedModel: free.id })
  }
  return error
}
