import { afterAll, beforeAll, describe, it } from 'vitest'
import { type WrittenImage, writeAnswer } from './answer-images'
import { type BenchPageSession, openBenchPageAsync } from './bench-page'
import { formatBytes, formatMs, median, recordFigure } from './figures'

// An answer holding a 2K and one holding a 4K image, of the documented sizes
// (docs/contracts.md#output-pixel-sizes): 2K 16:9,
// and 4K 1:1 (the one 4K size Figma takes without shrinking; the others are the shrink bench's).
const ANSWERS = [
  { label: '2K 16:9', name: 'answer-2k-16x9', width: 2560, height: 1440, repetitions: 21 },
  { label: '4K 1:1', name: 'answer-4k-1x1', width: 4096, height: 4096, repetitions: 21 },
]

let session: BenchPageSession
const written = new Map<string, WrittenImage & { bodyBytes: number }>()
beforeAll(async () => {
  for (const answer of ANSWERS) written.set(answer.name, writeAnswer(answer.name, answer.width, answer.height))
  session = await openBenchPageAsync()
})
afterAll(async () => {
  await session?.close()
})

/** Every repetition, for the spread behind a median. */
const each = (values: number[]) => values.map((v) => v.toFixed(1)).join(' ')

describe('an answer, from the response body to bytes ready for createImage', () => {
  for (const answer of ANSWERS) {
    it(`decodes the ${answer.label} answer within 1.5× of the browser's own base64 decode`, async ({ task }) => {
      const { file, imageBytes, bodyBytes } = written.get(answer.name)!
      const url = `${session.dataUrl}/${file}`
      const times = await session.page.evaluate(([u, n]) => window.bench.timeAnswerDecodeAsync(u, n), [url, answer.repetitions] as const)
      if (times.imageBytes !== imageBytes || times.width !== answer.width) throw new Error('The page decoded another image than the one written')
      const ours = median(times.ours)
      const fromBase64 = median(times.fromBase64)
      const atob = median(times.atob)
      const fetchDataUrl = median(times.fetchDataUrl)
      const jsonParse = median(times.jsonParse)
      recordFigure(task, {
        group: 'decode',
        name: `Decode ${answer.label} answer (${answer.width}×${answer.height} PNG, ${formatBytes(imageBytes)})`,
        value: `ours ${formatMs(ours)}; Uint8Array.fromBase64 ${formatMs(fromBase64)} (atob ${formatMs(atob)}, fetch(data:) ${formatMs(fetchDataUrl)}, JSON.parse alone ${formatMs(jsonParse)}); medians of ${answer.repetitions} (atob and fetch of 3)`,
        ratio: { label: 'ours / fromBase64', value: ours / fromBase64 },
        more: [
          { label: 'ours / (JSON.parse + fromBase64)', value: ours / (jsonParse + fromBase64) },
          { label: 'ours / atob', value: ours / atob },
          { label: 'ours / fetch(data:)', value: ours / fetchDataUrl },
        ],
        target: { max: 1.5, strict: false },
        data: { chromium: session.chromium, imageBytes, bodyBytes, repetitions: answer.repetitions, oursMs: ours, fromBase64Ms: fromBase64, atobMs: atob, fetchDataUrlMs: fetchDataUrl, jsonParseMs: jsonParse, oursEachMs: each(times.ours), fromBase64EachMs: each(times.fromBase64) },
      })
    })
  }

  for (const answer of ANSWERS) {
    it(`holds under 4× the ${answer.label} image's bytes at its peak`, async ({ task }) => {
      const { file, imageBytes } = written.get(answer.name)!
      const page = await session.openPageAsync()
      const cdp = await page.context().newCDPSession(page)
      const readings: { stage: string; jsHeap: number; backingStores: number; usedJSHeapSize: number }[] = []
      await page.exposeFunction('benchHeapCheckpoint', async (stage: string, usedJSHeapSize: number) => {
        const usage = await cdp.send('Runtime.getHeapUsage')
        readings.push({ stage, jsHeap: usage.usedSize, backingStores: usage.backingStorageSize, usedJSHeapSize })
      })
      const url = `${session.dataUrl}/${file}`
      const walked = await page.evaluate((u) => window.bench.walkAnswerHeapAsync(u), url)
      await page.close()
      if (walked.imageBytes !== imageBytes) throw new Error('The page decoded another image than the one written')

      const [base, ...stages] = readings
      const above = stages.map((r) => ({
        stage: r.stage,
        total: r.jsHeap + r.backingStores - (base.jsHeap + base.backingStores),
        jsHeap: r.jsHeap - base.jsHeap,
        backingStores: r.backingStores - base.backingStores,
        usedJSHeapSize: r.usedJSHeapSize - base.usedJSHeapSize,
      }))
      const peak = above.reduce((a, b) => (b.total > a.total ? b : a))
      const peakPerformanceMemory = Math.max(...above.map((r) => r.usedJSHeapSize))
      recordFigure(task, {
        group: 'heap',
        name: `Peak memory, ${answer.label} answer (image ${formatBytes(imageBytes)})`,
        value: `peak +${formatBytes(peak.total)} at “${peak.stage}” (JS heap ${formatBytes(peak.jsHeap)} + ArrayBuffers ${formatBytes(peak.backingStores)}); stages: ${above.map((r) => `${r.stage} ${formatBytes(r.total)}`).join(', ')}; performance.memory peak ${formatBytes(peakPerformanceMemory)}`,
        ratio: { label: 'peak / image bytes', value: peak.total / imageBytes },
        more: [{ label: 'performance.memory peak / image bytes', value: peakPerformanceMemory / imageBytes }],
        target: { max: 4, strict: true },
        data: {
          chromium: session.chromium,
          imageBytes,
          peakBytes: peak.total,
          peakStage: peak.stage,
          ...Object.fromEntries(above.map((r) => [`${r.stage}AboveBaseBytes`, r.total])),
          ...Object.fromEntries(above.map((r) => [`${r.stage}JsHeapAboveBaseBytes`, r.jsHeap])),
          ...Object.fromEntries(above.map((r) => [`${r.stage}PerformanceMemoryAboveBaseBytes`, r.usedJSHeapSize])),
          peakPerformanceMemoryBytes: peakPerformanceMemory,
        },
      })
    })
  }
})
