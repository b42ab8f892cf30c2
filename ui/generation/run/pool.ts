// A job's requests, a few at a time (runPoolAsync), each task's inputs prepared ahead of its turn
// (prepareAhead), so that a slot that frees up sends at once instead of exporting first.

/** How one item of a pool ended. */
export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown; cancelled: boolean }

export interface RunPoolOptions {
  /** How many items run at once. */
  concurrency: number
  /** Cancels everything: running items get their signal aborted, waiting ones never start. */
  signal?: AbortSignal
}

/**
 * Runs `work` over every item, a few at a time, and keeps every outcome: one
 * item failing never stops the others (a batch keeps each success). Resolves
 * when all items have settled; never rejects.
 */
export async function runPoolAsync<T, R>(
  items: readonly T[],
  work: (item: T, index: number, signal: AbortSignal) => Promise<R>,
  options: RunPoolOptions,
): Promise<Settled<R>[]> {
  const results: Settled<R>[] = new Array(items.length)
  const controller = new AbortController()
  const cancelAll = () => controller.abort()
  if (options.signal?.aborted) controller.abort()
  options.signal?.addEventListener('abort', cancelAll)
  let next = 0

  const settle = (index: number, result: Settled<R>) => (results[index] = result)

  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++
      if (controller.signal.aborted) {
        settle(index, { ok: false, error: new Error('Cancelled'), cancelled: true })
        continue
      }
      try {
        settle(index, { ok: true, value: await work(items[index], index, controller.signal) })
      } catch (error) {
        settle(index, { ok: false, error, cancelled: controller.signal.aborted })
      }
    }
  }

  try {
    const workers = Math.max(1, Math.min(options.concurrency, items.length))
    await Promise.all(Array.from({ length: workers }, worker))
  } finally {
    options.signal?.removeEventListener('abort', cancelAll)
  }
  return results
}

/**
 * Prepares items in order, a few at a time, running at most `ahead` items
 * beyond the last one taken. A batch uses it to export and encode the next
 * frames while the requests already sent wait for the model, so that a request
 * slot that frees up sends at once instead of exporting first.
 */
export interface PreparedAhead<P> {
  /** The item's preparation (rejects with its error, or when cancelled). Take items in order. */
  take: (index: number) => Promise<P>
}

export interface PrepareAheadOptions {
  /** How many items may be prepared and not yet taken. */
  ahead: number
  /** How many preparations run at once. */
  parallel: number
  signal: AbortSignal
}

export function prepareAhead<T, P>(
  items: readonly T[],
  prepare: (item: T, index: number) => Promise<P>,
  options: PrepareAheadOptions,
): PreparedAhead<P> {
  const settled = items.map(() => deferred<P>())
  let taken = 0
  let next = 0
  let running = 0

  function pump(): void {
    while (!options.signal.aborted && running < options.parallel && next < items.length && next < taken + options.ahead) {
      const index = next++
      running++
      prepare(items[index], index)
        .then(settled[index].resolve, settled[index].reject)
        .finally(() => {
          running--
          pump()
        })
    }
  }

  const cancelAll = () => {
    for (const entry of settled) entry.reject(new PreparationCancelled())
  }
  if (options.signal.aborted) cancelAll()
  else options.signal.addEventListener('abort', cancelAll, { once: true })
  pump()

  return {
    take(index) {
      taken = Math.max(taken, index + 1)
      pump()
      return settled[index].promise
    },
  }
}

/** A preparation that never finished because everything was cancelled. */
export class PreparationCancelled extends Error {
  constructor() {
    super('Cancelled')
    this.name = 'PreparationCancelled'
  }
}

function deferred<P>() {
  let resolve!: (value: P) => void
  let reject!: (error: unknown) => void
  let done = false
  const promise = new Promise<P>((yes, no) => {
    resolve = (value) => {
      if (done) return
      done = true
      yes(value)
    }
    reject = (error) => {
      if (done) return
      done = true
      no(error)
    }
  })
  // A preparation nobody takes (cancelled) must not be an unhandled rejection.
  promise.catch(() => {})
  return { promise, resolve, reject }
}
