import type { Browser, Frame } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { launchChromiumAsync } from '../test/e2e/chromium'
import { closeHostServerAsync } from '../test/e2e/harness'
import { type OpenRouterStandIn, startOpenRouterStandIn } from '../test/openrouter-stand-in/server'
import type { Figure } from './figures'
import { LONG_TASK_THRESHOLD_MS, type LongTask, longestTaskMs, longestTaskText, longTaskRatio } from './long-tasks'

/**
 * The built plugin for a bench, as the browser tests run it but with the UI's
 * iframe in a process of its own, as in Figma: the fake figma's work is the host
 * page's, not the UI's, and must not run on the UI's main thread that the long
 * tasks are counted on. One Chromium and one stand-in for the file; call at its top.
 */
export function useBenchPlugin(): { readonly browser: Browser; readonly standIn: OpenRouterStandIn } {
  let browser: Browser | undefined
  let standIn: OpenRouterStandIn | undefined
  beforeAll(async () => {
    browser = await launchChromiumAsync([], { uiProcess: 'own' })
    standIn = await startOpenRouterStandIn()
  })
  afterAll(async () => {
    await browser?.close()
    await standIn?.close()
    await closeHostServerAsync()
  })
  return {
    get browser() {
      return browser!
    },
    get standIn() {
      return standIn!
    },
  }
}

/**
 * How long the benches hold the mouse button down on the main action, in ms. Playwright's default
 * (none) sends the move, the press and the release at once, and Chromium reads all three in one task
 * with the click; a hand takes 50 to 150 ms between press and release, so the press is a task of its own.
 */
export const PRESS_MS = 80

/** From now, the UI's frame notes when it gets the first click: the clock starts there, not when Playwright starts moving the mouse. */
export async function startClickClockAsync(uiFrame: Frame): Promise<void> {
  await uiFrame.evaluate(() => {
    const w = window as unknown as { clickedAt?: number }
    w.clickedAt = undefined
    addEventListener('click', () => (w.clickedAt ??= Date.now()), { capture: true })
  })
}

/** When the UI got the click (ms since the epoch). */
export function clickedAtAsync(uiFrame: Frame): Promise<number> {
  return uiFrame.evaluate(() => (window as unknown as { clickedAt: number }).clickedAt)
}

/** The figure of no main-thread task over 50 ms: the longest of every run's tasks (any one reported misses), in `span`. */
export function noLongTaskFigure(perRun: readonly LongTask[][], chromium: string, span: string): Pick<Figure, 'value' | 'ratio' | 'target' | 'data'> {
  const longest = perRun.map(longestTaskMs)
  const uiTasks = perRun.flat()
  const worst = longestTaskMs(uiTasks)
  return {
    value:
      `${longestTaskText(worst)} over ${perRun.length} runs (each run's longest: ${longest.map(longestTaskText).join(', ')}); ` +
      `${uiTasks.length} task${uiTasks.length === 1 ? '' : 's'} over 50 ms in all, ${span}`,
    ratio: longTaskRatio(worst, LONG_TASK_THRESHOLD_MS),
    target: { max: 1, strict: false },
    data: {
      chromium,
      longestTaskMs: worst,
      tasksOver50Ms: uiTasks.length,
      longestEachMs: longest.map((ms) => ms ?? 0).join(' '),
      longTasks: uiTasks.map((t) => `${Math.round(t.ms)} ms (${t.name})`).join(', '),
    },
  }
}
