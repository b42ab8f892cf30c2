import { afterAll, beforeAll, it } from 'vitest'
import { type WrittenImage, writePng } from './answer-images'
import { type BenchPageSession, openBenchPageAsync } from './bench-page'
import { formatBytes, formatMs, median, recordFigure } from './figures'
import { longestTaskMs, longestTaskText, longTaskRatio } from './long-tasks'

// Edit area's answer for a 300 px area sent at its largest (2048 px a side, ui/generation/plan/edit-area/plan-edit-area.ts),
// limited to the shape with a soft edge in the image worker (ui/image-work/mask-to-shape.ts): the panel's main thread only
// posts the job, and must run no task over 50 ms meanwhile.
const SIDE = 2048
const REPETITIONS = 5

let session: BenchPageSession
let image: WrittenImage
beforeAll(async () => {
  image = writePng('edit-area-2048', SIDE, SIDE)
  session = await openBenchPageAsync()
})
afterAll(async () => {
  await session?.close()
})

it('gives an Edit area answer its soft edge without holding the main thread', async ({ task }) => {
  const url = `${session.dataUrl}/${image.file}`
  const times = await session.page.evaluate(([u, side, n]) => window.bench.timeMaskAsync(u, side, n), [url, SIDE, REPETITIONS] as const)
  const ours = median(times.ours)
  const decodeOnly = median(times.decodeOnly)
  recordFigure(task, {
    group: 'mask',
    name: `Soft edge of an Edit area answer (${SIDE}×${SIDE} PNG, ${formatBytes(times.bytes)}) to an ellipse`,
    value: `maskToShapeAsync ${formatMs(ours)}; decode alone (createImageBitmap) ${formatMs(decodeOnly)}; medians of ${REPETITIONS}`,
    ratio: { label: 'ours / decode alone', value: ours / decodeOnly },
    target: null,
    data: { chromium: session.chromium, bytes: times.bytes, oursMs: ours, decodeOnlyMs: decodeOnly, repetitions: REPETITIONS },
  })
  const longest = times.longTasks.map(longestTaskMs)
  const worst = longestTaskMs(times.longTasks.flat())
  recordFigure(task, {
    group: 'mask',
    name: 'Longest task on the main thread while an Edit area answer gets its soft edge',
    value: `${longestTaskText(worst)} over ${REPETITIONS} masks (each: ${longest.map(longestTaskText).join(', ')})`,
    ratio: longTaskRatio(worst),
    // No task over 50 ms at all: the ratio is then 0.5, as a bound (longTaskRatio).
    target: { max: 0.5, strict: false },
    data: { chromium: session.chromium, longestTaskMs: worst, longestEachMs: longest.map((ms) => ms ?? 0).join(' ') },
  })
})
