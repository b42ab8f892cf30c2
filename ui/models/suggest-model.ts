import type { ModelId } from '../../common/domain'
import { type ModelCapabilities, isFreeVariant, paidTwinOf } from '../../common/models'
import { findModel } from './'
import { GenerationError, OTHER_MODEL } from '../answer/errors'
import { nearestModel } from './nearest-model'

const NO_CREDIT_FREE_MESSAGE =
  'Not enough OpenRouter credit for this image (on the account or the key’s limit). Add credit at openrouter.ai/settings/credits, or switch to the free model (rate-limited).'

/**
 * Failures that another model of the list answers, said with that model
 * one click away (`suggestedModel`, the panel's switch):
 * - a 429 from a `:free` model is the free tier's own rate limit, not the
 *   designer's key (docs/contracts.md#free-variants): when to try again, and
 *   its paid twin;
 * - a 402 (no credit on the account or the key's limit) on a paid model: the
 *   free model, when the list has one that can answer as asked, beside adding credit;
 * - the model down or without a provider: "the other model" named, the nearest
 *   that can answer as asked (`modelToTry`).
 * As asked: a cut-out's transparent background, an upscale's references.
 * Anything else passes through as it is.
 */
export function suggestAnotherModel(error: unknown, model: ModelId, models: readonly ModelCapabilities[], asked: Asked = {}): unknown {
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
  if (error.kind === 'no-credit' && free && free.id !== model && answersAsAsked(free, asked)) {
    return new GenerationError('no-credit', NO_CREDIT_FREE_MESSAGE, { status: error.status, serverMessage: error.serverMessage, suggestedModel: free.id })
  }
  const other = (error.kind === 'unavailable' || error.kind === 'no-endpoint') && error.message.includes(OTHER_MODEL) ? modelToTry(model, asked, models) : null
  if (other) {
    const { status, retryAfterMs, serverMessage, charged, mayHaveCharged } = error
    return new GenerationError(error.kind, error.message.replaceAll(OTHER_MODEL, other.label), { status, retryAfterMs, serverMessage, charged, mayHaveCharged, suggestedModel: other.id })
  }
  return error
}

/** What the failed request asked that another model must also do: a transparent background, refSR references. */
interface Asked {
  transparent?: boolean
  references?: boolean
}

/**
 * The model to try when one fails: the nearest of the list (its tier, its
 * version) that is neither it nor its `:free` twin, which the same provider
 * answers, and that can answer as asked; null when the list has none.
 */
function modelToTry(model: ModelId, asked: Asked, models: readonly ModelCapabilities[]): ModelCapabilities | null {
  const twin = paidTwinOf(model)
  const others = models.filter((candidate) => paidTwinOf(candidate.id) !== twin && answersAsAsked(candidate, asked))
  return others.length > 0 ? nearestModel(model, others) : null
}

/** A model switched to must do what the request asked: one that cannot would only switch back on the next press. */
function answersAsAsked(candidate: ModelCapabilities, asked: Asked): boolean {
  return (!asked.transparent || candidate.backgrounds.includes('transparent')) && (!asked.references || candidate.maxReferences > 0)
}
