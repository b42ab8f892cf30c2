import { MAX_FONT_INPUTS } from '../fonts/font-input-problems'
import type { ModelCapabilities } from './capabilities'

const MINUTE = 60 * 1000
/** V2 Pro can take minutes; SPEC section 1 says allow up to 10 before giving up. */
const V2_TIMEOUT_MS = 10 * MINUTE
/** 2.5 and later reason before drawing: OpenRouter's own adapter polls up to 21 minutes (SPEC 1b); a little more. */
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
  // `xhigh` is documented as unconfirmed, and for Pro only: a value the model refuses would fail the request.
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
 * What SPEC section 1b says each Riverflow model does, for when OpenRouter's
 * catalog cannot be loaded and to give known slugs their full facts when it can.
 * Where a fact is unconfirmed, the value is the one that cannot get a request
 * refused or a price promised: an option left out costs the designer a choice,
 * a wrong one costs a failed generation.
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
  // 4K and 10 input images are unconfirmed for 2.5 Pro: it is offered the sizes and inputs 2.5 Fast is known to take.
  {
    ...V25_FAST,
    id: 'sourceful/riverflow-v2.5-pro',
    label: 'Riverflow 2.5 Pro',
    tier: 'pro',
    // A third party saw it listed at $0.13 a 1K image and billed about $0.25 (SPEC 1b); more at high effort.
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
