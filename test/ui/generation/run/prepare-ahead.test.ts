import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PreparationCancelled, prepareAhead } from '../../../../ui/generation/run/pool'

// Each preparation takes 5 ms of fake time; the test moves the clock on by hand.
beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())
const work = () => new Promise((resolve) => setTimeout(resolve, 5))
const tick = () => vi.advanceTimersByTimeAsync(5)

describe('prepareAhead', () => {
  it('prepares in order, `parallel` at a time, at most `ahead` beyond the last taken', async () => {
    const log: string[] = []
    let running = 0
    let peak = 0
    const ahead = prepareAhead(
      [0, 1, 2, 3, 4],
      async (item) => {
        running++
        peak = Math.max(peak, running)
        log.push(`start ${item}`)
        await work()
        running--
        return item * 10
      },
      { ahead: 3, parallel: 2, signal: new AbortController().signal },
    )
    await tick()
    await tick()
    await tick()
    // Nothing taken yet: only items 0 to 2 may be prepared, two at a time.
    expect(log).toEqual(['start 0', 'start 1', 'start 2'])
    expect(peak).toBe(2)
    expect(await ahead.take(0)).toBe(0)
    expect(await ahead.take(1)).toBe(10)
    expect(await ahead.take(2)).toBe(20)
    await tick()
    await tick()
    expect(log).toEqual(['start 0', 'start 1', 'start 2', 'start 3', 'start 4'])
  })

  it('gives each item its own error and goes on with the next', async () => {
    const ahead = prepareAhead(
      ['a', 'b', 'c'],
      async (item) => {
        if (item === 'b') throw new Error('b failed')
        return item.toUpperCase()
      },
      { ahead: 1, parallel: 1, signal: new AbortController().signal },
    )
    expect(await ahead.take(0)).toBe('A')
    await expect(ahead.take(1)).rejects.toThrow('b failed')
    expect(await ahead.take(2)).toBe('C')
  })

  it('on cancel, prepares nothing more and rejects what was not ready', async () => {
    const cancel = new AbortController()
    const started: number[] = []
    const ahead = prepareAhead(
      [0, 1, 2],
      async (item) => {
        started.push(item)
        await work()
        return item
      },
      { ahead: 1, parallel: 1, signal: cancel.signal },
    )
    const first = ahead.take(0)
    await tick()
    expect(await first).toBe(0)
    // Item 1 is under way (one ahead of the last taken); item 2 waits.
    expect(started).toEqual([0, 1])
    cancel.abort()
    await expect(ahead.take(1)).rejects.toBeInstanceOf(PreparationCancelled)
    await expect(ahead.take(2)).rejects.toBeInstanceOf(PreparationCancelled)
    await tick()
    await tick()
    expect(started).toEqual([0, 1])
  })
})
