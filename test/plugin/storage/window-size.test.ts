import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ReplyMessage } from '../../../common/messages'
import { startPlugin } from '../../../plugin/start-plugin'
import { installFakeFigma, shownStartData } from '../install-fake'

afterEach(() => vi.useRealTimers())

describe('the panel’s size', () => {
  it('resizes within bounds, answers the size taken, and opens at it next time', async () => {
    const fake = installFakeFigma()
    startPlugin()
    await shownStartData(fake)
    vi.useFakeTimers()
    await fake.sendFromUi({ type: 'resize', requestId: 'r1', width: 480.4, height: 720 })
    expect(fake.uiSize()).toEqual({ width: 480, height: 720 })
    await fake.sendFromUi({ type: 'resize', requestId: 'r2', width: 10, height: 99_999 })
    expect(fake.uiMessages.find((m) => (m as ReplyMessage).requestId === 'r2')).toMatchObject({ ok: true, result: { width: 300, height: 1200 } })
    expect(fake.uiSize()).toEqual({ width: 300, height: 1200 })
    // Saved once the grip rests, not on every move.
    expect(fake.storage.get('window-size')).toBeUndefined()
    await vi.advanceTimersByTimeAsync(299)
    expect(fake.storage.get('window-size')).toBeUndefined()
    await vi.advanceTimersByTimeAsync(1)
    expect(fake.storage.get('window-size')).toEqual({ width: 300, height: 1200 })
    vi.useRealTimers()

    const next = installFakeFigma()
    next.storage.set('window-size', { width: 300, height: 1200 })
    startPlugin()
    await shownStartData(next)
    expect(next.shownWith?.options).toMatchObject({ width: 300, height: 1200 })
  })

  it('opens at the default size when what was saved is not a size', async () => {
    const fake = installFakeFigma()
    fake.storage.set('window-size', { width: 'wide' })
    startPlugin()
    await shownStartData(fake)
    expect(fake.shownWith?.options).toMatchObject({ width: 360, height: 640 })
  })
})
