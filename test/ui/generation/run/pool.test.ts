import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { runPoolAsync } from '../../../../ui/generation/run/pool'

// The items' work takes fake time; the test moves the clock on.
beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

const tick = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener('abort', () => {
      clearTimeout(timer)
      reject(new Error('aborted'))
    })
  })

describe('runPoolAsync', () => {
  it('never runs more than `concurrency` items at once, and runs them all', async () => {
    let running = 0
    let peak = 0
    const pool = runPoolAsync(
      Array.from({ length: 10 }, (_, i) => i),
      async (item) => {
        running++
        peak = Math.max(peak, running)
        await tick(5)
        running--
        return item * 2
      },
      { concurrency: 3 },
    )
    await vi.runAllTimersAsync()
    const results = await pool
    expect(peak).toBe(3)
    expect(results.map((r) => r.ok && r.value)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18])
  })

  it('keeps every success when some items fail', async () => {
    const results = await runPoolAsync(
      [1, 2, 3, 4],
      async (item) => {
        if (item % 2 === 0) throw new Error(`frame ${item} failed`)
        return item
      },
      { concurrency: 2 },
    )
    expect(results.map((r) => (r.ok ? r.value : (r.error as Error).message))).toEqual([1, 'frame 2 failed', 3, 'frame 4 failed'])
  })

  it('cancels all: running items are aborted and waiting ones never start', async () => {
    const cancel = new AbortController()
    const started: number[] = []
    const pool = runPoolAsync(
      [0, 1, 2, 3, 4],
      async (item, _index, signal) => {
        started.push(item)
        await tick(1000, signal)
        return item
      },
      { concurrency: 2, signal: cancel.signal },
    )
    await vi.advanceTimersByTimeAsync(10)
    cancel.abort()
    const results = await pool
    expect(started).toEqual([0, 1])
    expect(results.every((r) => !r.ok && r.cancelled)).toBe(true)
  })
})
