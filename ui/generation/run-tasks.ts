import { cancelledError } from '../openrouter/errors'
import { PreparationCancelled, prepareAhead } from './prepare-ahead'
import { type Settled, runPoolAsync } from './run-pool'
import { type TaskDeps, type TaskProgress, type TaskResult, type TaskSpec, prepareInputsAsync, sendTaskAsync } from './run-task'

export interface RunTasksOptions {
  /** Requests waiting on the model at once. */
  concurrency: number
  signal: AbortSignal
  onProgress: (index: number, progress: TaskProgress) => void
  onSettled: (index: number, result: Settled<TaskResult>) => void
}

/**
 * Runs a job's requests, `concurrency` at a time, keeping every outcome. The
 * frames are exported and encoded in order, ahead of the requests: while some
 * wait for the model, the next ones get ready, so each free slot sends at
 * once. Resolves when every task has settled; never rejects.
 */
export async function runTasksAsync(specs: readonly TaskSpec[], deps: TaskDeps, options: RunTasksOptions): Promise<Settled<TaskResult>[]> {
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
    { ahead: options.concurrency, parallel: 2, signal: options.signal },
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
