import { afterAll, beforeAll, it } from 'vitest'
import { type WrittenImage, writePng } from './answer-images'
import { type BenchPageSession, openBenchPageAsync } from './bench-page'
import { formatBytes, formatMs, median, recordFigure } from './figures'
import { longestTaskMs, longestTaskText, longTaskRatio } from './long-tasks'

// 4K 16:9 is 5120×2880 (docs/contracts.md#output-pixel-sizes): over Figma's 4096 px, so the UI must shrink it.
const WIDTH = 5120
const HEIGHT = 2880
const REPETITIONS = 5

let session: BenchPageSession
let image: WrittenImage
beforeAll(async () => {
  image = writePng('shrink-4k-16x9', WIDTH, HEIGHT)
  session = await openBenchPageAsync()
})
afterAll(async () => {
  await session?.close()
})

it('shrinks a 4K 16:9 answer to Figma’s 4096 px limit', async ({ task }) => {
  const url = `${session.dataUrl}/${image.file}`
  const times = await session.page.evaluate(([u, n]) => window.bench.timeShrinkAsync(u, n), [url, REPETITIONS] as const)
  if (times.from.width !== WIDTH || times.from.height !== HEIGHT) throw new Error('The page shrank another image than the one written')
  const ours = median(times.ours)
  const decodeOnly = median(times.decodeOnly)
  const encodeOnly = median(times.encodeOnly)
  recordFigure(task, {
    group: 'shrink',
    name: `Shrink 4K 16:9 (${WIDTH}×${HEIGHT} PNG, ${formatBytes(times.from.bytes)}) to ${times.to.width}×${times.to.height}`,
    value: `prepareForFigmaAsync ${formatMs(ours)}, giving a ${formatBytes(times.to.bytes)} PNG; decode alone (createImageBitmap) ${formatMs(decodeOnly)}; PNG encode alone at ${times.to.width}×${times.to.height} ${formatMs(encodeOnly)}; medians of ${REPETITIONS}`,
    ratio: { label: 'ours / decode alone', value: ours / decodeOnly },
    more: [{ label: 'ours / (decode + encode alone)', value: ours / (decodeOnly + encodeOnly) }],
    target: null,
    data: {
      chromium: session.chromium,
      fromBytes: times.from.bytes,
      toWidth: times.to.width,
      toHeight: times.to.height,
      toBytes: times.to.bytes,
      oursMs: ours,
      decodeOnlyMs: decodeOnly,
      encodeOnlyMs: encodeOnly,
      repetitions: REPETITIONS,
    },
  })

  const longest = times.longTasks.map(longestTaskMs)
  const worst = longestTaskMs(times.longTasks.flat())
  recordFigure(task, {
    group: 'shrink',
    name: `Longest task on the main thread while a 4K 16:9 answer is shrunk`,
    value: `${longestTaskText(worst)} over ${REPETITIONS} shrinks (each: ${longest.map(longestTaskText).join(', ')}), of ${formatMs(ours)} each (median)`,
    ratio: longTaskRatio(worst),
    target: { max: 1, strict: false },
    data: {
      chromium: session.chromium,
      longestTaskMs: worst,
      longestEachMs: longest.map((ms) => ms ?? 0).join(' '),
      longTasks: times.longTasks.flat().map((t) => Math.round(t.ms)).join(' '),
    },
  })
})
