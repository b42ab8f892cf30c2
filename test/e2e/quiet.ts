import { expect } from 'vitest'
import type { FakeFigmaView } from './fake-view'
import type { PluginSession } from './harness'

/**
 * When the panel is quiet: nothing it waits for (no timer set, no fetch under way, no request to
 * the sandbox unanswered: each has its timer, ui/bridge.ts) and no message between the halves
 * across a spell in which its main thread had nothing to do. Without this a test that counts
 * what runs would count a debounced save or the key's credit asked again, or not, by chance.
 */

/** For `uiInitScript`: the UI's page keeps count of its live timers and fetches. */
export const QUIET_PRELUDE = `{
  const live = new Set()
  let fetches = 0
  const { setTimeout: set, clearTimeout: clear, setInterval: every, clearInterval: stop, fetch: get } = window
  window.setTimeout = (run, ms, ...args) => {
    const id = set((...given) => { live.delete(id); if (typeof run === 'function') run(...given) }, ms, ...args)
    live.add(id)
    return id
  }
  window.clearTimeout = (id) => { live.delete(id); clear(id) }
  window.setInterval = (run, ms, ...args) => { const id = every(run, ms, ...args); live.add(id); return id }
  window.clearInterval = (id) => { live.delete(id); stop(id) }
  window.fetch = (...args) => {
    fetches++
    return get(...args).finally(() => fetches--)
  }
  window.quietCounts = () => ({ timers: live.size, fetches })
}`

/** For `setup`: the host page counts the messages between the halves, both ways. */
export function countMessages(fake: FakeFigmaView): void {
  const scope = window as unknown as { messagesRelayed: number }
  scope.messagesRelayed = 0
  const send = fake.sendFromUi.bind(fake)
  fake.sendFromUi = (message) => {
    scope.messagesRelayed++
    return send(message)
  }
  const post = fake.figma.ui.postMessage.bind(fake.figma.ui)
  fake.figma.ui.postMessage = (message) => {
    scope.messagesRelayed++
    post(message)
  }
}

interface Counts {
  timers: number
  fetches: number
  messages: number
}

async function countsAsync(session: PluginSession): Promise<Counts> {
  const ui = await session.ui.locator(':root').evaluate(() => (window as unknown as { quietCounts(): { timers: number; fetches: number } }).quietCounts())
  const messages = await session.page.evaluate(() => (window as unknown as { messagesRelayed: number }).messagesRelayed)
  return { ...ui, messages }
}

/** Waits until the UI's main thread is idle: its pending tasks, timers due and renders ran. */
function idleAsync(session: PluginSession): Promise<void> {
  return session.ui.locator(':root').evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve())))
}

/** Needs `QUIET_PRELUDE` in the UI and `countMessages` in the page's setup. */
export async function waitForQuietAsync(session: PluginSession): Promise<void> {
  await expect
    .poll(async () => {
      const before = await countsAsync(session)
      await idleAsync(session)
      const after = await countsAsync(session)
      return before.timers === 0 && before.fetches === 0 && JSON.stringify(after) === JSON.stringify(before)
    }, { timeout: 15_000 })
    .toBe(true)
}
