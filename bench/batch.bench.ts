import { it } from 'vitest'
import { openPluginAsync } from '../test/e2e/harness'
import { openOptionsAsync } from '../test/e2e/panel-actions'
import { type RecordedRequest, TEST_KEY } from '../test/openrouter-stand-in/server'
import { PRESS_MS, clickedAtAsync, noLongTaskFigure, startClickClockAsync, useBenchPlugin } from './plugin-bench'
import { formatMs, median, recordFigure } from './figures'
import { type LongTask, longTasksBetweenAsync, watchLongTasks } from './long-tasks'

// The built plugin (dist/) in the host page, against the OpenRouter stand-in, as the browser tests run it,
// but with the UI's iframe in a process of its own, as in Figma: the fake figma's exports are the host
// page's work, not the UI's, and must not run on the UI's main thread that the long tasks are counted on.
const FRAMES = 8
/** The answers' size: 2K refinements, the issue's batch. */
const IMAGE_SIZE = '2K'
const AT_A_TIME = 4
const LATENCY_MS = 1000
/** Every frame waits for the model once; AT_A_TIME of them wait together. */
const IDEAL_MS = Math.ceil(FRAMES / AT_A_TIME) * LATENCY_MS
/** Whole batches, each in a fresh plugin session; the figure is the median run, so one run disturbed by the machine is not the figure. */
const RUNS = 5

const plugin = useBenchPlugin()

interface BatchRun {
  wallMs: number
  firstSentMs: number
  lastAnsweredMs: number
  maxConcurrency: number
  standInOwnMs: number
  /** Each request's arrival and answer at the stand-in, in ms after the click. */
  timeline: string
  /** The fake figma's export of a flat and of a photo frame at the size the batch sends, timed alone. */
  fakeExportMs: number[]
  /** The UI's main-thread tasks over 50 ms from the click to the last result placed. */
  longTasks: LongTask[]
}

it(`refines a batch of ${FRAMES} frames at ${IMAGE_SIZE}, ${AT_A_TIME} at a time, within 1.15× of the ideal, the UI responsive`, async ({ task }) => {
  const runs: BatchRun[] = []
  for (let i = 0; i < RUNS; i++) runs.push(await runBatchAsync())
  const sorted = [...runs].sort((a, b) => a.wallMs - b.wallMs)
  const run = sorted[Math.floor(RUNS / 2)]
  recordFigure(task, {
    group: 'batch',
    name: `Batch of ${FRAMES} frames at ${IMAGE_SIZE}, ${AT_A_TIME} at a time, stand-in latency ${LATENCY_MS / 1000} s`,
    value:
      `wall ${formatMs(run.wallMs)} from the click to the last result on the canvas (median of ${RUNS} runs: ${runs.map((r) => `${formatMs(r.wallMs)} with the first request at ${formatMs(r.firstSentMs)}`).join(', ')}); ideal ${formatMs(IDEAL_MS)}; ` +
      `first request after ${formatMs(run.firstSentMs)}, last answer at ${formatMs(run.lastAnsweredMs)}; at most ${run.maxConcurrency} requests at once; ` +
      `harness costs per frame: the fake figma's export ${formatMs(run.fakeExportMs[0])} (flat) / ${formatMs(run.fakeExportMs[1])} (photo), the stand-in ${formatMs(run.standInOwnMs)} beyond its latency`,
    ratio: { label: 'wall / ideal', value: run.wallMs / IDEAL_MS },
    more: [{ label: 'best run / ideal', value: sorted[0].wallMs / IDEAL_MS }],
    target: { max: 1.15, strict: false },
    data: {
      chromium: plugin.browser.version(),
      wallMs: run.wallMs,
      wallEachMs: runs.map((r) => r.wallMs).join(' '),
      firstSentEachMs: runs.map((r) => r.firstSentMs).join(' '),
      idealMs: IDEAL_MS,
      firstSentMs: run.firstSentMs,
      lastAnsweredMs: run.lastAnsweredMs,
      maxConcurrency: run.maxConcurrency,
      fakeExportFlatMs: run.fakeExportMs[0],
      fakeExportPhotoMs: run.fakeExportMs[1],
      standInOwnMs: run.standInOwnMs,
      requestsMsAfterClick: run.timeline,
    },
  })

  // The issue's limit is on every task: no main-thread task over 50 ms (the Long Tasks API's threshold), so the
  // figure is the longest task of all the runs, not of the median one, and any task reported misses it.
  recordFigure(task, {
    group: 'batch',
    name: `No main-thread task over 50 ms during the batch of ${FRAMES} at ${IMAGE_SIZE}`,
    ...noLongTaskFigure(
      runs.map((r) => r.longTasks),
      plugin.browser.version(),
      'from the click to the last result placed',
    ),
  })
})

async function runBatchAsync(): Promise<BatchRun> {
  plugin.standIn.setLatency(0)
  plugin.standIn.reset()
  const session = await openPluginAsync(plugin.browser, {
    standIn: plugin.standIn,
    key: TEST_KEY,
    setup: (fake) => {
      // The host page's drawing of its canvas is the fake figma's work, not the UI's (bench/README.md).
      ;(window as unknown as { hostCanvasOff: boolean }).hostCanvasOff = true
      const frames = []
      for (let i = 0; i < 8; i++) {
        frames.push(fake.addFrame({ name: `Frame ${i}`, x: (i % 4) * 700, y: Math.floor(i / 4) * 500, width: 600, height: 400, content: i % 2 ? 'photo' : 'flat' }))
      }
      fake.select(...frames)
      // When each result lands, by the page's clock: polling from Node would add its own latency.
      const placedAt: number[] = []
      const w = window as unknown as { placedAt: number[]; thumbnailsSent: number }
      w.placedAt = placedAt
      w.thumbnailsSent = 0
      const post = fake.figma.ui.postMessage.bind(fake.figma.ui)
      fake.figma.ui.postMessage = (message: { type?: string; result?: { nodeIds?: unknown } }) => {
        if (message?.type === 'layer-thumbnail') w.thumbnailsSent++
        // The sandbox's answer to a place-image request names the layers it made.
        if (message?.type === 'reply' && message.result?.nodeIds) placedAt.push(Date.now())
        post(message)
      }
    },
  })
  const { ui } = session
  // A designer sees the selection settle before pressing: the thumbnails the sandbox sends must not count in the batch's time.
  await expectSoon(async () => (await session.figma(() => (window as unknown as { thumbnailsSent: number }).thumbnailsSent)) >= FRAMES, 'the thumbnails')
  await ui.getByRole('button', { name: 'Settings' }).click()
  await ui.getByRole('combobox', { name: 'Requests at a time, for several frames' }).selectOption(String(AT_A_TIME))
  await ui.getByRole('button', { name: 'Done' }).click()
  await openOptionsAsync(ui)
  await ui.getByRole('combobox', { name: 'Size' }).selectOption(IMAGE_SIZE)
  await ui.getByRole('textbox', { name: 'Prompt' }).fill('Isometric style, soft shadows')
  plugin.standIn.reset()
  plugin.standIn.setLatency(LATENCY_MS)

  const countResults = () => session.figma((fake) => fake.page.children.filter((n) => n.name.endsWith('· Riverflow')).length)
  // The clock starts when the plugin's UI gets the click, not when Playwright starts moving the mouse.
  const uiFrame = session.page.frames().find((frame) => frame !== session.page.mainFrame())!
  await startClickClockAsync(uiFrame)
  await uiFrame.evaluate(watchLongTasks)
  const startedAt = Date.now()
  await ui.getByRole('button', { name: `Refine each (${FRAMES})` }).click({ delay: PRESS_MS })
  let placed = 0
  while (placed < FRAMES) {
    if (Date.now() - startedAt > 60_000) throw new Error(`Only ${placed} of ${FRAMES} results were placed after a minute`)
    await new Promise((resolve) => setTimeout(resolve, 10))
    placed = await countResults()
  }
  const clickedAt = await clickedAtAsync(uiFrame)
  const lastPlacedAt = await session.page.evaluate(() => Math.max(...(window as unknown as { placedAt: number[] }).placedAt))
  const wallMs = lastPlacedAt - clickedAt
  const longTasks = await uiFrame.evaluate(longTasksBetweenAsync, [clickedAt, lastPlacedAt] as const)
  plugin.standIn.setLatency(0)
  // Part of the time beyond the ideal is the harness's: the fake figma stands in for Figma's
  // export with a PNG encoder in JavaScript, on the same thread as the plugin's sandbox.
  const fakeExportMs = await session.figma(async (fake) => {
    const times: number[] = []
    for (const name of ['Frame 0', 'Frame 1']) {
      const node = fake.allNodes().find((n) => n.name === name)!
      const start = performance.now()
      await node.exportAsync({ format: 'PNG', constraint: { type: 'WIDTH', value: 1024 } })
      times.push(performance.now() - start)
    }
    return times
  })
  await session.close()

  const generations = plugin.standIn.generations()
  if (generations.length !== FRAMES || generations.some((g) => g.status !== 200)) {
    throw new Error(`Expected ${FRAMES} answered requests, saw ${generations.map((g) => g.status).join(', ')}`)
  }
  return {
    wallMs,
    firstSentMs: Math.min(...generations.map((g) => g.receivedAt)) - clickedAt,
    lastAnsweredMs: Math.max(...generations.map((g) => g.answeredAt ?? 0)) - clickedAt,
    maxConcurrency: maxConcurrency(generations),
    standInOwnMs: median(generations.map((g) => (g.answeredAt ?? 0) - g.receivedAt - LATENCY_MS)),
    timeline: generations.map((g) => `${g.receivedAt - clickedAt}–${(g.answeredAt ?? 0) - clickedAt}`).join(', '),
    fakeExportMs,
    longTasks,
  }
}

async function expectSoon(check: () => Promise<boolean>, what: string): Promise<void> {
  const until = Date.now() + 30_000
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** The most requests the stand-in held at one moment. */
function maxConcurrency(requests: readonly RecordedRequest[]): number {
  const events = requests.flatMap((r) => [
    { at: r.receivedAt, step: 1 },
    { at: r.answeredAt ?? Number.POSITIVE_INFINITY, step: -1 },
  ])
  // An answer and an arrival in the same millisecond: count the answer first.
  events.sort((a, b) => a.at - b.at || a.step - b.step)
  let open = 0
  let most = 0
  for (const event of events) {
    open += event.step
    most = Math.max(most, open)
  }
  return most
}
