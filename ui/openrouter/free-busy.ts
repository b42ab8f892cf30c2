import type { ModelId } from '../../common/domain'
import { capabilitiesFor } from '../models'
import { GenerationError } from './errors'

/**
 * A 429 from a `:free` model is the free tier's own rate limit (SPEC 1b), not
 * the designer's key: say so, with when to try again and the paid twin to
 * switch to (`suggestedModel`, for the panel's one-click switch). Anything
 * else passes through as it is.
 */
/** The `:free` variants: their own rate limits, and a paid twin without the suffix. */
export function isFreeVariant(model: ModelId): boolean {
  return model.endsWith(':free')
}

export function asFreeBusy(error: unknown, model: ModelId): unknown {
  if (!(error instanceof GenerationError) || error.status !== 429 || !isFreeVariant(model)) return error
  const paid = model.slice(0, -':free'.length)
  const seconds = error.retryAfterMs !== null ? Math.max(1, Math.ceil(error.retryAfterMs / 1000)) : null
  const when = seconds !== null ? ` in ${seconds} s` : ''
  return new GenerationError('free-busy', `The free model is busy. Try again${when}, or switch to ${capabilitiesFor(paid).label} (paid).`, {
    status: 429,
    retryAfterMs: error.retryAfterMs,
    serverMessage: error.serverMessage,
    suggestedModel: paid,
  })
}
