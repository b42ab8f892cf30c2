import type { GenerationRecord } from '../../../common/domain'
import type { ModelCapabilities } from '../../../common/models'
import type { Connection } from '../../openrouter/connection'
import type { RetryNotice } from '../../openrouter/client'
import { GenerationError, cancelledError } from '../../answer/errors'
import { type GenerationInput, findInputProblems } from '../../openrouter/request'
import { type RoadResult, roadProblems, sendOnRoadAsync } from '../../openrouter/road'
import { suggestAnotherModel } from '../../models/suggest-model'
import type { Lander } from '../land/lander'
import type { TaskSpec } from '../plan/task'
import { PreparationCancelled, prepareAhead, runPoolAsync } from './pool'
import { type PrepareDeps, type PreparedInputs, prepareInputsAsync } from './prepare-inputs'
import type { SettledTask, TaskProgress, TaskResult } from '../task-types'

/**
 * Requests prepared ahead and waiting for a free slot. Each holds up to 3.4 MB
 * of images (4.5 MB as data URLs); two let a freed slot send at once, even when
 * two free together, and more would only hold memory (a batch of 6 at a time
 * held 27 MB of data URLs waiting).
 */
const PREPARED_AHEAD = 2

/** What a job's tasks need from the outside world: the sandbox's export, an encoder, the network, the models, the canvas. */
export interface JobContext extends PrepareDeps {
  connection: Connection
  /** The models on offer: a failure may suggest another of them. */
  models: readonly ModelCapabilities[]
  /** Takes each image of an answer to the canvas, or keeps it. */
  lander: Pick<Lander, 'land'>
}

/** What a job tells its owner (../generation.ts) of each task, by the task's index. */
export interface TaskUpdates {
  /** Where the task is now: merged into what it said last. */
  progress: (index: number, progress: TaskProgress) => void
  /** How it ended, once, as it ends; a task never started when the job was cancelled, once the job ends. */
  settled: (index: number, task: SettledTask) => void
}

export interface RunJobOptions {
  /** Requests waiting on the model at once. */
  concurrency: number
  signal: AbortSignal
  updates: TaskUpdates
}

/**
 * Runs a job's tasks, `concurrency` at a time, keeping every outcome. The
 * frames are exported and encoded in order, ahead of the requests: while some
 * wait for the model, the next ones get ready, so each free slot sends at
 * once. Resolves when every task has settled; never rejects.
 */
export async function runJobAsync(specs: readonly TaskSpec[], context: JobContext, options: RunJobOptions): Promise<SettledTask[]> {
  const { updates } = options
  const said = new Set<number>()
  // A preparation may finish after its task was said cancelled: it says nothing more of it.
  const preparing = (index: number, progress: TaskProgress) => said.has(index) || updates.progress(index, progress)
  const prepared = prepareAhead(
    specs,
    async (spec, index) => {
      const inputs = await prepareInputsAsync(spec, context, (progress) => preparing(index, progress))
      // Exported and encoded, waiting for a free request slot.
      if (spec.inputs.length > 0) preparing(index, { phase: 'ready' })
      return inputs
    },
    // Two at a time: a frame's export runs in the sandbox and its encoding in the UI,
    // so the next frame exports while this one encodes. More would only queue.
    { ahead: PREPARED_AHEAD, parallel: 2, signal: options.signal },
  )
  const settled = (index: number, task: SettledTask) => {
    said.add(index)
    updates.settled(index, task)
  }
  const results = await runPoolAsync(
    specs,
    async (spec, index, signal) => {
      try {
        const result = await runTaskAsync(spec, index, signal)
        settled(index, { ok: true, value: result })
        return result
      } catch (error) {
        settled(index, { ok: false, error, cancelled: signal.aborted })
        throw error
      }
    },
    { concurrency: options.concurrency, signal: options.signal },
  )
  // The tasks a cancel stopped before they started.
  results.forEach((task, index) => said.has(index) || settled(index, task))
  return results

  async function runTaskAsync(spec: TaskSpec, index: number, signal: AbortSignal): Promise<TaskResult> {
    let inputs
    try {
      inputs = await prepared.take(index)
    } catch (error) {
      if (error instanceof PreparationCancelled) throw cancelledError()
      throw error
    }
    return sendTaskAsync(spec, inputs, context, signal, (progress) => updates.progress(index, progress))
  }
}

/**
 * Sends one prepared task and hands each image of the answer to the lander.
 * Throws a GenerationError with a message for the designer.
 */
async function sendTaskAsync(spec: TaskSpec, prepared: PreparedInputs, context: JobContext, signal: AbortSignal, report: (progress: TaskProgress) => void): Promise<TaskResult> {
  const { inputImages, references, notes } = prepared
  if (signal.aborted) throw cancelledError()
  const input = { prompt: spec.prompt, settings: spec.settings, model: spec.model, inputImages, references, scoringRubric: spec.scoringRubric, exactSize: spec.exactSize }
  const result = await sendGenerationAsync(input, context, {
    signal,
    onSending: () => report({ phase: 'generating', startedAt: Date.now(), notes }),
    onRetry: (retry) => report({ phase: 'generating', retry }),
  })

  report({ phase: 'placing' })
  const record: GenerationRecord = {
    // The kit's words are the kit's: Regenerate adds them again from the kit, once.
    prompt: spec.brandKit?.designerPrompt ?? spec.designerPrompt ?? spec.prompt,
    settings: spec.settings,
    generationId: result.generationId,
    cost: result.cost,
    createdAt: new Date().toISOString(),
  }
  if (spec.brandKit) {
    record.brandKit = spec.brandKit.name
    record.brandKitId = spec.brandKit.id
  }
  if (spec.exactSize) record.exactSize = { width: spec.exactSize.width, height: spec.exactSize.height }
  if (spec.expandedImageId) record.expand = { imageId: spec.expandedImageId }
  if (spec.formatSet) record.format = { keyVisualId: spec.formatSet.keyVisualId, setId: spec.formatSet.id }
  if (spec.area) record.area = { imageId: spec.area.imageId, erase: spec.area.erase }
  if (spec.fromImages) record.fromImages = true
  if (spec.upscale) record.upscale = { factor: spec.upscale.factor }
  if (spec.cutout) record.cutout = true
  const landing = result.images.map((image) => context.lander.land(image, spec, record))
  // Placed once the sandbox answered that it placed each image, not when they were handed over: "Placing…" until then.
  void Promise.all(landing).then((placed) => report({ phase: placed.every(Boolean) ? 'done' : 'kept' }))
  return { cost: result.cost, notes, dropped: { road: result.road, options: result.droppedOptions } }
}

/**
 * One request, on its model's road. Input that would be refused fails before
 * anything is sent (and billed); a failure another model of the list answers
 * (the free tier busy, no credit, the model down) says so with that model one click away.
 */
export async function sendGenerationAsync(
  input: GenerationInput,
  context: Pick<JobContext, 'connection' | 'models'>,
  options: { signal?: AbortSignal; onSending?: () => void; onRetry?: (retry: RetryNotice) => void } = {},
): Promise<RoadResult> {
  const problems = [...findInputProblems(input), ...roadProblems(input)]
  if (problems.length > 0) throw new GenerationError('invalid-input', problems.join(' '))
  options.onSending?.()
  // 2.5 and later plan and judge their own edits and can take far longer than V2.
  const connection = { ...context.connection, timeoutMs: context.connection.timeoutMs ?? input.model.timeoutMs }
  try {
    return await sendOnRoadAsync(connection, input, { signal: options.signal, onRetry: options.onRetry })
  } catch (error) {
    throw suggestAnotherModel(error, input.model.id, context.models, { transparent: input.settings.background === 'transparent', references: (input.references?.length ?? 0) > 0 })
  }
}
