/**
 * The stand-in's Image API (docs/contracts.md#the-image-api): `POST /api/v1/images` checked against
 * the documented body, and its answer, always base64.
 */
import { imageSizeFor } from '../images/png'
import { imageUrl, isImageUrl } from './answer-images'
import { ASPECT_RATIOS, costOf, ruleFor } from './model-rules'
import { type ModelWorld, listedModels } from './model-world'

/** Every key the Image API documents; anything else (font_inputs, image_config, reasoning…) is refused. */
const KEYS = ['model', 'prompt', 'resolution', 'aspect_ratio', 'n', 'output_format', 'background', 'seed', 'input_references', 'provider']

type Problem = { status: number; message: string } | null

export function imagesRequestProblem(body: Record<string, unknown>, world: ModelWorld): Problem {
  const model = typeof body.model === 'string' ? body.model : ''
  const rule = ruleFor(model, listedModels(world))
  if (!rule) return { status: 400, message: `${model || '(none)'} is not a valid model ID` }
  if (!world.catalog.some((entry) => entry.id === model)) return { status: 404, message: `No endpoints found for ${model}.` }
  const unknown = Object.keys(body).filter((key) => !KEYS.includes(key))
  if (unknown.length > 0) return { status: 400, message: `Unknown parameters: ${unknown.join(', ')}` }
  if (typeof body.prompt !== 'string' || body.prompt.trim() === '') return { status: 400, message: 'prompt must be a non-empty string' }
  const oneOf = (key: string, allowed: string[]): Problem =>
    body[key] !== undefined && !allowed.includes(String(body[key])) ? { status: 400, message: `${key} must be one of ${allowed.join(', ')}` } : null
  const problem =
    oneOf('resolution', rule.sizes) ??
    oneOf('aspect_ratio', [...ASPECT_RATIOS, 'auto']) ??
    oneOf('output_format', ['png', 'jpeg', 'webp']) ??
    oneOf('background', rule.backgrounds ? ['auto', 'transparent', 'opaque'] : ['auto'])
  if (problem) return problem
  if (body.n !== undefined && !(Number.isInteger(body.n) && (body.n as number) >= 1 && (body.n as number) <= 10)) return { status: 400, message: 'n must be 1 to 10' }
  return referencesProblem(body.input_references, rule.maxInputs)
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
  const resolution = String(body.resolution ?? '1K')
  const size = options.size ?? imageSizeFor(body.aspect_ratio === 'auto' ? '1:1' : String(body.aspect_ratio ?? '1:1'), resolution)
  const url = imageUrl(size, options.transparent ?? body.background === 'transparent')
  const count = options.images ?? 1
  const rule = ruleFor(String(body.model), listedModels(world))!
  return {
    created: Math.floor(Date.now() / 1000),
    data: Array.from({ length: count }, () => ({ b64_json: url.slice(url.indexOf(',') + 1), media_type: 'image/png' })),
    usage: { cost: costOf(rule, resolution, 0, 0, undefined) * count },
  }
}
