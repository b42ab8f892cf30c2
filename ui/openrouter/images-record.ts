import type { AspectRatio, BackgroundMode, ImageSize } from '../../common/domain'
import { type ExactSizeLimits, MAX_FONT_INPUTS, type ModelCapabilities, type OutputFormat, type PricingLine, type RoadCapabilities } from '../../common/models'
import { EXACT_SIZE_LIMITS, imagesRoadWithoutRecord } from '../../common/road-capabilities'
import { ASPECT_RATIOS, IMAGE_SIZES } from '../../common/sizes'
import { isObject } from '../../common/read/is-object'

/**
 * What one Image API endpoint record says, each fact null (or empty) when the
 * record does not say it readably: the built-in table then keeps its own.
 */
interface ImagesRecord {
  /** The key of `provider.options` that passthrough parameters go under. */
  providerSlug: string
  sizes: ImageSize[] | null
  aspectRatios: AspectRatio[] | null
  maxInputImages: number | null
  /** The backgrounds a designer may choose on this road, Original first; empty: none to choose. */
  backgrounds: BackgroundMode[]
  passthrough: string[]
  /** Explicit `size: "WxH"`; null: tiers only. */
  exactSize: ExactSizeLimits | null
  /** The `output_format` values it lists that this build reads, best first (OUTPUT_FORMATS); empty: none. */
  outputFormats: OutputFormat[]
  pricing: PricingLine[]
}

/**
 * Best first. PNG: Figma takes it as it is, and it keeps a cut-out's alpha. WebP keeps it too
 * (the lander re-encodes it for Figma); JPEG, which does not, last.
 */
const OUTPUT_FORMATS: readonly OutputFormat[] = ['png', 'webp', 'jpeg']

/**
 * The endpoint to trust from `ImageModelEndpointsResponse`
 * (docs/contracts.md#image-api-discovery): Sourceful's own, else the first
 * that has parameters. Kept raw: readImagesRecord reads it, live or cached.
 */
export function pickImagesEndpoint(body: unknown): unknown {
  const endpoints = isObject(body) && Array.isArray(body.endpoints) ? body.endpoints.filter((e) => isObject(e) && isObject(e.supported_parameters)) : []
  return endpoints.find((e) => (e as { provider_slug?: unknown }).provider_slug === 'sourceful') ?? endpoints[0] ?? null
}

/**
 * One endpoint record, read defensively: null when it is not a record at all;
 * a fact that reads oddly (no known value, a range that is not numbers) is left
 * unsaid rather than guessed, so that it changes nothing.
 */
function readImagesRecord(raw: unknown): ImagesRecord | null {
  if (!isObject(raw) || !isObject(raw.supported_parameters)) return null
  const parameters = raw.supported_parameters
  const sizes = known(enumValues(parameters.resolution), IMAGE_SIZES)
  const ratios = known(enumValues(parameters.aspect_ratio), ASPECT_RATIOS)
  const inputs = rangeOf(parameters.input_references)
  const outputFormats = known(enumValues(parameters.output_format), OUTPUT_FORMATS) ?? []
  // A cut-out is the one background choice this road carries. Its "opaque" takes no colour: it is
  // not the designer's solid colour, and offering it alone would be a choice that changes nothing.
  // It needs a format with alpha: a record that makes only JPEG (2.5 Fast's, as read; best first, so JPEG first) cannot return one.
  const backgrounds: BackgroundMode[] = outputFormats[0] !== 'jpeg' && (enumValues(parameters.background) ?? []).includes('transparent') ? ['original', 'transparent'] : []
  return {
    providerSlug: typeof raw.provider_slug === 'string' && raw.provider_slug !== '' ? raw.provider_slug : 'sourceful',
    sizes,
    aspectRatios: ratios,
    maxInputImages: inputs && Number.isInteger(inputs.max) && inputs.max >= 0 && inputs.max <= 16 ? inputs.max : null,
    backgrounds,
    passthrough: Array.isArray(raw.allowed_passthrough_parameters) ? raw.allowed_passthrough_parameters.filter((p): p is string => typeof p === 'string') : [],
    exactSize: exactSizeOf(parameters.size),
    outputFormats,
    pricing: Array.isArray(raw.pricing) ? raw.pricing.map(pricingLine).filter((line): line is PricingLine => line !== null) : [],
  }
}

/** The passthrough parameters this build sends where a record allows them (docs/contracts.md#the-image-api). */
const PASSTHROUGH_KEYS = ['font_inputs', 'scoring_prompt', 'scoring_rubric']

/**
 * What the Image API carries for a model as its endpoint record says: a fact
 * of the record beats the built-in table (`table`), for that road only, and
 * its passthrough keys decide what travels in provider.options, the table's
 * caution aside. A record that does not read changes nothing: the road as
 * known without one.
 */
export function imagesRoadOf(table: ModelCapabilities, endpoint: unknown): RoadCapabilities {
  const base = imagesRoadWithoutRecord(table)
  const record = endpoint === undefined ? null : readImagesRecord(endpoint)
  if (!record) return base
  const passthrough = record.passthrough.filter((key) => PASSTHROUGH_KEYS.includes(key))
  return {
    ...base,
    sizes: record.sizes ?? base.sizes,
    maxInputImages: record.maxInputImages ?? base.maxInputImages,
    backgrounds: record.backgrounds,
    maxFontInputs: passthrough.includes('font_inputs') ? MAX_FONT_INPUTS : 0,
    scoring: passthrough.includes('scoring_prompt') || passthrough.includes('scoring_rubric'),
    passthrough,
    ...(passthrough.length > 0 ? { passthroughTo: record.providerSlug } : {}),
    aspectRatios: record.aspectRatios ?? base.aspectRatios,
    exactSize: record.exactSize,
    outputFormats: record.outputFormats,
    ...(record.pricing.length > 0 ? { priceLines: record.pricing } : {}),
  }
}

/**
 * `size` as a range (per edge) or a boolean: explicit pixels. An enum of tiers
 * only, or any other spelling, is no promise of exact sizes: tiers then.
 */
function exactSizeOf(descriptor: unknown): ExactSizeLimits | null {
  if (!isObject(descriptor)) return null
  if (descriptor.type === 'boolean') return EXACT_SIZE_LIMITS
  const range = rangeOf(descriptor)
  if (!range || !(range.max >= 512)) return null
  return { ...EXACT_SIZE_LIMITS, maxSide: Math.min(range.max, EXACT_SIZE_LIMITS.maxSide), minSide: Math.max(range.min, 1) }
}

function pricingLine(raw: unknown): PricingLine | null {
  if (!isObject(raw) || typeof raw.cost_usd !== 'number' || !Number.isFinite(raw.cost_usd) || raw.cost_usd < 0) return null
  if (raw.unit !== 'image' && raw.unit !== 'megapixel') return null
  if (typeof raw.billable !== 'string') return null
  return { billable: raw.billable, unit: raw.unit, costUsd: raw.cost_usd, ...(typeof raw.variant === 'string' ? { variant: raw.variant.toLowerCase() } : {}) }
}

function enumValues(descriptor: unknown): string[] | null {
  if (!isObject(descriptor) || descriptor.type !== 'enum' || !Array.isArray(descriptor.values)) return null
  return descriptor.values.filter((value): value is string => typeof value === 'string')
}

function rangeOf(descriptor: unknown): { min: number; max: number } | null {
  if (!isObject(descriptor) || descriptor.type !== 'range') return null
  const { min, max } = descriptor
  return typeof min === 'number' && typeof max === 'number' && Number.isFinite(min) && Number.isFinite(max) && min <= max ? { min, max } : null
}

/** The values this build knows, in its own order; null when none is known. */
function known<T extends string>(values: string[] | null, order: readonly T[]): T[] | null {
  const kept = order.filter((value) => values?.includes(value))
  return kept.length > 0 ? kept : null
}
