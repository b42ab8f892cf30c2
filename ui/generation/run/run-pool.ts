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
