import { afterAll, beforeAll, expect, it } from 'vitest'
import { decodePng, readImageInfo } from '../test/images/png'
import { CUTOUT_EDGE_PX, type WrittenImage, cutoutAlpha, translucentAlpha, writePng } from './answer-images'
import { type BenchPageSession, openBenchPageAsync } from './bench-page'
import { formatBytes, formatMs, median, recordFigure } from './figures'
import type { ShrinkVariant } from './page/shrink-alpha'

// The same 4K 16:9 answer as the shrink bench: opaque, as a cut-out, and see-through everywhere.
const WIDTH = 5120
const HEIGHT = 2880
const REPETITIONS = 7
/** Output pixels read back for the alpha check: every eighth in each direction. */
const SAMPLE_STEP = 8

type Alpha = (x: number, y: number) => number
/**
 * The cut-out is what a transparent answer is (Remove background, or a
 * subject on a transparent background): the 1.1× target is on it. See-through
 * everywhere is the worst case, reported: every pixel's alpha is information
 * to inflate and to compress again, which an opaque picture does not carry.
 */
const VARIANTS: { key: string; label: string; alpha: Alpha | null; target: number | null }[] = [
  { key: 'opaque', label: 'opaque', alpha: null, target: null },
  { key: 'cutout', label: 'a cut-out on a transparent background', alpha: cutoutAlpha(WIDTH, HEIGHT), target: 1.1 },
  { key: 'translucent', label: 'see-through everywhere (alpha 40 to 240)', alpha: translucentAlpha, target: null },
]

let session: BenchPageSession
let images: WrittenImage[]
beforeAll(async () => {
  images = VARIANTS.map((v) => writePng(`shrink-alpha-${v.key}`, WIDTH, HEIGHT, v.alpha ?? undefined))
  session = await openBenchPageAsync()
})
afterAll(async () => {
  await session?.close()
})

it('shrinks a transparent 4K answer about as fast as an opaque one, and keeps its alpha', async ({ task }) => {
  const urls = images.map((image) => `${session.dataUrl}/${image.file}`)
  const [opaque, ...withAlpha] = await session.page.evaluate(([u, n]) => window.bench.timeShrinkVariantsAsync(u, n), [urls, REPETITIONS] as const)
  const opaqueMs = median(opaque.ms)
  const opaqueDecodeMs = median(opaque.decodeMs)
  withAlpha.forEach((variant, i) => {
    const { label, alpha: inputAlpha, target } = VARIANTS[i + 1]
    const alpha = checkAlpha(pngOf(variant), inputAlpha!)
    const ms = median(variant.ms)
    const decodeMs = median(variant.decodeMs)
    recordFigure(task, {
      group: 'shrink',
      name: `Shrink a 4K answer with transparency, ${label} (${WIDTH}×${HEIGHT} RGBA PNG, ${formatBytes(variant.bytes)}), to ${alpha.width}×${alpha.height}, against the same picture opaque (${formatBytes(opaque.bytes)})`,
      value:
        `prepareForFigmaAsync: with alpha ${formatMs(ms)} (a ${formatBytes(variant.outputBytes)} PNG), opaque ${formatMs(opaqueMs)} (${formatBytes(opaque.outputBytes)}); ` +
        `decode alone ${formatMs(decodeMs)} and ${formatMs(opaqueDecodeMs)}; medians of ${REPETITIONS}, taking turns; ` +
        `alpha kept at every sampled pixel (${percent(alpha.clear)} fully transparent, ${percent(alpha.between)} between)`,
      ratio: { label: 'with alpha / opaque', value: ms / opaqueMs },
      // Where the time goes: the decode follows the bytes in, the encode the bytes out.
      more: [
        { label: 'decode alone, with alpha / opaque', value: decodeMs / opaqueDecodeMs },
        { label: 'PNG out, with alpha / opaque', value: variant.outputBytes / opaque.outputBytes },
      ],
      target: target === null ? null : { max: target, strict: false },
      data: {
        chromium: session.chromium,
        opaqueBytes: opaque.bytes,
        alphaBytes: variant.bytes,
        opaqueMs,
        alphaMs: ms,
        opaqueDecodeMs,
        alphaDecodeMs: decodeMs,
        opaqueEachMs: opaque.ms.map(Math.round).join(' '),
        alphaEachMs: variant.ms.map(Math.round).join(' '),
        opaqueOutputBytes: opaque.outputBytes,
        alphaOutputBytes: variant.outputBytes,
        clearSamples: alpha.clear,
        betweenSamples: alpha.between,
        repetitions: REPETITIONS,
      },
    })
  })
  // The opaque picture stays opaque: no alpha appears from nowhere.
  expect(checkAlpha(pngOf(opaque), () => 255).between).toBe(0)
})

function pngOf(variant: ShrinkVariant): Uint8Array {
  return new Uint8Array(Buffer.from(variant.output.slice(variant.output.indexOf(',') + 1), 'base64'))
}

/**
 * Reads the shrunk PNG with the tests' own decoder and compares its alpha with
 * the input's where each output pixel is drawn from: between the least and
 * the most alpha found around that place (give or take rounding), and exactly
 * 0 or 255 where the input is clear or opaque all around. A correctness check:
 * unlike a time, it fails the bench.
 */
function checkAlpha(png: Uint8Array, input: Alpha) {
  expect(readImageInfo(png)?.format).toBe('png')
  const { width, height, rgba } = decodePng(png)
  expect(Math.max(width, height)).toBe(4096)
  const scale = WIDTH / width
  let samples = 0
  let clear = 0
  let between = 0
  const wrong: string[] = []
  for (let y = 0; y < height; y += SAMPLE_STEP) {
    for (let x = 0; x < width; x += SAMPLE_STEP) {
      const a = rgba[(y * width + x) * 4 + 3]
      // The input pixels this output pixel is drawn from, and as far again each side for the filter's reach.
      const ix = (x + 0.5) * scale
      const iy = (y + 0.5) * scale
      const around = [-2, 0, 2].flatMap((dy) => [-2, 0, 2].map((dx) => input(ix + dx * scale, iy + dy * scale)))
      const [lo, hi] = [Math.min(...around), Math.max(...around)]
      const slack = lo === hi && (lo === 0 || lo === 255) ? 0 : 2
      if (a < lo - slack || a > hi + slack) wrong.push(`(${x}, ${y}): alpha ${a}, input ${lo} to ${hi}`)
      samples++
      if (a === 0) clear++
      else if (a < 255) between++
    }
  }
  expect(wrong.slice(0, 5)).toEqual([])
  // The cut-out's edge is wide enough in the output for samples to land on it.
  expect(CUTOUT_EDGE_PX / scale).toBeGreaterThan(SAMPLE_STEP / 2)
  return { width, height, clear: clear / samples, between: between / samples }
}

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`
}
