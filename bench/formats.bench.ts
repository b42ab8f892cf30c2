import { it } from 'vitest'
import { openPluginAsync } from '../test/e2e/harness'
import { TEST_KEY } from '../test/openrouter-stand-in/server'
import { PRESS_MS, clickedAtAsync, noLongTaskFigure, startClickClockAsync, useBenchPlugin } from './plugin-bench'
import { formatMs, recordFigure } from './figures'
import { type LongTask, longTasksBetweenAsync, watchLongTasks } from './long-tasks'

// Every format (issue 27) in the built plugin, as the browser tests run it, with the UI's iframe in a
// process of its own as in Figma: a 1600×1600 key visual and the issue's four frames on 2.6 Pro, one
// click. What the set pays for against what it shows, and the UI's main thread while the four land.
const FRAMES: [number, number][] = [[1080, 1920], [1200, 628], [728, 90], [300, 250]]
const DENSITY = 2
/** The model's wait: long enough that the four answers arrive close together, as they do from OpenRouter. */
const LATENCY_MS = 500
/** Whole sets, each in a fresh plugin session; the long-task figure is the worst of them. */
const RUNS = 3

const plugin = useBenchPlugin()

interface SetRun {
  /** Pixels asked for (the requests' sizes) ÷ pixels the frames show at 2×. */
  pixelsPaidShown: number
  /** Dollars billed (the answers' usage.cost) ÷ the estimate the panel showed before sending (its low end: the records' price). */
  billedShown: number
  billed: number
  shown: string
  wallMs: number
  longTasks: LongTask[]
}

it('makes a key visual into four formats on 2.6 Pro: paid ÷ shown at most 1.01, no main-thread task over 50 ms while they land', async ({ task }) => {
  const runs: SetRun[] = []
  // A set first, not counted: as the selection bench drops its first update. The browser's first
  // set also starts what a long-running one has started already (its GPU process, caches, the code's
  // first compile), and had most of the tasks over 50 ms left after the fixes of bench/results/notes.md.
  await runSetAsync()
  for (let i = 0; i < RUNS; i++) runs.push(await runSetAsync())
  const worstPaid = Math.max(...runs.map((r) => r.pixelsPaidShown))
  const worstBilled = Math.max(...runs.map((r) => r.billedShown))
  recordFigure(task, {
    group: 'formats',
    name: 'Every format on 2.6 Pro: a key visual into 1080×1920, 1200×628, 728×90 and 300×250 at 2×, paid ÷ shown',
    value: `pixels asked for ÷ pixels the frames show at 2×: ${worstPaid.toFixed(3)}; dollars billed ÷ the estimate shown before sending: ${worstBilled.toFixed(3)} (${runs.map((r) => `$${r.billed.toFixed(3)} against “${r.shown}”`).join(', ')})`,
    ratio: { label: 'pixels paid / pixels shown', value: worstPaid },
    more: [{ label: 'billed / shown estimate', value: worstBilled }],
    target: { max: 1.01, strict: false },
    data: { pixelsPaidShown: worstPaid, billedShown: worstBilled, billedEach: runs.map((r) => r.billed).join(' '), shown: runs[0].shown },
  })

  recordFigure(task, {
    group: 'formats',
    name: 'No main-thread task over 50 ms while the four formats land',
    ...noLongTaskFigure(
      runs.map((r) => r.longTasks),
      plugin.browser.version(),
      `from the click to the last format placed (${runs.map((r) => formatMs(r.wallMs)).join(', ')})`,
    ),
  })
})

async function runSetAsync(): Promise<SetRun> {
  plugin.standIn.setLatency(0)
  plugin.standIn.reset()
  const session = await openPluginAsync(plugin.browser, {
    standIn: plugin.standIn,
    key: TEST_KEY,
    setup: async (fake, frames: [number, number][]) => {
      // The host page's drawing of its canvas is the fake figma's work, not the UI's (bench/README.md).
      ;(window as unknown as { hostCanvasOff: boolean }).hostCanvasOff = true
      fake.storage.set('saved-state', { prompt: 'Sunlit sand', settings: { model: 'sourceful/riverflow-v2.6-pro', imageSize: '1K', fontInputs: [] } })
      const visual = fake.addRectangle({ name: 'Key visual', width: 1600, height: 1600, content: 'photo' })
      visual.fills = [{ type: 'IMAGE', imageHash: fake.figma.createImage(await visual.exportAsync({ constraint: { type: 'WIDTH', value: 400 } })).hash, scaleMode: 'FILL' }]
      const made = frames.map(([width, height], i) => fake.addFrame({ name: `${width}×${height}`, x: 1800 + i * 1300, width, height }))
      fake.select(visual, ...made)
      // When each result lands, by the page's clock.
      const placedAt: number[] = []
      ;(window as unknown as { placedAt: number[] }).placedAt = placedAt
      const post = fake.figma.ui.postMessage.bind(fake.figma.ui)
      fake.figma.ui.postMessage = (message: { type?: string; result?: { nodeIds?: unknown } }) => {
        if (message?.type === 'reply' && message.result?.nodeIds) placedAt.push(Date.now())
        post(message)
      }
    },
    setupArg: FRAMES,
  })
  const { ui } = session
  const action = ui.getByRole('button', { name: `Every format (${FRAMES.length})`, exact: true })
  await action.waitFor({ timeout: 60_000 })
  // Once the records are in, the price is the records' (a range whose low end is their price for these sizes).
  await waitForAsync(async () => /~\$0\.\d+–/.test((await ui.locator('#primary-price').getAttribute('aria-label')) ?? ''), 'the set’s estimate')
  const shown = (await ui.locator('#primary-price').getAttribute('aria-label'))!.replace(/^Estimated cost /, '')
  const shownLow = Number(/\$(\d+\.\d+)/.exec(shown)![1])
  plugin.standIn.reset()
  plugin.standIn.setLatency(LATENCY_MS)

  const uiFrame = session.page.frames().find((frame) => frame !== session.page.mainFrame())!
  await startClickClockAsync(uiFrame)
  await uiFrame.evaluate(watchLongTasks)
  await action.click({ delay: PRESS_MS })
  await waitForAsync(async () => (await session.page.evaluate(() => (window as unknown as { placedAt: number[] }).placedAt.length)) >= FRAMES.length, 'the four formats')
  const clickedAt = await clickedAtAsync(uiFrame)
  const lastPlacedAt = await session.page.evaluate(() => Math.max(...(window as unknown as { placedAt: number[] }).placedAt))
  const longTasks = await uiFrame.evaluate(longTasksBetweenAsync, [clickedAt, lastPlacedAt] as const)
  plugin.standIn.setLatency(0)
  await session.close()

  const sent = plugin.standIn.imageGenerations()
  if (sent.length !== FRAMES.length || sent.some((request) => request.status !== 200)) throw new Error(`Expected ${FRAMES.length} answered requests, saw ${sent.map((r) => r.status).join(', ')}`)
  const asked = sent.map((request) => (request.body as { size: string }).size.split('x').map(Number)).reduce((sum, [w, h]) => sum + w * h, 0)
  const showing = FRAMES.reduce((sum, [w, h]) => sum + w * DENSITY * h * DENSITY, 0)
  const billed = sent.reduce((sum, request) => sum + (request.cost ?? Number.NaN), 0)
  return { pixelsPaidShown: asked / showing, billedShown: billed / shownLow, billed, shown, wallMs: lastPlacedAt - clickedAt, longTasks }
}

async function waitForAsync(check: () => Promise<boolean>, what: string): Promise<void> {
  const until = Date.now() + 60_000
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
