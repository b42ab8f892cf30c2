/**
 * A local stand-in for OpenRouter's API on 127.0.0.1, enforcing the contract in
 * docs/contracts.md (OpenRouter's sections): it refuses what OpenRouter refuses, answers
 * with real PNG images of Sourceful's documented sizes, and can be told to answer
 * the next requests with any error, delay or oddity seen in the wild. The
 * Riverflow family's rules, the model catalog and the Image API live in their own
 * files (model-rules.ts, model-world.ts, images-api.ts); `models` changes that world.
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { imageSizeFor, readImageInfo, toBase64 } from '../images/png'
import { type AuthCodes, createAuthKeysEndpoint } from './auth-keys'
import { WEBP, imageUrl, isImageUrl, noisyImageUrl } from './answer-images'
import { imagesAnswerBody, imagesBehaviourAnswer, imagesRequestProblem } from './images-api'
import { ASPECT_RATIOS, costOf, extrasProblem, ruleFor } from './model-rules'
import { type ModelWorld, catalogAnswer, createModelWorld, freeBusyAnswer, imageEndpointsAnswer, imagesModelsAnswer, listedModels, resetModelWorld } from './model-world'

export const TEST_KEY = 'sk-or-v1-test-key-0000000000000000'
/** Sourceful's cap on the whole request (4.5 MB). */
export const MAX_REQUEST_BYTES = 4.5 * 1024 * 1024

/**
 * Where else a paid image can sit in a 200, and how else its URL can be written,
 * beside the documented shape: the plugin must keep the image in each.
 */
export const ANSWER_SHAPES = [
  /** `"error": null` beside the answer. */
  'error-null',
  /** finish_reason "error" and a choice error, yet an image. */
  'finish-error',
  /** The URL with a leading space. */
  'padded-url',
  /** `DATA:` instead of `data:`. */
  'upper-case-scheme',
  /** `image_url` as a plain string instead of `{url}`. */
  'string-image-url',
  /** The image as an image_url part of `message.content`, with no `images`. */
  'content-parts',
  /** An empty first choice; the image in the second. */
  'second-choice',
] as const
export type AnswerShape = (typeof ANSWER_SHAPES)[number]

/**
 * What the next generation answers with (FIFO; an empty queue answers normally), on either road:
 * the Image API answers each in its own shape (images-api.ts), and refuses the two that only chat
 * completions has (`odd-shape`, `https-url`). Every behaviour may add `delayMs` before answering.
 */
export type Behaviour = { delayMs?: number } & (
  /**
   * `transparent` forces a cut-out (alpha) or an opaque image whatever the request's background asked;
   * `coordinates` answers pixels that each say where they are (answer-images.ts), for chat models.
   */
  | { kind: 'success'; images?: number; size?: { width: number; height: number }; transparent?: boolean; coordinates?: boolean }
  /**
   * An OpenRouter error body with this HTTP status (400, 401, 402, 403, 404, 408, 413, 429, 500, 502, 503, 524, 529).
   * `retryAfter` adds a Retry-After header (seconds): OpenRouter says a 429 or 503 may carry one, not that it does, so none unless asked.
   */
  | { kind: 'error'; status: number; message?: string; metadata?: Record<string, unknown>; retryAfter?: number }
  /**
   * The model failed after starting: on chat completions a 200 whose choice carries `error` and finish_reason "error";
   * on the Image API the 502 it answers a failed generation with, not charged.
   */
  | { kind: 'choice-error'; message?: string }
  /**
   * HTTP 200 with no image at all: a message without images (seen for Riverflow), or the Image API's empty `data`;
   * `billed`: its usage.cost that of an image all the same.
   */
  | { kind: 'no-image'; billed?: boolean }
  /** HTTP 200 with a body that is not JSON. */
  | { kind: 'not-json' }
  /** HTTP 200 whose image data URL is not an image. */
  | { kind: 'bad-image' }
  /** A WebP image instead of PNG (on the Image API, with its media_type, whatever output_format asked). */
  | { kind: 'webp' }
  /** An image of the documented size, in one of the odd shapes. */
  | { kind: 'odd-shape'; shape: AnswerShape }
  /** The image as an https URL on another host. */
  | { kind: 'https-url'; url?: string }
  /** Keep-alive blank lines and spaces for `keepAliveMs` before the JSON. */
  | { kind: 'keep-alive'; keepAliveMs?: number }
  /** The connection is destroyed without an answer. */
  | { kind: 'drop' }
  /**
   * HTTP 200 and the start of an answer, then the connection is destroyed (the model ran).
   * The browser tests' routing reads whole answers, so there it arrives as a plain drop.
   */
  | { kind: 'drop-mid-answer' }
  /** Never answers (until the client gives up or the server closes). */
  | { kind: 'hang' }
  /** HTTP 200 whose body ends halfway through the JSON, the connection closed cleanly. */
  | { kind: 'truncated' }
  /** HTTP 200 whose answer arrives a few bytes at a time over `trickleMs`. */
  | { kind: 'trickle'; trickleMs: number }
  /** A noisy PNG that does not compress: an answer of about `megabytes` MB of base64. */
  | { kind: 'large'; megabytes: number }
)

export interface RecordedRequest {
  method: string
  path: string
  headers: IncomingMessage['headers']
  bytes: number
  body: unknown
  status: number
  /** When the request arrived and when it was answered (ms since epoch), to measure concurrency. */
  receivedAt: number
  answeredAt: number | null
  /** The answer's `usage.cost`, when it carried one: what OpenRouter billed for it. */
  cost?: number
}

export interface KeyInfo {
  label: string
  limit: number | null
  limit_remaining: number | null
  usage: number
  usage_daily: number
  is_free_tier: boolean
}

export interface StandInOptions {
  validKeys?: string[]
  keyInfo?: Partial<KeyInfo>
  /** Added before every answer, to stand in for the model's work. */
  latencyMs?: number
  /**
   * Each answer's `usage.cost` comes off the key's credit (`limit_remaining` down,
   * `usage` up), as OpenRouter bills it: for `npm run preview`. Off for the tests,
   * which set the key's figures themselves (setKeyInfo).
   */
  spendsCredit?: boolean
}

export interface OpenRouterStandIn {
  /** http://127.0.0.1:PORT, without a trailing slash. */
  url: string
  requests: RecordedRequest[]
  /** The chat-completions requests only. */
  generations: () => RecordedRequest[]
  /** The Image API's `POST /api/v1/images` requests only. */
  imageGenerations: () => RecordedRequest[]
  /** The catalog, the Image API's list, chatless models and the busy free tier: set a field to change them. */
  models: ModelWorld
  enqueue: (...behaviours: Behaviour[]) => void
  /** Sign-in codes (auth-keys.ts): mint one for a challenge, expire it, or make the next exchanges fail. */
  auth: AuthCodes
  setLatency: (ms: number) => void
  /** What `GET /api/v1/key` tells of the key (a limit spent, the free tier…), until reset. */
  setKeyInfo: (change: Partial<KeyInfo>) => void
  reset: () => void
  close: () => Promise<void>
}

export async function startOpenRouterStandIn(options: StandInOptions = {}): Promise<OpenRouterStandIn> {
  const validKeys = options.validKeys ?? [TEST_KEY]
  const startingKeyInfo: KeyInfo = {
    label: 'Riverflow test key',
    limit: 10,
    limit_remaining: 7.5,
    usage: 2.5,
    usage_daily: 0.5,
    is_free_tier: false,
    ...options.keyInfo,
  }
  let keyInfo = startingKeyInfo
  const queue: Behaviour[] = []
  const requests: RecordedRequest[] = []
  const open = new Set<ServerResponse>()
  let latencyMs = options.latencyMs ?? 0
  let counter = 0
  const authKeys = createAuthKeysEndpoint(validKeys[0])
  const world = createModelWorld()

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const receivedAt = Date.now()
    const url = new URL(request.url ?? '/', 'http://stand-in')
    const raw = await readBody(request)
    const record: RecordedRequest = {
      method: request.method ?? 'GET',
      path: url.pathname + url.search,
      headers: request.headers,
      bytes: raw.length,
      body: null,
      status: 0,
      receivedAt,
      answeredAt: null,
    }
    requests.push(record)
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      if (options.spendsCredit && status === 200) keyInfo = spend(keyInfo, body)
      record.status = status
      record.answeredAt = Date.now()
      const cost = typeof body === 'object' && body !== null ? (body as { usage?: { cost?: unknown } }).usage?.cost : undefined
      if (typeof cost === 'number') record.cost = cost
      if (response.destroyed) return
      response.writeHead(status, { ...CORS, 'Content-Type': 'application/json', ...headers })
      response.end(typeof body === 'string' ? body : JSON.stringify(body))
    }
    const fail = (status: number, message: string, metadata?: Record<string, unknown>, headers?: Record<string, string>) =>
      send(status, { error: { code: status, message, ...(metadata ? { metadata } : {}) } }, headers)

    if (request.method === 'OPTIONS') {
      record.status = 204
      response.writeHead(204, { ...CORS, 'Access-Control-Max-Age': '600' }).end()
      return
    }
    const auth = request.headers.authorization ?? ''
    const key = auth.startsWith('Bearer ') ? auth.slice(7) : ''
    const route = `${request.method} ${url.pathname}`

    if (route === 'GET /api/v1/models') {
      const answer = catalogAnswer(world, url)
      return send(answer.status, answer.body)
    }
    if (route === 'GET /api/v1/images/models') {
      const answer = imagesModelsAnswer(world)
      return send(answer.status, answer.body)
    }
    if (request.method === 'GET' && /^\/api\/v1\/images\/models\/.+\/endpoints$/.test(url.pathname)) {
      const answer = imageEndpointsAnswer(world, url.pathname)
      return send(answer.status, answer.body)
    }
    if (route === 'GET /api/v1/key') {
      if (!validKeys.includes(key)) return fail(401, 'No auth credentials found')
      return send(200, { data: keyInfo })
    }
    if (route === 'POST /api/v1/auth/keys') return exchangeCode(raw, record, request, send)
    const imagesApi = route === 'POST /api/v1/images'
    if (route !== 'POST /api/v1/chat/completions' && !imagesApi) return fail(404, `Not found: ${route}`)

    // The request is checked in OpenRouter's order: size, key, body, model, parameters.
    if (raw.length > MAX_REQUEST_BYTES) return fail(413, `Request body of ${raw.length} bytes exceeds the 4.5 MB limit`)
    if (!validKeys.includes(key)) return fail(401, 'No auth credentials found')
    let body: Record<string, unknown>
    try {
      body = JSON.parse(raw.toString('utf8'))
    } catch {
      return fail(400, 'Request body is not valid JSON')
    }
    record.body = body
    const problem = imagesApi ? imagesRequestProblem(body, world) : validate(body, world)
    if (problem) return fail(problem.status, problem.message)
    const busy = freeBusyAnswer(world, String(body.model))
    if (busy) return fail(busy.status, busy.message, undefined, busy.headers)

    const behaviour = queue.shift() ?? { kind: 'success' }
    const delay = latencyMs + (behaviour.delayMs ?? 0)
    if (delay > 0 && !(await waitUnlessClosed(response, delay))) return
    const model = body.model as string
    const config = (body.image_config ?? {}) as Record<string, unknown>

    // The Image API has answers of its own (images-api.ts); what goes the same on both roads is below,
    // made of the road's own answer of one image.
    if (imagesApi) {
      const answer = imagesBehaviourAnswer(behaviour, body, world)
      if (answer) return send(answer.status, answer.body)
    }
    const oneImage = () => (imagesApi ? imagesAnswerBody(body, world) : completion(model, body, [imageUrl(outputSize(body))], config))
    switch (behaviour.kind) {
      case 'error': {
        const headers: Record<string, string> = behaviour.retryAfter !== undefined ? { 'Retry-After': String(behaviour.retryAfter) } : {}
        return fail(behaviour.status, behaviour.message ?? defaultMessage(behaviour.status), behaviour.metadata ?? defaultMetadata(behaviour.status), headers)
      }
      case 'drop':
        record.status = -1
        request.socket.destroy()
        return
      case 'drop-mid-answer': {
        record.status = 200
        response.writeHead(200, { ...CORS, 'Content-Type': 'application/json' })
        const text = JSON.stringify(oneImage())
        response.write(text.slice(0, 200))
        // Destroyed at once, the socket may lose what was written; the pause lets the start arrive.
        await sleep(200)
        request.socket.destroy()
        return
      }
      case 'hang':
        open.add(response)
        return
      case 'not-json':
        record.status = 200
        response.writeHead(200, { ...CORS, 'Content-Type': 'text/html' }).end('<html><body>upstream said something odd</body></html>')
        return
      case 'choice-error':
        return send(200, completion(model, body, [], config, {
          finish_reason: 'error',
          error: { code: 502, message: behaviour.message ?? 'Provider returned error' },
        }))
      case 'no-image':
        return send(200, completion(model, body, [], config, {}, behaviour.billed))
      case 'bad-image':
        return send(200, completion(model, body, ['data:image/png;base64,bm90IGFuIGltYWdlIGF0IGFsbA=='], config))
      case 'webp':
        return send(200, completion(model, body, [`data:image/webp;base64,${toBase64(WEBP)}`], config))
      case 'odd-shape':
        return send(200, reshape(completion(model, body, [imageUrl(outputSize(body))], config), behaviour.shape))
      case 'https-url':
        return send(200, completion(model, body, [behaviour.url ?? 'https://images.example.test/gen/result.png'], config))
      case 'keep-alive': {
        record.status = 200
        response.writeHead(200, { ...CORS, 'Content-Type': 'application/json' })
        const until = Date.now() + (behaviour.keepAliveMs ?? 300)
        while (Date.now() < until && !response.destroyed) {
          response.write('\n \n')
          await sleep(50)
        }
        response.end(JSON.stringify(oneImage()))
        return
      }
      case 'truncated': {
        const text = JSON.stringify(oneImage())
        record.status = 200
        response.writeHead(200, { ...CORS, 'Content-Type': 'application/json' }).end(text.slice(0, Math.floor(text.length / 2)))
        return
      }
      case 'trickle': {
        const text = JSON.stringify(oneImage())
        record.status = 200
        response.writeHead(200, { ...CORS, 'Content-Type': 'application/json' })
        const pieces = 20
        for (let i = 0; i < pieces && !response.destroyed; i++) {
          response.write(text.slice((i * text.length) / pieces, ((i + 1) * text.length) / pieces))
          await sleep(behaviour.trickleMs / pieces)
        }
        response.end()
        return
      }
      case 'large':
        return send(200, completion(model, body, [noisyImageUrl(behaviour.megabytes)], config))
      case 'success': {
        const size = behaviour.size ?? outputSize(body)
        const transparent = behaviour.transparent ?? config.background_mode === 'transparent'
        const images = Array.from({ length: behaviour.images ?? 1 }, () => imageUrl(size, transparent, behaviour.coordinates))
        return send(200, completion(model, body, images, config))
      }
    }
  }

  /** Sign-in: the code and verifier for a key (auth-keys.ts), recorded like any request. */
  function exchangeCode(raw: Buffer, record: RecordedRequest, request: IncomingMessage, send: (status: number, body: unknown) => void): void {
    try {
      record.body = JSON.parse(raw.toString('utf8'))
    } catch {
      record.body = null
    }
    const answer = authKeys.exchange(record.body)
    if (answer.kind === 'answer') return send(answer.status, answer.body)
    record.status = -1
    request.socket.destroy()
  }

  function completion(model: string, body: Record<string, unknown>, images: string[], config: Record<string, unknown>, choiceExtra: Record<string, unknown> = {}, billed = images.length > 0) {
    const rule = ruleFor(model, listedModels(world))!
    const fonts = Array.isArray(config.font_inputs) ? config.font_inputs.length : 0
    const refs = Array.isArray(config.super_resolution_references) ? config.super_resolution_references.length : 0
    const effort = (body.reasoning as { effort?: string } | undefined)?.effort
    const cost = costOf(rule, String(config.image_size ?? '1K'), fonts, refs, effort)
    return completionBody({ id: `gen-${Date.now()}-${++counter}`, model, imageUrls: images, cost: billed ? cost : 0, choiceExtra })
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error) => {
      if (!response.headersSent && !response.destroyed) {
        response.writeHead(500, { ...CORS, 'Content-Type': 'application/json' })
        response.end(JSON.stringify({ error: { code: 500, message: `stand-in failed: ${String(error)}` } }))
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    generations: () => requests.filter((r) => r.path === '/api/v1/chat/completions' && r.method === 'POST'),
    imageGenerations: () => requests.filter((r) => r.path === '/api/v1/images' && r.method === 'POST'),
    models: world,
    enqueue: (...behaviours) => queue.push(...behaviours),
    auth: authKeys,
    setLatency: (ms) => {
      latencyMs = ms
    },
    setKeyInfo: (change) => {
      keyInfo = { ...keyInfo, ...change }
    },
    reset: () => {
      keyInfo = startingKeyInfo
      queue.length = 0
      requests.length = 0
      authKeys.reset()
      resetModelWorld(world)
    },
    close: () =>
      new Promise((resolve) => {
        for (const response of open) response.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** The key's figures after an answer that carries a charge (`usage.cost`); as they were for any other. */
function spend(info: KeyInfo, body: unknown): KeyInfo {
  const cost = (body as { usage?: { cost?: unknown } } | null)?.usage?.cost
  if (typeof cost !== 'number' || !(cost > 0)) return info
  // Whole hundredths of a cent, so the figures do not drift with floating point.
  const round = (value: number) => Math.round(value * 1e4) / 1e4
  return {
    ...info,
    usage: round(info.usage + cost),
    usage_daily: round(info.usage_daily + cost),
    limit_remaining: info.limit_remaining === null ? null : Math.max(0, round(info.limit_remaining - cost)),
  }
}

/** A chat completion as OpenRouter answers it (docs/contracts.md#openrouter-chat-completions-response), holding these image URLs. */
export function completionBody(options: {
  id: string
  model: string
  imageUrls: string[]
  cost: number
  choiceExtra?: Record<string, unknown>
}) {
  return {
    id: options.id,
    provider: 'Sourceful',
    model: options.model,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    choices: [
      {
        index: 0,
        finish_reason: 'stop',
        native_finish_reason: 'stop',
        message: {
          role: 'assistant',
          content: '',
          refusal: null,
          images: options.imageUrls.map((url, index) => ({ type: 'image_url', image_url: { url }, index })),
        },
        ...options.choiceExtra,
      },
    ],
    usage: {
      prompt_tokens: 0,
      completion_tokens: 4175,
      total_tokens: 4175,
      cost: options.cost,
      is_byok: false,
      completion_tokens_details: { reasoning_tokens: 0, image_tokens: 4175 },
    },
  }
}

/** The documented answer of one image, rewritten into `shape`. */
function reshape(answer: ReturnType<typeof completionBody>, shape: AnswerShape): Record<string, unknown> {
  const [choice] = answer.choices
  const { images, ...message } = choice.message
  const url = images[0].image_url.url
  const withMessage = (changes: Record<string, unknown>) => ({ ...answer, choices: [{ ...choice, message: { ...message, ...changes } }] })
  switch (shape) {
    case 'error-null':
      return { ...answer, error: null }
    case 'finish-error':
      return { ...answer, choices: [{ ...choice, finish_reason: 'error', error: { code: 502, message: 'Provider returned error' } }] }
    case 'padded-url':
      return withMessage({ images: [{ ...images[0], image_url: { url: ` ${url}` } }] })
    case 'upper-case-scheme':
      return withMessage({ images: [{ ...images[0], image_url: { url: url.replace(/^[a-z]+:/, (scheme) => scheme.toUpperCase()) } }] })
    case 'string-image-url':
      return withMessage({ images: [{ ...images[0], image_url: url }] })
    case 'content-parts':
      return withMessage({ content: [{ type: 'image_url', image_url: { url } }] })
    case 'second-choice':
      return { ...answer, choices: [{ ...choice, message: { ...message, images: [] } }, { ...choice, index: 1 }] }
  }
}

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, HTTP-Referer, X-OpenRouter-Title, X-Title',
  'Access-Control-Expose-Headers': 'Retry-After',
}

/**
 * OpenRouter's rules (docs/contracts.md#openrouter-limits), and the newer models'
 * (docs/contracts.md#the-riverflow-family), as a status and message; null when the request is acceptable.
 */
function validate(body: Record<string, unknown>, world: ModelWorld): { status: number; message: string } | null {
  const model = typeof body.model === 'string' ? body.model : ''
  const rule = ruleFor(model, listedModels(world))
  if (!rule) return { status: 400, message: `${model || '(none)'} is not a valid model ID` }
  if (world.chatless.has(model)) return { status: 404, message: `No endpoints found for ${model}.` }
  const modalities = body.modalities
  if (!Array.isArray(modalities) || modalities.length !== 1 || modalities[0] !== 'image') {
    return {
      status: 404,
      message: `No endpoints found that support the requested output modalities: ${Array.isArray(modalities) ? modalities.join(', ') : 'text'}`,
    }
  }
  const messages = body.messages
  if (!Array.isArray(messages) || messages.length !== 1 || messages[0]?.role !== 'user') {
    return { status: 400, message: 'messages must hold exactly one user message' }
  }
  const content = messages[0].content
  let inputs: string[] = []
  if (Array.isArray(content)) {
    if (content[0]?.type !== 'text' || typeof content[0].text !== 'string') return { status: 400, message: 'the first content part must be text' }
    for (const part of content.slice(1)) {
      if (part?.type !== 'image_url' || typeof part.image_url?.url !== 'string') return { status: 400, message: 'content parts after the text must be image_url' }
      if (!isImageUrl(part.image_url.url)) return { status: 400, message: 'image_url must be a png, jpeg, webp or gif data URL or an https URL' }
    }
    inputs = content.slice(1).map((part: { image_url: { url: string } }) => part.image_url.url)
  } else if (typeof content !== 'string' || content.trim() === '') {
    return { status: 400, message: 'content must be a non-empty string or parts' }
  }
  if (inputs.length > rule.maxInputs) return { status: 400, message: `${model} accepts at most ${rule.maxInputs} input images` }

  const config = (body.image_config ?? {}) as Record<string, unknown>
  if (typeof config !== 'object' || config === null) return { status: 400, message: 'image_config must be an object' }
  if (config.aspect_ratio !== undefined && !ASPECT_RATIOS.includes(String(config.aspect_ratio))) {
    return { status: 400, message: `aspect_ratio must be one of ${ASPECT_RATIOS.join(', ')}` }
  }
  if (config.image_size !== undefined && !rule.sizes.includes(String(config.image_size))) {
    return { status: 400, message: `image_size must be one of ${rule.sizes.join(', ')} for ${model}` }
  }
  if (config.font_inputs !== undefined) {
    const fonts = config.font_inputs
    if (!Array.isArray(fonts) || fonts.length > 2) return { status: 400, message: 'font_inputs takes at most 2 entries' }
    for (const font of fonts) {
      if (typeof font?.font_url !== 'string' || !/^https?:\/\//.test(font.font_url)) return { status: 400, message: 'font_url must be an http(s) URL' }
      if (typeof font.text !== 'string' || font.text.length === 0 || font.text.length > 300) return { status: 400, message: 'font text must be 1 to 300 characters' }
    }
  }
  if (config.super_resolution_references !== undefined) {
    const refs = config.super_resolution_references
    if (!rule.refSR) return { status: 400, message: `${model} does not support super_resolution_references` }
    if (!Array.isArray(refs) || refs.length > 4) return { status: 400, message: 'super_resolution_references takes at most 4 entries' }
    if (!refs.every((url) => typeof url === 'string' && isImageUrl(url))) return { status: 400, message: 'references must be image URLs' }
  }
  return extrasProblem(model, rule, config, body.reasoning)
}

/** With refSR and an input image, the output has the input's size; otherwise the documented table. */
function outputSize(body: Record<string, unknown>): { width: number; height: number } {
  const config = (body.image_config ?? {}) as Record<string, unknown>
  const content = (body.messages as { content: unknown }[])[0].content
  const refs = config.super_resolution_references
  if (Array.isArray(refs) && refs.length > 0 && Array.isArray(content) && content.length > 1) {
    const url: string = content[1].image_url.url
    const info = url.startsWith('data:') ? readImageInfo(new Uint8Array(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64'))) : null
    if (info) return { width: info.width, height: info.height }
  }
  return imageSizeFor(String(config.aspect_ratio ?? '1:1'), String(config.image_size ?? '1K'))
}

function defaultMessage(status: number): string {
  const messages: Record<number, string> = {
    400: 'Invalid request',
    401: 'User not found.',
    402: 'Insufficient credits. Add more using https://openrouter.ai/settings/credits',
    403: 'Your input was flagged by moderation',
    404: 'No endpoints found that support the requested output modalities: image, text',
    408: 'Request timed out',
    413: 'Payload too large',
    429: 'Rate limit exceeded',
    500: 'Internal Server Error',
    502: 'Provider returned error',
    503: 'No available provider',
    524: 'Upstream timed out',
    529: 'Provider overloaded',
  }
  return messages[status] ?? `HTTP ${status}`
}

function defaultMetadata(status: number): Record<string, unknown> | undefined {
  return status === 403 ? { reasons: ['violence'], flagged_input: 'a gory scene', provider_name: 'Sourceful' } : undefined
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks)))
    request.on('error', reject)
  })
}

/** Waits, but gives up early when the client has gone (Cancel aborts the fetch). */
function waitUnlessClosed(response: ServerResponse, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      response.off('close', onClose)
      resolve(!response.destroyed)
    }, ms)
    const onClose = () => {
      clearTimeout(timer)
      resolve(false)
    }
    response.once('close', onClose)
  })
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
