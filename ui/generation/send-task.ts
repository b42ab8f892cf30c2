import type { GenerationRecord } from '../../common/domain'
import type { PlaceImageArgs } from '../../plugin/messages'
import type { ShrinkNote } from '../encoding/request-budget'
import type { Connection } from '../openrouter/connection'
import { cancelledError } from '../openrouter/errors'
import { generateImagesAsync } from './generate-images'
import { layerNameFromPrompt } from './layer-name'
import type { PreparedInputs } from './prepare-inputs'
import type { FailedTake, ReadyTake } from './read-take'
import type { TaskProgress } from './task-progress'
import type { TaskSpec } from './task-spec'

/** What sending a task needs: how to reach OpenRouter, and where its takes go. */
export interface SendDeps {
  connection: Connection
  /** Not awaited: the next task need not wait on Figma. */
  place: (args: PlaceImageArgs, take: ReadyTake) => void
  keep: (take: FailedTake) => void
}

/** What a task cost, and which of its images were sent smaller than wanted. */
export interface TaskResult {
  cost: number | null
  notes: ShrinkNote[]
  /** Options the road taken could not carry, to say after as the panel said before. */
  dropped: string[]
}

/**
 * Sends a prepared task and hands each take of the answer on: a ready one to
 * be placed, a failed one to be kept. Throws a GenerationError with a message
 * for the designer.
 */
export async function sendTaskAsync(
  spec: TaskSpec,
  prepared: PreparedInputs,
  deps: SendDeps,
  signal: AbortSignal,
  report: (progress: TaskProgress) => void,
): Promise<TaskResult> {
  const { inputImages, references, notes } = prepared
  if (signal.aborted) throw cancelledError()

  report({ phase: 'generating', startedAt: Date.now(), notes })
  const answer = await generateImagesAsync(
    deps.connection,
    { prompt: spec.prompt, settings: spec.settings, inputImages, references },
    { signal, onRetry: (retry) => report({ phase: 'generating', retry }) },
  )

  report({ phase: 'placing' })
  const record: GenerationRecord = {
    prompt: spec.prompt,
    settings: spec.settings,
    generationId: answer.generationId,
    cost: answer.cost,
    createdAt: new Date().toISOString(),
  }
  for (const take of answer.takes) {
    if (take.ok) deps.place(placeArgs(spec, take, record), take)
    else deps.keep(take)
  }
  return { cost: answer.cost, notes, dropped: answer.droppedOptions }
}

function placeArgs(spec: TaskSpec, take: ReadyTake, record: GenerationRecord): PlaceImageArgs {
  const { bytes, width, height } = take.image
  return {
    taskId: spec.row ?? spec.id,
    image: { bytes, width, height },
    placement: spec.placement,
    targetIds: spec.targetIds,
    size: spec.size,
    name: spec.name || layerNameFromPrompt(spec.prompt),
    reveal: spec.reveal,
    record,
  }
}
