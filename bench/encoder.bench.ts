import { afterAll, beforeAll, it } from 'vitest'
import { MAX_REQUEST_BYTES } from '../ui/openrouter/request'
import { type BenchPageSession, openBenchPageAsync } from './bench-page'
import { formatBytes, formatMs, recordFigure } from './figures'
import type { EncoderCase, EncoderResult } from './page/encode-frames'

// Frames a designer refines: interface screens (flat) and photographs, small to full HD.
const FRAMES = {
  iconSet: { name: 'Icon set', width: 400, height: 300, content: 'flat' },
  productCard: { name: 'Product card', width: 600, height: 400, content: 'photo' },
  socialBanner: { name: 'Social banner', width: 1200, height: 628, content: 'flat' },
  landingHero: { name: 'Landing hero', width: 1440, height: 900, content: 'photo' },
  dashboard: { name: 'Dashboard', width: 1920, height: 1080, content: 'flat' },
  photoWall: { name: 'Photo wall', width: 1920, height: 1080, content: 'photo' },
} as const satisfies Record<string, EncoderCase['input']>

const CASES: EncoderCase[] = [
  ...Object.values(FRAMES).map((input) => ({ input, references: [] })),
  // An input with two references (refSR): they share the cap with the input.
  { input: FRAMES.photoWall, references: [FRAMES.landingHero, FRAMES.productCard] },
]

let session: BenchPageSession
beforeAll(async () => {
  session = await openBenchPageAsync()
})
afterAll(async () => {
  await session?.close()
})

const results: { label: string; result: EncoderResult }[] = []

for (const encoderCase of CASES) {
  const { input, references } = encoderCase
  const label = `${input.name} (${input.content}, ${input.width}×${input.height})${references.length > 0 ? ` + ${references.length} references` : ''}`
  it(`sends ${label} against a plain PNG export`, async ({ task }) => {
    const result = await session.page.evaluate((c) => window.bench.encodeCaseAsync(c), encoderCase)
    results.push({ label, result })
    const [png1x, png2x] = result.plain
    const sent = result.sent.map((image) => `${image.format} ${image.width}×${image.height}`).join(' + ')
    const plainText = (plain: EncoderResult['plain'][number]) => `PNG ${plain.scale}x ${formatBytes(plain.requestBytes)}${plain.fits ? '' : ' (over the 4.5 MB cap)'}`
    recordFigure(task, {
      group: 'encoder',
      name: `Encoder: ${label}`,
      value: `sent ${formatBytes(result.requestBytes)} as ${sent} in ${formatMs(result.ms)}; ${plainText(png1x)}, ${plainText(png2x)}`,
      ...againstPlain({ bytes: result.requestBytes, pixels: result.pixels }, { bytes: png1x.requestBytes, pixels: png1x.pixels }, { bytes: png2x.requestBytes, pixels: png2x.pixels }),
      target: null,
      data: {
        chromium: session.chromium,
        requestBytes: result.requestBytes,
        pixels: result.pixels,
        sent,
        ms: result.ms,
        exported: result.exported.map((e) => `${e.width}×${e.height} ${e.bytes} B`).join(' + '),
        png1xRequestBytes: png1x.requestBytes,
        png1xPixels: png1x.pixels,
        png1xFits: png1x.fits,
        png2xRequestBytes: png2x.requestBytes,
        png2xPixels: png2x.pixels,
        png2xFits: png2x.fits,
      },
    })
  })
}

it('sums the set: bytes sent and pixels kept against plain PNG exports', ({ task }) => {
  if (results.length !== CASES.length) throw new Error('A case of the set did not run')
  const sum = (pick: (r: EncoderResult) => number) => results.reduce((n, { result }) => n + pick(result), 0)
  const ours = { bytes: sum((r) => r.requestBytes), pixels: sum((r) => r.pixels) }
  const png1x = { bytes: sum((r) => r.plain[0].requestBytes), pixels: sum((r) => r.plain[0].pixels) }
  const png2x = { bytes: sum((r) => r.plain[1].requestBytes), pixels: sum((r) => r.plain[1].pixels) }
  const overCap = (i: 0 | 1) => results.filter(({ result }) => !result.plain[i].fits).length
  // The encoder's promise, checked here rather than claimed: no request of ours over the cap.
  const oursOver = results.filter(({ result }) => result.requestBytes > MAX_REQUEST_BYTES).length
  if (oursOver > 0) throw new Error(`${oursOver} of our requests went over the 4.5 MB cap`)
  recordFigure(task, {
    group: 'encoder',
    name: `Encoder: the set of ${results.length} requests`,
    value: `sent ${formatBytes(ours.bytes)}; PNG 1x ${formatBytes(png1x.bytes)} (${overCap(0)} over the cap); PNG 2x ${formatBytes(png2x.bytes)} (${overCap(1)} over the cap); ours never over it`,
    ...againstPlain(ours, png1x, png2x),
    target: null,
    data: { requestBytes: ours.bytes, pixels: ours.pixels, png1xRequestBytes: png1x.bytes, png1xPixels: png1x.pixels, png2xRequestBytes: png2x.bytes, png2xPixels: png2x.pixels, png1xOverCap: overCap(0), png2xOverCap: overCap(1) },
  })
})

/** Our bytes and pixels against plain PNG exports at 1x and 2x, as the figure's ratios. */
function againstPlain(ours: { bytes: number; pixels: number }, png1x: { bytes: number; pixels: number }, png2x: { bytes: number; pixels: number }) {
  return {
    ratio: { label: 'bytes vs 1x', value: ours.bytes / png1x.bytes },
    more: [
      { label: 'pixels vs 1x', value: ours.pixels / png1x.pixels },
      { label: 'bytes vs 2x', value: ours.bytes / png2x.bytes },
      { label: 'pixels vs 2x', value: ours.pixels / png2x.pixels },
    ],
  }
}
