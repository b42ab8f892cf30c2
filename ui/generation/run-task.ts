import type { ExportConstraint, GenerationSettings, Placement, PreparedImage, SelectedLayer } from '../../common/domain'
import type { PlaceImageArgs } from '../../plugin/messages'
import { type ImageEncoder, RequestTooLargeError, type ShrinkNote, fitRequestToBudgetAsync, requestBytesWithoutImages } from '../encoding/request-budget'
import type { ExportedSource } from '../encoding/canvas-encoder'
import type { RetryNotice } from '../openrouter/client'
import { GenerationError, cancelledError } from '../openrouter/errors'
import { MAX_REQUEST_BYTES, buildGenerationRequest } from '../openrouter/request'
import { type AnswerImage, generateImagesAsync } from './generate-images'
import { layerNameFromPrompt } from './layer-name'

/** One request: a prompt, perhaps an input frame and references, and where its images go. */
export interface TaskSpec {
  id: string
  label: string
  prompt: string
  settings: GenerationSettings
  /** Input images: the first keeps the most pixels; none makes it text-to-image. */
  inputs: { layer: SelectedLayer; constraint: ExportConstraint }[]
  references: { layer: SelectedLayer; constraint: ExportConstraint }[]
  placement: Placement
  targetIds: string[]
  /** The result's size on the canvas (a refined or upscaled frame keeps its source's). */
  size?: { width: number; height: number }
  name: string
  reveal: boolean
}

export type TaskPhase = 'waiting' | 'exporting' | 'ready' | 'generating' | 'placing' | 'done' | 'failed' | 'cancelled'

export interface TaskProgress {
  phase: TaskPhase
  startedAt?: number
  retry?: RetryNotice | null
  message?: string
  notes?: ShrinkNote[]
  cost?: number | null
}

/** What a task needs from the outside world: the sandbox, an encoder, the network. */
export interface TaskDeps {
  key: string
  exportLayer: (layerId: string, constraint: ExportConstraint) => Promise<PreparedImage>
  createEncoder: () => { encode: ImageEncoder<ExportedSource>; dispose: () => void }
  place: (args: PlaceImageArgs, answer: Extract<AnswerImage, { ok: true }>) => void
  keep: (answer: Extract<AnswerImage, { ok: false }>) => void
  baseUrl?: string
  timeoutMs?: number
  backoffMs?: number
}

/** What a task cost, and which of its images were sent smaller than wanted. */
export interface TaskResult {
  cost: number | null
  notes: ShrinkNote[]
}

/** A task's images, exported and fitted in the request cap, ready to send. */
export interface PreparedInputs {
  inputImages: string[]
  references: string[]
  /** Images sent smaller than wanted, or left out, for the UI to say so. */
  notes: ShrinkNote[]
}

/**
 * Runs one request from the selection to the canvas: exports the input and the
 * references, fits them in the request cap, sends, and places each image.
 * Throws a GenerationError with a message for the designer.
 */
export async function runTaskAsync(
  spec: TaskSpec,
  deps: TaskDeps,
  signal: AbortSignal,
  report: (progress: TaskProgress) => void,
): Promise<TaskResult> {
  return sendTaskAsync(spec, await prepareInputsAsync(spec, deps, report), deps, signal, report)
}

/** Exports the task's layers and fits them in the 4.5 MB request; nothing to do for text to image. */
export async function prepareInputsAsync(spec: TaskSpec, deps: TaskDeps, report: (progress: TaskProgress) => void): Promise<PreparedInputs> {
  if (spec.inputs.length === 0) return { inputImages: [], references: [], notes: [] }
  report({ phase: 'exporting' })
  const fitted = await exportAndFitAsync(spec, deps)
  const isInput = new Set(spec.inputs.map((i) => i.layer.id))
  const dropped = fitted.dropped.map((d) => ({ name: d.name, from: { width: d.width, height: d.height }, to: { width: 0, height: 0 }, keptPercent: 0 }))
  return {
    inputImages: [fitted.input.dataUrl, ...fitted.references.filter((r) => isInput.has(r.source.id)).map((r) => r.dataUrl)],
    references: fitted.references.filter((r) => !isInput.has(r.source.id)).map((r) => r.dataUrl),
    notes: [...fitted.notes, ...dropped],
  }
}

/** Sends a prepared task and places each image of the answer. */
export async function sendTaskAsync(
  spec: TaskSpec,
  prepared: PreparedInputs,
  deps: TaskDeps,
  signal: AbortSignal,
  report: (progress: TaskProgress) => void,
): Promise<TaskResult> {
  const { inputImages, references, notes } = prepared
  if (signal.aborted) throw cancelledError()

  report({ phase: 'generating', startedAt: Date.now(), notes })
  const answer = await generateImagesAsync({
    key: deps.key,
    prompt: spec.prompt,
    settings: spec.settings,
    inputImages,
    references,
    signal,
    baseUrl: deps.baseUrl,
    timeoutMs: deps.timeoutMs,
    backoffMs: deps.backoffMs,
    onRetry: (retry) => report({ phase: 'generating', retry }),
  })

  report({ phase: 'placing' })
  const record = {
    prompt: spec.prompt,
    settings: spec.settings,
    generationId: answer.generationId,
    cost: answer.cost,
    createdAt: new Date().toISOString(),
  }
  for (const image of answer.images) {
    if (!image.ok) {
      deps.keep(image)
      continue
    }
    deps.place(
      {
        taskId: spec.id,
        image: { bytes: image.image.bytes, width: image.image.width, height: image.image.height },
        placement: spec.placement,
        targetIds: spec.targetIds,
        size: spec.size,
        name: spec.name || layerNameFromPrompt(spec.prompt),
        reveal: spec.reveal,
        record,
      },
      image,
    )
  }
  return { cost: answer.cost, notes }
}

async function exportAndFitAsync(spec: TaskSpec, deps: TaskDeps) {
  const exportOne = async ({ layer, constraint }: { layer: SelectedLayer; constraint: ExportConstraint }): Promise<ExportedSource> => {
    try {
      const image = await deps.exportLayer(layer.id, constraint)
      return { id: layer.id, name: layer.name, width: image.width, height: image.height, bytes: image.bytes }
    } catch (error) {
      throw new GenerationError('invalid-input', error instanceof Error ? error.message : `“${layer.name}” could not be exported.`)
    }
  }
  // One export at a time: each can be large, and the sandbox does them one by one anyway.
  // Further inputs share the room left after the first, as references do.
  const [first, ...rest] = spec.inputs
  const input = await exportOne(first)
  const others: ExportedSource[] = []
  for (const item of [...rest, ...spec.references]) others.push(await exportOne(item))

  const fixedBytes = requestBytesWithoutImages(
    buildGenerationRequest({
      prompt: spec.prompt,
      settings: spec.settings,
      inputImages: spec.inputs.map(() => ''),
      references: spec.references.map(() => ''),
    }),
  )
  const references = others
  const encoder = deps.createEncoder()
  try {
    return await fitRequestToBudgetAsync({ input, references, encode: encoder.encode, fixedBytes, budgetBytes: MAX_REQUEST_BYTES })
  } catch (error) {
    if (error instanceof GenerationError) throw error
    if (error instanceof RequestTooLargeError) throw new GenerationError('too-large', error.message)
    // Anything else is the browser failing to draw or encode (out of memory, say): no raw message for the designer.
    throw new GenerationError('bad-image', 'The selected frames could not be encoded for the request. Try again, or select fewer or smaller frames.')
  } finally {
    encoder.dispose()
  }
}
