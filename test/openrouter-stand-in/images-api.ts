/**
 * The stand-in's Image API (docs/contracts.md#the-image-api): `POST /api/v1/images` checked against
 * the documented body and the endpoint's record, and its answers, always base64, in the format asked.
 */
import { imageSizeFor, toBase64 } from '../images/png'
import { type OutputFormat, WEBP, encodedImage, isImageUrl, noisyImageUrl } from './answer-images'
import { ASPECT_RATIOS, costOf, ruleFor, scoringProblem } from './model-rules'
import { EXACT_SIZE, type ImageEndpoint, explicitSize } from './image-records'
import { type ModelWorld, imagesApiModels, listedModels } from './model-world'
import type { Behaviour } from './server'

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
  // Each as the endpoint's record lists it: its supported parameters are the definitive set for that endpoint.
  const problem =
    sizeProblem(body, record) ??
    oneOf('resolution', enumOf('resolution', rule.sizes)) ??
    oneOf('aspect_ratio', enumOf('aspect_ratio', [...ASPECT_RATIOS, 'auto'])) ??
    oneOf('output_format', enumOf('output_format', ['png', 'jpeg', 'webp'])) ??
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
 * The Image API's answer to what a test scripted (docs/contracts.md#the-image-api), or null for
 * what goes the same on either road (an error status, a drop, a hang, a body cut short or late,
 * which server.ts makes of `imagesAnswerBody`). A generation that fails is answered 502 and not
 * charged there, so the chat road's failed choice (`choice-error`) comes as that 502.
 */
export function imagesBehaviourAnswer(behaviour: Behaviour, body: Record<string, unknown>, world: ModelWorld): { status: number; body: unknown } | null {
  const answer = (data: { b64_json: string; media_type: string }[], billed = true) => ({ status: 200, body: imagesAnswerBody(body, world, { data, billed }) })
  switch (behaviour.kind) {
    case 'success':
      return { status: 200, body: imagesAnswerBody(body, world, behaviour) }
    case 'no-image':
      return answer([], behaviour.billed ?? false)
    case 'choice-error':
      return { status: 502, body: { error: { code: 502, message: behaviour.message ?? 'Provider returned error' } } }
    case 'bad-image':
      return answer([{ b64_json: 'bm90IGFuIGltYWdlIGF0IGFsbA==', media_type: 'image/png' }])
    case 'webp':
      return answer([{ b64_json: toBase64(WEBP), media_type: 'image/webp' }])
    case 'large': {
      const url = noisyImageUrl(behaviour.megabytes)
      return answer([{ b64_json: url.slice(url.indexOf(',') + 1), media_type: 'image/png' }])
    }
    case 'odd-shape':
    case 'https-url':
      throw new Error(`${behaviour.kind} is a chat-completions answer: the Image API answers base64 only`)
    default:
      return null
  }
}

/**
 * The answer: `{created, data: [{b64_json, media_type}], usage: {cost}}`, with
 * `images` images (one by default) in the `output_format` asked (unasked, the
 * first its record lists, else PNG), or the `data` given; its cost that of each image, or of
 * one when `data` is given and `billed`.
 */
export function imagesAnswerBody(
  body: Record<string, unknown>,
  world: ModelWorld,
  options: { images?: number; size?: { width: number; height: number }; transparent?: boolean; data?: { b64_json: string; media_type: string }[]; billed?: boolean } = {},
) {
  const resolution = String(body.resolution ?? (['2K', '4K'].includes(String(body.size)) ? body.size : '1K'))
  const size = options.size ?? explicitSize(body.size) ?? imageSizeFor(body.aspect_ratio === 'auto' ? '1:1' : String(body.aspect_ratio ?? '1:1'), resolution)
  const format = (body.output_format ?? defaultFormat(recordOf(world, String(body.model)))) as OutputFormat
  const image = () => encodedImage(size, format, options.transparent ?? body.background === 'transparent')
  const data = options.data ?? Array.from({ length: options.images ?? 1 }, () => ({ b64_json: image().base64, media_type: image().mediaType }))
  const rule = ruleFor(String(body.model), listedModels(world))!
  const exact = explicitSize(body.size)
  const perImage = (exact && perMegapixelCost(recordOf(world, String(body.model)), exact)) ?? costOf(rule, resolution, 0, 0, undefined)
  const billedImages = options.data ? (options.billed ? 1 : 0) : data.length
  return { created: Math.floor(Date.now() / 1000), data, usage: { cost: perImage * billedImages } }
}

/** What an endpoint makes when no format is asked: the first its record lists, else PNG. */
function defaultFormat(record: ImageEndpoint | null): OutputFormat {
  const formats = record?.supported_parameters.output_format
  return formats?.type === 'enum' && formats.values.length > 0 ? (formats.values[0] as OutputFormat) : 'png'
}

/** An explicit size billed as the model's record prices it, per megapixel of the pixels asked for; null when the record says no such price. */
function perMegapixelCost(record: ImageEndpoint | null, size: { width: number; height: number }): number | null {
  const line = record?.pricing.find((entry) => entry.billable === 'output_image' && entry.unit === 'megapixel' && entry.variant === undefined)
  return line ? Math.round(((line.cost_usd * size.width * size.height) / 1_000_000) * 1000) / 1000 : null
}
