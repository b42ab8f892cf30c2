import type { GenerationSettings } from '../../common/domain'
import type { SelectedLayer } from '../../common/selection'
import { createCanvasEncoder } from '../../ui/encoding/canvas-encoder'
import { planRefine } from '../../ui/generation/plan/plan-tasks'
import { runJobAsync } from '../../ui/generation/run/run-job'
import { BUILT_IN_MODELS } from '../../common/models'
import { findModel } from '../../ui/models'
import { buildGenerationRequest, MAX_REQUEST_BYTES, serializeRequest } from '../../ui/openrouter/request'
import type { Roles } from '../../ui/selection/roles'
import { encodePng, readImageInfo, toBase64 } from '../../test/images/png'
import { type FrameSpec, exportPngAsync } from './draw-frame'
import { DEFAULT_STATE } from '../../ui/defaults'

/** One request: an input frame, perhaps with references (refSR). */
export interface EncoderCase {
  input: FrameSpec
  references: FrameSpec[]
}

export interface SentImage {
  format: string
  width: number
  height: number
  /** Bytes of its data URL in the request body. */
  bytes: number
}

export interface PlainPngRequest {
  scale: 1 | 2
  requestBytes: number
  pixels: number
  /** Whether Sourceful would take it (the 4.5 MB cap on the whole request). */
  fits: boolean
}

export interface EncoderResult {
  /** What the sandbox exported (refineExport / referenceExport), per image. */
  exported: { width: number; height: number; bytes: number }[]
  sent: SentImage[]
  requestBytes: number
  pixels: number
  /** prepareInputsAsync and sendTaskAsync, from the exports in hand to the request sent (the network answers at once). */
  ms: number
  plain: PlainPngRequest[]
}

const PROMPT = 'Make it a rainy autumn evening; keep the layout and the text'
const SETTINGS: GenerationSettings = { ...DEFAULT_STATE.settings, model: 'sourceful/riverflow-v2-fast', aspectRatio: '1:1', imageSize: '1K' }
/** The answer the network stand-in gives: the bench measures what is sent, not what comes back. */
const ANSWER = JSON.stringify({
  id: 'gen-bench',
  choices: [{ finish_reason: 'stop', message: { role: 'assistant', content: '', images: [{ type: 'image_url', image_url: { url: `data:image/png;base64,${toBase64(encodePng(1, 1))}` } }] } }],
  usage: { cost: 0.02 },
})

/**
 * Sends frames as the product does, through its own task runner: planRefine
 * picks the export sizes (long side 1024 to 2048 px for the input), the canvas
 * encoder and fitRequestToBudgetAsync choose format and size under the 4.5 MB
 * cap, and the request body is caught at fetch, where it leaves the plugin. The
 * same frames as plain PNG exports at 1x and 2x, in a request built by the same
 * builder, are the comparison.
 */
export async function encodeCaseAsync(encoderCase: EncoderCase): Promise<EncoderResult> {
  const frames = [encoderCase.input, ...encoderCase.references]
  const layers: SelectedLayer[] = frames.map((frame, i) => ({ id: `1:${i + 1}`, name: frame.name, type: 'FRAME', width: frame.width, height: frame.height, fillable: true, madeHere: false }))
  const roles: Roles = Object.fromEntries(layers.map((layer, i) => [layer.id, i === 0 ? 'input' : 'reference']))
  const [spec] = planRefine({ prompt: PROMPT, settings: SETTINGS, model: findModel(BUILT_IN_MODELS, SETTINGS.model) }, layers, roles, false)

  // The sandbox's exports, made before the clock starts: Figma renders them, not the plugin.
  const frameById = new Map(layers.map((layer, i) => [layer.id, frames[i]]))
  const exports = new Map<string, Awaited<ReturnType<typeof exportPngAsync>>>()
  for (const { layer, constraint } of [...spec.inputs, ...spec.references]) exports.set(layer.id, await exportPngAsync(frameById.get(layer.id)!, constraint))

  const body = await catchRequestBodyAsync(async () => {
    const start = performance.now()
    const context = {
      exportLayer: async (layerId: string) => exports.get(layerId)!,
      createEncoder: createCanvasEncoder,
      connection: { key: 'sk-or-v1-bench' },
      models: BUILT_IN_MODELS,
      lander: { land: async () => true },
    }
    await runJobAsync([spec], context, { concurrency: 1, signal: new AbortController().signal, updates: { progress: () => {}, settled: () => {} } })
    return performance.now() - start
  })
  const sent = imagesIn(JSON.parse(body.json))

  const plain: PlainPngRequest[] = []
  for (const scale of [1, 2] as const) {
    const pngs = await Promise.all(frames.map((frame) => exportPngAsync(frame, { type: 'SCALE', value: scale })))
    const urls = pngs.map((png) => `data:image/png;base64,${toBase64(png.bytes)}`)
    const request = buildGenerationRequest({ prompt: PROMPT, settings: spec.settings, model: spec.model, inputImages: urls.slice(0, 1), references: urls.slice(1) })
    const requestBytes = serializeRequest(request).bytes
    plain.push({ scale, requestBytes, pixels: pngs.reduce((n, png) => n + png.width * png.height, 0), fits: requestBytes <= MAX_REQUEST_BYTES })
  }

  return {
    exported: [...spec.inputs, ...spec.references].map(({ layer }) => {
      const png = exports.get(layer.id)!
      return { width: png.width, height: png.height, bytes: png.bytes.length }
    }),
    sent,
    requestBytes: body.bytes,
    pixels: sent.reduce((n, image) => n + image.width * image.height, 0),
    ms: body.result,
    plain,
  }
}

/**
 * Runs `work` with the network stood in for at fetch (the product has no test
 * switch; the browser tests reroute the network the same way), and returns the
 * body of the one chat-completions request it sent.
 */
async function catchRequestBodyAsync<T>(work: () => Promise<T>): Promise<{ json: string; bytes: number; result: T }> {
  const realFetch = window.fetch
  const bodies: string[] = []
  window.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    if (!url.endsWith('/api/v1/chat/completions')) return realFetch(input, init)
    // The body is a Blob the image worker wrote, or UTF-8 bytes where it could not run.
    bodies.push(await new Response(init?.body).text())
    return new Response(ANSWER, { status: 200, headers: { 'Content-Type': 'application/json' } })
  }
  try {
    const result = await work()
    if (bodies.length !== 1) throw new Error(`Expected one request, saw ${bodies.length}`)
    return { json: bodies[0], bytes: new TextEncoder().encode(bodies[0]).length, result }
  } finally {
    window.fetch = realFetch
  }
}

type Body = { messages: { content: string | { type: string; image_url?: { url: string } }[] }[]; image_config: { super_resolution_references?: string[] } }

/** The images of a request body as sent, read with the tests' own header reader (not the UI's). */
function imagesIn(body: Body): SentImage[] {
  const content = body.messages[0].content
  const urls = [
    ...(Array.isArray(content) ? content.flatMap((part) => (part.image_url ? [part.image_url.url] : [])) : []),
    ...(body.image_config.super_resolution_references ?? []),
  ]
  return urls.map((url) => {
    const base64 = url.slice(url.indexOf(',') + 1)
    const info = readImageInfo(Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0)))
    if (!info) throw new Error('The request holds an image the tests cannot read')
    return { format: info.format, width: info.width, height: info.height, bytes: url.length }
  })
}
