/**
 * The main thread's side of the image worker: starts it on the first job, hands
 * it jobs and reads their answers, and gives it up for the main thread when it
 * cannot work. The worker is only ever a faster way: a job it does not finish
 * comes back to the caller, which runs it on the main thread as the UI always
 * has. Independent of the real Worker (`createWorker`), so that the unit tests
 * can drive every way a worker fails.
 */
import type { FromWorker, ImageJob, JobResults, ToWorker } from './protocol'

/** What the client uses of a Worker. */
export interface WorkerLike {
  postMessage(message: ToWorker, transfer: Transferable[]): void
  addEventListener(type: 'message', listener: (event: { data: FromWorker }) => void): void
  addEventListener(type: 'error' | 'messageerror', listener: () => void): void
  terminate(): void
}

/**
 * `ok: false`: the worker did not do the job (it cannot start, or lost it), and
 * the caller runs it on the main thread. The job's transferred input comes back
 * in `returned` when the worker handed it back; `null` when it was never sent
 * (the caller's own bytes are intact) or was lost with the worker.
 */
type JobOutcome<R> = { ok: true; result: R } | { ok: false; returned: Uint8Array | null }

export interface ImageWorkerClient {
  runAsync<J extends ImageJob>(job: J, transfer: Transferable[]): Promise<JobOutcome<JobResults[J['type']]>>
  /** Whether a worker takes jobs, started first as for a job: false where it cannot run, or was given up. */
  runsAsync(): Promise<boolean>
  /** A message that wants no answer (dispose), sent only if the worker runs. */
  post(message: ToWorker): void
}

/**
 * `jobTimeoutMs`: a job not answered by then never will be (a decode or an encode the browser left
 * hanging): the worker is ended and every job it held comes back, so that no landing waits for ever.
 */
export function createImageWorkerClient(createWorker: () => WorkerLike, startTimeoutMs: number, jobTimeoutMs: number): ImageWorkerClient {
  /** Settles once the worker answered its ping, or could not: then `active` says which. */
  let starting: Promise<void> | null = null
  /** The worker that takes jobs; null before it started, and for good once it was given up. */
  let active: WorkerLike | null = null
  /** A worker given up while it still had jobs: it finishes them, then it is ended. */
  let retiring: WorkerLike | null = null
  /** Whether the worker has finished a job: until then, a job it fails means it cannot work here. */
  let proven = false
  const pending = new Map<number, (answer: FromWorker | null) => void>()
  let nextId = 1

  function startAsync(): Promise<void> {
    let worker: WorkerLike
    try {
      worker = createWorker()
    } catch {
      // Refused outright (a page that allows no worker from a data: URL).
      return Promise.resolve()
    }
    return new Promise((resolve) => {
      let answered = false
      const decide = (ok: boolean) => {
        if (answered) return
        answered = true
        clearTimeout(timer)
        if (ok) active = worker
        else worker.terminate()
        resolve()
      }
      // A worker refused after construction fires 'error' (Figma's iframe refuses blob: workers so); one that never runs stays silent.
      const timer = setTimeout(() => decide(false), startTimeoutMs)
      const lost = () => (answered ? lose(worker) : decide(false))
      worker.addEventListener('error', lost)
      worker.addEventListener('messageerror', lost)
      worker.addEventListener('message', (event) => {
        const answer = event.data
        if (answer.type === 'pong') decide(answer.ok)
        else settle(answer.id, answer)
      })
      try {
        worker.postMessage({ type: 'ping' }, [])
      } catch {
        decide(false)
      }
    })
  }

  function settle(id: number, answer: FromWorker | null): void {
    pending.get(id)?.(answer)
    pending.delete(id)
    endRetiredWhenIdle()
  }

  /** No more jobs for this worker; those it holds still finish. */
  function retire(): void {
    if (!active) return
    retiring = active
    active = null
    endRetiredWhenIdle()
  }

  function endRetiredWhenIdle(): void {
    if (!retiring || pending.size > 0) return
    retiring.terminate()
    retiring = null
  }

  /** The worker failed outside any job: it is ended, and every job it held comes back to its caller. */
  function lose(worker: WorkerLike): void {
    if (active === worker) active = null
    if (retiring === worker) retiring = null
    worker.terminate()
    for (const id of [...pending.keys()]) settle(id, null)
  }

  return {
    async runAsync<J extends ImageJob>(job: J, transfer: Transferable[]): Promise<JobOutcome<JobResults[J['type']]>> {
      await (starting ??= startAsync())
      const worker = active
      if (!worker) return { ok: false, returned: null }
      const id = nextId++
      const answered = new Promise<FromWorker | null>((resolve) => pending.set(id, resolve))
      try {
        worker.postMessage({ type: 'job', id, job }, transfer)
      } catch {
        // Nothing was sent (postMessage throws before it transfers anything).
        pending.delete(id)
        if (!proven) retire()
        return { ok: false, returned: null }
      }
      const timer = setTimeout(() => lose(worker), jobTimeoutMs)
      const answer = await answered
      clearTimeout(timer)
      if (answer?.type === 'done') {
        proven = true
        return { ok: true, result: answer.result as JobResults[J['type']] }
      }
      // The first jobs failing for a reason of the worker's own: it cannot work here.
      if (!proven && answer?.type === 'failed' && answer.reason === 'worker') retire()
      return { ok: false, returned: answer?.type === 'failed' ? answer.returned : null }
    },
    async runsAsync() {
      await (starting ??= startAsync())
      return active !== null
    },
    post(message) {
      active?.postMessage(message, [])
    },
  }
}
