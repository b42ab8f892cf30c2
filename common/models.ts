// What the plugin knows of each Riverflow model without asking OpenRouter: the
// built-in table (the offline fallback, and the facts no catalog gives), the
// `:free` rule and how a catalog name becomes a label. Both halves use it: the
// panel builds its model list from it, the quick action bar names models with it.
// docs/contracts.md#the-riverflow-family holds the facts and what is unconfirmed.
import type { AspectRatio, BackgroundMode, CatalogEntry, Effort, ImageSize, ModelId, Road } from './domain'

/** Fast models answer in seconds and cost cents; Pro ones think longer and cost more. */
type ModelTier = 'fast' | 'pro'

/**
 * What one image costs before it is made. `fixed`: OpenRouter's published price
 * per size. `dynamic`: billed by use once the job ends (`usage.cost`), so only a
 * range can be shown, labelled as an estimate. `free`: the `:free` variants.
 * `unknown`: a model this build's table does not know: no figure of its own but
 * what its endpoint record lists, so nothing is promised and the panel asks before sending.
 */
type ModelPricing =
  | { kind: 'fixed'; perImage: Partial<Record<ImageSize, number>> }
  | { kind: 'dynamic'; perImage: { low: number; high: number } }
  | { kind: 'free' }
  | { kind: 'unknown' }

/** Everything the plugin needs to know of one model to offer it, price it and build its requests. */
export interface ModelCapabilities {
  id: ModelId
  label: string
  tier: ModelTier
  /** The output sizes the model takes, smallest first. */
  sizes: ImageSize[]
  /** Input images one request may carry. */
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
  /** Explicit pixel sizes on some road (a record says so); absent: tiers only. */
  exactSize?: ExactSizeLimits | null
  /**
   * The roads OpenRouter's lists name for it, each with what it carries (the
   * fields above are their union); absent: chat completions as the table says,
   * the Image API found only on a refusal.
   */
  roads?: Partial<Record<Road, RoadCapabilities>>
}

/** Sourceful takes at most two font inputs a request (docs/contracts.md#font-inputs). */
export const MAX_FONT_INPUTS = 2
/** Sourceful's charges per font input and per refSR reference (docs/contracts.md#prices). */
export const FONT_INPUT_PRICE = 0.03
export const REFERENCE_PRICE = 0.2

const MINUTE = 60 * 1000
/** V2 Pro can take minutes: allow up to 10 before giving up. */
const V2_TIMEOUT_MS = 10 * MINUTE
/** 2.5 and later reason before drawing: OpenRouter's own adapter polls up to 21 minutes; a little more. */
const V25_TIMEOUT_MS = 25 * MINUTE

/** What every Riverflow 2 has: refSR and fonts, none of the 2.5 extras, a fixed price. */
const V2 = {
  maxReferences: 4,
  maxFontInputs: MAX_FONT_INPUTS,
  backgrounds: [],
  efforts: [],
  scoring: false,
  timeoutMs: V2_TIMEOUT_MS,
  isNew: false,
} satisfies Partial<ModelCapabilities>

/** What 2.5 adds and takes away: backgrounds, effort and scoring; no refSR. */
const V25 = {
  maxReferences: 0,
  maxFontInputs: MAX_FONT_INPUTS,
  backgrounds: ['original', 'transparent', 'solid'],
  // `xhigh` is unconfirmed, and for Pro only: a value the model refuses would fail the request.
  efforts: ['low', 'medium', 'high'],
  scoring: true,
  timeoutMs: V25_TIMEOUT_MS,
  isNew: false,
} satisfies Partial<ModelCapabilities>

const V25_FAST: ModelCapabilities = {
  ...V25,
  id: 'sourceful/riverflow-v2.5-fast',
  label: 'Riverflow 2.5 Fast',
  tier: 'fast',
  sizes: ['1K', '2K'],
  maxInputImages: 4,
  // No published figure: from V2 Fast's $0.02 (1K) up to twice its 2K price, for effort and complex edits.
  pricing: { kind: 'dynamic', perImage: { low: 0.02, high: 0.08 } },
}

/**
 * What each Riverflow model does, for when OpenRouter's catalog cannot be
 * loaded and to give known slugs the facts no catalog states. Where a fact is
 * unconfirmed, the value is the one that cannot get a request refused or a
 * price promised: an option left out costs the designer a choice, a wrong one
 * a failed generation.
 */
export const BUILT_IN_MODELS: readonly ModelCapabilities[] = [
  {
    ...V2,
    id: 'sourceful/riverflow-v2-fast',
    label: 'Riverflow 2 Fast',
    tier: 'fast',
    sizes: ['1K', '2K'],
    maxInputImages: 4,
    pricing: { kind: 'fixed', perImage: { '1K': 0.02, '2K': 0.04 } },
  },
  {
    ...V2,
    id: 'sourceful/riverflow-v2-pro',
    label: 'Riverflow 2 Pro',
    tier: 'pro',
    sizes: ['1K', '2K', '4K'],
    maxInputImages: 10,
    pricing: { kind: 'fixed', perImage: { '1K': 0.15, '2K': 0.15, '4K': 0.33 } },
  },
  V25_FAST,
  { ...V25_FAST, id: 'sourceful/riverflow-v2.5-fast:free', label: 'Riverflow 2.5 Fast (free)', pricing: { kind: 'free' } },
  // 4K and 10 input images are unconfirmed on chat completions: offered the sizes and inputs 2.5 Fast is known to take.
  {
    ...V25_FAST,
    id: 'sourceful/riverflow-v2.5-pro',
    label: 'Riverflow 2.5 Pro',
    tier: 'pro',
    // A third party saw it listed at $0.13 a 1K image and billed about $0.25; more at high effort.
    pricing: { kind: 'dynamic', perImage: { low: 0.13, high: 0.35 } },
  },
  {
    ...V25,
    id: 'sourceful/riverflow-v2.6-pro',
    label: 'Riverflow 2.6 Pro',
    tier: 'pro',
    sizes: ['1K', '2K', '4K'],
    // Its inputs and extras are unconfirmed: Fast's input limit, and no fonts, backgrounds or scoring
    // (image_config keys it may not take). Effort is the `reasoning` every 2.5-and-later model has.
    maxInputImages: 4,
    maxFontInputs: 0,
    backgrounds: [],
    scoring: false,
    // Its price is unconfirmed: at least 2.5 Pro's, with a wider ceiling, and shown as an estimate.
    pricing: { kind: 'dynamic', perImage: { low: 0.13, high: 0.5 } },
  },
]

/** As long as the slowest known model: an unknown one is likely a newer, slower one. */
const UNKNOWN_TIMEOUT_MS = 25 * MINUTE

const FREE_SUFFIX = ':free'

/** The `:free` variants: their own rate limits, and a paid twin without the suffix. */
export function isFreeVariant(id: ModelId): boolean {
  return id.endsWith(FREE_SUFFIX)
}

/** The paid model a `:free` variant is the free tier of. */
export function paidTwinOf(id: ModelId): ModelId {
  return isFreeVariant(id) ? id.slice(0, -FREE_SUFFIX.length) : id
}

/**
 * A model's name for the designer: the built-in label of a known slug (catalog
 * names change style from release to release), else the catalog's name without
 * its "Author: " prefix (every entry is Sourceful's), else the slug's words as
 * the built-in labels read (a model no longer listed, kept in a file or a saved state).
 */
export function modelLabel(id: ModelId, catalogName?: string): string {
  const known = BUILT_IN_MODELS.find((model) => model.id === id)
  if (known) return known.label
  const name = typeof catalogName === 'string' ? catalogName.replace(/^[^:]{1,40}:\s*/, '').trim() : ''
  return name || slugWords(id) || id || 'Unnamed model'
}

/** "sourceful/riverflow-v1-legacy" as "Riverflow 1 Legacy", a `:free` one with " (free)": never the raw id. */
function slugWords(id: ModelId): string {
  const words = paidTwinOf(id)
    .replace(/^[^/]*\//, '')
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((word) => (/^v\d/i.test(word) ? word.slice(1) : word[0].toUpperCase() + word.slice(1)))
  return words.length === 0 ? '' : `${words.join(' ')}${isFreeVariant(id) ? ' (free)' : ''}`
}

/**
 * What a model can do, as far as this build knows without a live record: a
 * slug of the built-in table gets its facts; any other (new in the catalog, or
 * saved from an earlier run) the cautious set every Riverflow is known to take,
 * so that a new model can be offered without a request it refuses. Never
 * throws: a saved state or a catalog must not be able to stop the panel.
 */
export function describeModel(id: ModelId, catalogEntry?: CatalogEntry): ModelCapabilities {
  const known = BUILT_IN_MODELS.find((model) => model.id === id)
  if (known) return known
  return {
    id,
    label: modelLabel(id, catalogEntry?.name),
    tier: /pro/i.test(id) ? 'pro' : 'fast',
    sizes: ['1K', '2K'],
    maxInputImages: 4,
    maxReferences: 0,
    maxFontInputs: MAX_FONT_INPUTS,
    backgrounds: [],
    efforts: [],
    scoring: false,
    // Another model's prices would be a guess shown as this one's: its record, if any, is read where it is priced.
    pricing: isFreeVariant(id) ? { kind: 'free' } : { kind: 'unknown' },
    timeoutMs: UNKNOWN_TIMEOUT_MS,
    isNew: true,
  }
}

/** Said both when marking layers and before sending, so the designer reads one limit in one wording. */
export function referenceLimitMessage(model: ModelCapabilities, count: number, counted: 'selected' | 'marked as reference'): string {
  if (model.maxReferences === 0) return `${model.label} takes no references; ${count} are ${counted}. Use Riverflow 2 for refSR.`
  return `At most ${model.maxReferences} references can be sent; ${count} are ${counted}.`
}

// What each of OpenRouter's two roads carries for a model (docs/contracts.md#the-image-api); its helpers
// are in road-capabilities.ts.

/** How far an explicit `size: "WxH"` may go (docs/contracts.md#exact-sizes). */
export interface ExactSizeLimits {
  maxSide: number
  maxPixels: number
  /** The long side over the short one. */
  maxRatio: number
  minSide: number
}

/** One `pricing` line of an endpoint record. */
export interface PricingLine {
  billable: string
  unit: 'image' | 'megapixel'
  costUsd: number
  /** `2k`, `4k`…; absent: the base price. */
  variant?: string
}

/** The formats the Image API's `output_format` names that this build reads. */
export type OutputFormat = 'png' | 'jpeg' | 'webp'

/** The facts of ModelCapabilities that differ by road, and what only a road has. */
export type RoadCapabilities = Pick<ModelCapabilities, 'sizes' | 'maxInputImages' | 'maxReferences' | 'maxFontInputs' | 'backgrounds' | 'efforts' | 'scoring'> & {
  aspectRatios: readonly AspectRatio[]
  /** Explicit pixel sizes, within these limits; null: tiers only. */
  exactSize: ExactSizeLimits | null
  /** The `provider.options` key passthrough parameters travel under on the Image API; absent: none travel. */
  passthroughTo?: string
  /**
   * The keys the Image API's endpoint record allows there (`font_inputs`,
   * `scoring_prompt`…); absent where no record was read: the flags above then
   * say what the road carries.
   */
  passthrough?: readonly string[]
  /** The record's price lines, when it has any. */
  priceLines?: PricingLine[]
  /**
   * The image formats the Image API's endpoint record lists (`output_format`), best first:
   * the first is asked for. Empty where it lists none this build reads (none is asked);
   * absent where no record was read (PNG is asked).
   */
  outputFormats?: readonly OutputFormat[]
}
