import type { BackgroundMode, Effort, ImageSize, ModelId } from '../../common/domain'

/** Fast models answer in seconds and cost cents; Pro ones think longer and cost more. */
export type ModelTier = 'fast' | 'pro'

/**
 * What one image costs before it is made. `fixed`: OpenRouter's published price
 * per size. `dynamic`: billed by use once the job ends (`usage.cost`), so only a
 * range can be shown, labelled as an estimate. `free`: the `:free` variants.
 */
export type ModelPricing =
  | { kind: 'fixed'; perImage: Partial<Record<ImageSize, number>> }
  | { kind: 'dynamic'; perImage: { low: number; high: number } }
  | { kind: 'free' }

/** Everything the plugin needs to know of one model to offer it, price it and build its requests. */
export interface ModelCapabilities {
  id: ModelId
  label: string
  tier: ModelTier
  /** The output sizes the model takes, smallest first. */
  sizes: ImageSize[]
  /** Input images one request may carry (Sourceful's schema). */
  maxInputImages: number
  /** Super-resolution references (refSR) one request may carry: V2 only, else 0. */
  maxReferences: number
  maxFontInputs: number
  /** The background modes offered; empty when the model takes no `background_mode`. */
  backgrounds: BackgroundMode[]
  /** The reasoning efforts offered; empty when the model takes no `reasoning`. */
  efforts: Effort[]
  /** Whether the model takes `scoring_prompt` and `scoring_rubric`. */
  scoring: boolean
  pricing: ModelPricing
  /** How long to wait for one image before giving up. */
  timeoutMs: number
  /** Newer than the Riverflow 2 the plugin started with, or unknown to this build: worth a badge. */
  isNew: boolean
}

export const IMAGE_SIZES: readonly ImageSize[] = ['1K', '2K', '4K']
/** Sourceful's charges per font input and per refSR reference (SPEC section 1). */
export const FONT_INPUT_PRICE = 0.03
export const REFERENCE_PRICE = 0.2
