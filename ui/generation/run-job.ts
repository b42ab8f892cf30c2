import { cancelledError } from '../openrouter/errors'
import { type PrepareDeps, prepareInputsAsync } from './prepare-inputs'
import { PreparationCancelled, prepareAhead } from './private/prepare-ahead'
import { type Settled, runPoolAsync } from './private/run-pool'
import { type SendDeps, type TaskResult, sendTaskAsync } from './send-task'
import type { TaskProgress } from './task-progress'
import type { TaskSpec } from './task-spec'

/**
 * Requests prepared ahead and waiting for a free slot. Each holds up to 4.5 MB
 * of data URLs; two let a freed slot send at once, even when two free together,
 * and more would only hold memory (a batch of 6 at a time held 27 MB waiting).
 */
const PREPARED_AHEAD = 2

/** What a job's tasks need from the outside world: the sandbox, an encoder, the network. */
export type JobDeps = PrepareDeps & SendDeps

/** How one task of a job ended: its result, or its error and whether it was cancelled. */
export type SettledTask = Settled<TaskResult>

export interface RunJobOptions {
  /** Requests waiting on the model at once. */
  concurrency: number
  signal: AbortSignal
  onProgress: (index: number, progress: TaskProgress) => void
  onSettled: (index: number, result: SettledTask) => void
}

/**
 * Runs a job's tasks, `concurrency` at a time, keeping every outcome. The
 * frames are exported and encoded in order, ahead of the requests: while some
 * wait for the model, the next ones get ready, so each free slot sends at
 * once. Resolves when every task has settled; never rejects.
 */
export async function runJobAsync(specs: readonly TaskSpec[], deps: JobDeps, options: RunJobOptions): Promise<SettledTask[]> {
  const prepared = prepareAhead(
    specs,
    async (spec, index) => {
      const inputs = await prepareInputsAsync(spec, deps, (progress) => options.onProgress(index, progress))
      // Exported and encoded, waiting for a free request slot.
      if (spec.inputs.length > 0) options.onProgress(index, { phase: 'ready' })
      return inputs
    },
    // Two at a time: a frame's export runs in the sandbox and its encoding in the UI,
    // so the next frame exports while this one encodes. More would only queue.
    { ahead: PREPARED_AHEAD, parallel: 2, signal: options.signal },
  )
  return runPoolAsync(
    specs,
    async (spec, index, signal) => {
      let inputs
      try {
        inputs = await prepared.take(index)
      } catch (error) {
        if (error instanceof PreparationCancelled) throw cancelledError()
        throw error
      }
      return sendTaskAsync(spec, inputs, deps, signal, (progress) => options.onProgress(index, progress))
    },
    { concurrency: options.concurrency, signal: options.signal, onSettled: options.onSettled },
  )
}
