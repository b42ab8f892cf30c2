/**
 * The stand-in's Image API (docs/contracts.md#the-image-api): `POST /api/v1/images` checked against
 * the documented body, and its answer, always base64.
 */
import { imageSizeFor } from '../images/png'
import { imageUrl, isImageUrl } from './answer-images'
import { ASPECT_RATIOS, costOf, ruleFor, scoringProblem } from './model-rules'
import { EXACT_SIZE, type ImageEndpoint, explicitSize } from './image-records'
import { type ModelWorld, imagesApiModels, listedModels } from './model-world'

/** Every key the Image API documents; anything else (font_inputs, image_config, reasoning…) is refused. */
const KEYS = ['model', 'prompt', 'size', 'resolution', 'aspect_ratio', 'n', 'output_format', 'background', 'seed', 'input_references', 'provider']

type Problem = { status: number; message: string } | null

export function imagesRequestProblem(body: Record<string, unknown>, world: ModelWorld): Problem {
  const model = typeof body.model === 'string' ? body.model : ''
  const rule = ruleFor(model, listedModels(world))
  if (!rule) return { status: 400, message: `${model || '(none)'} is not a valid model ID` }
  if (!imagesApiModels(world).includes(model)) return { status: 404, message: `No endpoints found for ${model}.` }
  const unknown = Object.keys(body).filter((key) => !KEYS.includes(key))
  if (unknown.length > 0) return { status: 400, message: `Unknown parameters: ${unknown.join(', ')}` }
  if (typeof body.prompt !== 'string' || body.prompt.trim() === '') return { status: 400, message: 'prompt must be a non-empty string' }
  const record = recordOf(world, model)
  const enumOf = (key: string, fallback: string[]) => {
    const descriptor = record?.supported_parameters[key]
    return descriptor?.type === 'enum' ? descriptor.values : record ? [] : fallback
  }
  const oneOf = (key: string, allowed: string[]): Problem =>
    body[key] !== undefined && !allowed.includes(String(body[key])) ? { status: 400, message: `${key} must be one of ${allowed.join(', ') || '(not supported)'}` } : null
  // Unconfirmed formats aside, the plugin asks for PNG: every road must take it.
  const problem =
    sizeProblem(body, record) ??
    oneOf('resolution', enumOf('resolution', rule.sizes)) ??
    oneOf('aspect_ratio', enumOf('aspect_ratio', [...ASPECT_RATIOS, 'auto'])) ??
    oneOf('output_format', ['png', 'jpeg', 'webp']) ??
    oneOf('background', enumOf('background', rule.backgrounds ? ['auto', 'transparent', 'opaque'] : ['auto']))
  if (problem) return problem
  if (body.n !== undefined && !(Number.isInteger(body.n) && (body.n as number) >= 1 && (body.n as number) <= 10)) return { status: 400, message: 'n must be 1 to 10' }
  const inputs = record?.supported_parameters.input_references
  return referencesProblem(body.input_references, inputs?.type === 'range' ? inputs.max : rule.maxInputs) ?? scoringProblem(passedThrough(body, record))
}

/**
 * What reaches the provider of `provider.options`: the keys its record allows
 * under its slug; any other is dropped without a word, as OpenRouter does.
 */
export function passedThrough(body: Record<string, unknown>, record: ImageEndpoint | null): Record<string, unknown> {
  const provider = body.provider as { options?: Record<string, unknown> } | undefined
  const options = record ? provider?.options?.[record.provider_slug] : undefined
  if (!record || typeof options !== 'object' || options === null) return {}
  return Object.fromEntries(Object.entries(options).filter(([key]) => record.allowed_passthrough_parameters.includes(key)))
}

/** The model's first endpoint record, when the world holds a readable one. */
function recordOf(world: ModelWorld, model: string): ImageEndpoint | null {
  const endpoints = world.records[model]
  return Array.isArray(endpoints) && endpoints[0]?.supported_parameters ? (endpoints[0] as ImageEndpoint) : null
}

/** `size`: a tier, or explicit pixels within the model's limits and alone (an explicit size with `resolution` or `aspect_ratio` is a 400). */
function sizeProblem(body: Record<string, unknown>, record: ImageEndpoint | null): Problem {
  if (body.size === undefined) return null
  if (!record?.supported_parameters.size) return { status: 400, message: 'size is not supported by this model' }
  if (['1K', '2K', '4K'].includes(String(body.size))) return null
  const size = explicitSize(body.size)
  if (!size) return { status: 400, message: 'size must be a tier or WIDTHxHEIGHT' }
  if (body.resolution !== undefined || body.aspect_ratio !== undefined) {
    return { status: 400, message: 'An explicit pixel size is authoritative: do not send resolution or aspect_ratio with it' }
  }
  const { width, height } = size
  const ratio = Math.max(width, height) / Math.min(width, height)
  if (width < 64 || height < 64 || Math.max(width, height) > EXACT_SIZE.maxSide || width * height > EXACT_SIZE.maxPixels || ratio > EXACT_SIZE.maxRatio) {
    return { status: 400, message: `size ${width}x${height} is outside 64 to 16384 px an edge, 16.8 megapixels and 16:1` }
  }
  return null
}

function referencesProblem(references: unknown, max: number): Problem {
  if (references === undefined) return null
  if (!Array.isArray(references) || references.length > max) return { status: 400, message: `input_references takes at most ${max} images` }
  const valid = (entry: { type?: unknown; image_url?: { url?: unknown } }) =>
    entry?.type === 'image_url' && typeof entry.image_url?.url === 'string' && isImageUrl(entry.image_url.url)
  return references.every(valid) ? null : { status: 400, message: 'input_references must be image_url entries with a png, jpeg, webp or gif data URL or an https URL' }
}

/**
 * The answer: `{created, data: [{b64_json, media_type}], usage: {cost}}`, with
 * `images` PNGs (one by default). PNG whatever `output_format` says: the plugin asks for nothing else.
 */
export function imagesAnswerBody(body: Record<string, unknown>, world: ModelWorld, options: { images?: number; size?: { width: number; height: number }; transparent?: boolean } = {}) {
  const resolution = String(body.resolution ?? (['2K', '4K'].includes(String(body.size)) ? body.size : '1K'))
  const size = options.size ?? explicitSize(body.size) ?? imageSizeFor(body.aspect_ratio === 'auto' ? '1:1' : String(body.aspect_ratio ?? '1:1'), resolution)
  const url = imageUrl(size, options.transparent ?? body.background === 'transparent')
  const count = options.images ?? 1
  const rule = ruleFor(String(body.model), listedModels(world))!
  const exact = explicitSize(body.size)
  const perImage = (exact && perMegapixelCost(recordOf(world, String(body.model)), exact)) ?? costOf(rule, resolution, 0, 0, undefined)
  return {
    created: Math.floor(Date.now() / 1000),
    data: Array.from({ length: count }, () => ({ b64_json: url.slice(url.indexOf(',') + 1), media_type: 'image/png' })),
    usage: { cost: perImage * count },
  }
}

/** An explicit size billed as the model's record prices it, per megapixel of the pixels asked for; null when the record says no such price. */
function perMegapixelCost(record: ImageEndpoint | null, size: { width: number; height: number }): number | null {
  const line = record?.pricing.find((entry) => entry.billable === 'output_image' && entry.unit === 'megapixel' && entry.variant === undefined)
  return line ? Math.round(((line.cost_usd * size.width * size.height) / 1_000_000) * 1000) / 1000 : null
}
