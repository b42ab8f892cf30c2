/**
 * The Image API's discovery records, in the shapes of OpenRouter's published
 * OpenAPI (the TypeScript SDK's `ImageModelsListResponse` and
 * `ImageModelEndpointsResponse`, docs/contracts.md#image-api-discovery): for
 * 2.5 the values OpenRouter's records were read with; for 2.6 Pro, whose record
 * was not read, the stand-in's own guess (an explicit `size`, megapixel
 * pricing, scoring as passthrough), which tests may change or remove: its
 * passthrough keys are unconfirmed, so `riverflow26ProRecord` serves it with
 * scoring or without.
 */

/** One typed descriptor of `supported_parameters`: an enum, a range or a boolean. */
export type CapabilityDescriptor = { type: 'enum'; values: string[] } | { type: 'range'; min: number; max: number } | { type: 'boolean' }

export interface ImagePricingEntry {
  billable: 'output_image' | 'input_image' | 'input_font' | 'input_reference' | 'input_text'
  unit: 'image' | 'megapixel' | 'token'
  cost_usd: number
  variant?: string
}

export interface ImageEndpoint {
  provider_name: string
  provider_slug: string
  provider_tag: string | null
  supported_parameters: Record<string, CapabilityDescriptor>
  allowed_passthrough_parameters: string[]
  supports_streaming: boolean
  pricing: ImagePricingEntry[]
}

const RATIOS = ['1:1', '4:3', '3:4', '3:2', '2:3', '16:9', '9:16', '21:9', 'auto']
const enumOf = (...values: string[]): CapabilityDescriptor => ({ type: 'enum', values })
const range = (min: number, max: number): CapabilityDescriptor => ({ type: 'range', min, max })

function sourceful(parameters: Record<string, CapabilityDescriptor>, pricing: ImagePricingEntry[], passthrough = ['font_inputs']): ImageEndpoint {
  return {
    provider_name: 'Sourceful',
    provider_slug: 'sourceful',
    provider_tag: 'sourceful',
    supported_parameters: { n: range(1, 1), background: enumOf('auto', 'transparent', 'opaque'), ...parameters },
    allowed_passthrough_parameters: passthrough,
    supports_streaming: false,
    pricing,
  }
}

const perImage = (cost_usd: number, variant?: string): ImagePricingEntry => ({ billable: 'output_image', unit: 'image', cost_usd, ...(variant ? { variant } : {}) })

const FAST = sourceful(
  // Its record listed jpeg only, which its transparent background contradicts: kept as read.
  { resolution: enumOf('1K', '2K'), aspect_ratio: enumOf(...RATIOS), output_format: enumOf('jpeg'), input_references: range(0, 4) },
  [perImage(0.019), perImage(0.021, '2k')],
)

/** The endpoint records by model, as `GET /api/v1/images/models/{author}/{slug}/endpoints` gives them. */
export function defaultImageRecords(): Record<string, ImageEndpoint[]> {
  return {
    'sourceful/riverflow-v2.5-fast': [FAST],
    'sourceful/riverflow-v2.5-fast:free': [{ ...FAST, pricing: [{ ...perImage(0) }] }],
    'sourceful/riverflow-v2.5-pro': [
      sourceful(
        { resolution: enumOf('1K', '2K', '4K'), aspect_ratio: enumOf(...RATIOS), output_format: enumOf('png', 'jpeg', 'webp'), input_references: range(0, 10) },
        [perImage(0.13), perImage(0.15, '2k'), perImage(0.17, '4k')],
      ),
    ],
    'sourceful/riverflow-v2.6-pro': [riverflow26ProRecord({ scoring: true })],
  }
}

/**
 * 2.6 Pro's record as the stand-in guesses it. Its description names scoring
 * among its options; whether its record allows `scoring_prompt` and
 * `scoring_rubric` as passthrough is unconfirmed, so tests serve both.
 */
export function riverflow26ProRecord(options: { scoring: boolean }): ImageEndpoint {
  return sourceful(
    {
      resolution: enumOf('1K', '2K', '4K'),
      aspect_ratio: enumOf(...RATIOS, '5:4', '4:5'),
      output_format: enumOf('png', 'jpeg', 'webp'),
      input_references: range(0, 10),
      // Explicit pixels, up to 16,384 px an edge (its description); how the record spells it is unconfirmed.
      size: range(64, 16384),
    },
    [{ billable: 'output_image', unit: 'megapixel', cost_usd: 0.04 }],
    options.scoring ? ['font_inputs', 'scoring_prompt', 'scoring_rubric'] : ['font_inputs'],
  )
}

/** A model's entry of `ImageModelsListResponse`: the union of its endpoints' parameters, and where their records are. */
export function imageModelListItem(id: string, name: string, endpoints: ImageEndpoint[] | undefined) {
  const union: Record<string, CapabilityDescriptor> = {}
  for (const endpoint of Array.isArray(endpoints) ? endpoints : []) Object.assign(union, endpoint?.supported_parameters)
  return {
    id,
    name,
    description: `${name}, an image model.`,
    created: 1767225600,
    architecture: { input_modalities: ['text', 'image'], output_modalities: ['image'] },
    supported_parameters: union,
    supports_streaming: false,
    endpoints: `/api/v1/images/models/${id}/endpoints`,
  }
}

/** Limits of an explicit `size` (2.6 Pro's description): per edge, in all, and the widest ratio. */
export const EXACT_SIZE = { maxSide: 16384, maxPixels: 16_800_000, maxRatio: 16 }

/** "2400x1256" → its sides, or null when it is not explicit pixels. */
export function explicitSize(size: unknown): { width: number; height: number } | null {
  const match = typeof size === 'string' ? /^(\d{1,5})x(\d{1,5})$/.exec(size) : null
  return match ? { width: Number(match[1]), height: Number(match[2]) } : null
}
