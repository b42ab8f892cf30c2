import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isFullRun, propertyRuns } from '../../support/property-runs'
import type { GenerationSettings } from '../../../common/domain'
import { dataUrlBytes } from '../../../ui/image/encoded-image'
import { type EncodedFormat, type ImageEncoder, fitRequestToBudgetAsync, requestBytesWithoutImages } from '../../../ui/encoding/request-budget'
import { MAX_REQUEST_BYTES, type RequestImage, buildGenerationRequest, serializeRequest } from '../../../ui/openrouter/request'
import { type TestFrame, nodeEncoder } from './node-encoder'
import { withModelOf } from '../../fixtures/orders'
import { DEFAULT_STATE } from '../../../ui/defaults'

const settings: GenerationSettings = { ...DEFAULT_STATE.settings, model: 'sourceful/riverflow-v2-pro', aspectRatio: '1:1', imageSize: '2K' }

function requestFor(prompt: string, input: RequestImage, references: RequestImage[]) {
  return buildGenerationRequest(withModelOf({ prompt, settings, inputImages: [input], references }))
}

async function fitAsync(prompt: string, input: TestFrame, references: TestFrame[], budgetBytes: number, calls = new Map<string, number>()) {
  const fixedBytes = requestBytesWithoutImages(requestFor(prompt, '', references.map(() => '')))
  const result = await fitRequestToBudgetAsync({ input, references, encode: nodeEncoder(calls), fixedBytes, budgetBytes, formats: ['png', 'jpeg'] })
  const sent = serializeRequest(requestFor(prompt, result.input.image, result.references.map((r) => r.image))).bytes
  return { result, fixedBytes, sent }
}

/** Bytes whose base64 takes about `characters` characters: what a fake encoder's sizes are given in. */
const base64Of = (characters: number) => new Uint8Array(Math.ceil((characters * 3) / 4))

// The loop tries frames of up to half the side, a quarter of the pixels to encode, against the
// same budgets: the same problem, shrunk less often; the full run tries them at full size.
const MAX_SIDE = isFullRun() ? 1400 : 700

const frame = (id: string) =>
  fc.record({
    id: fc.constant(id),
    name: fc.constant(id),
    width: fc.integer({ min: 64, max: MAX_SIDE }),
    height: fc.integer({ min: 64, max: MAX_SIDE }),
    kind: fc.constantFrom<'flat' | 'photo'>('flat', 'photo'),
    seed: fc.integer({ min: 0, max: 1000 }),
  })

// Property runs use a smaller budget than 4.5 MB so that pure-JS encoders stay quick;
// the algorithm does not depend on the number. One fixed case below uses the real cap.
describe('fitRequestToBudgetAsync (property tests with real PNG and JPEG encoders)', () => {
  it('always fits the whole request in the budget, and the input keeps the most pixels that fit (within 10 % linear)', async () => {
    await fc.assert(
      fc.asyncProperty(
        frame('input'),
        fc.array(frame('ref'), { maxLength: 4 }).map((refs) => refs.map((r, i) => ({ ...r, id: `ref${i}`, name: `ref${i}` }))),
        fc.string({ maxLength: 400 }),
        fc.integer({ min: 60_000, max: 400_000 }),
        async (input, references, prompt, budget) => {
          const calls = new Map<string, number>()
          const { result, sent, fixedBytes } = await fitAsync(prompt, input, references, budget, calls)
          // 1. Never over: the body as it would be sent, byte for byte.
          expect(sent).toBeLessThanOrEqual(budget)
          // Exact, but for the placeholders of dropped references, which only overestimate.
          if (result.dropped.length === 0) expect(sent).toBe(result.totalBytes)
          else expect(sent).toBeLessThan(result.totalBytes)
          // 2. Shrink notes exactly when something was sent smaller.
          const shrunk = [result.input, ...result.references].filter((i) => i.width < i.source.width || i.height < i.source.height)
          expect(result.notes.map((n) => n.name).sort()).toEqual(shrunk.map((i) => i.source.name).sort())
          // 3. The input is near the largest size that fits: 10 % larger (linear) would not fit in
          //    what the input may take, i.e. the budget less each reference's smallest size.
          if (result.input.width < input.width) {
            const floors = await Promise.all(
              references.map(async (ref) => {
                const scale = Math.min(1, 64 / Math.max(ref.width, ref.height))
                const [w, h] = [Math.max(1, Math.round(ref.width * scale)), Math.max(1, Math.round(ref.height * scale))]
                const sizes = await Promise.all((['png', 'jpeg'] as const).map((f) => nodeEncoder()(ref, w, h, f).then(dataUrlBytes)))
                return Math.min(...sizes)
              }),
            )
            const reserved = floors.reduce((a, b) => a + b, 0)
            const bigger = await nodeEncoder()(input, Math.round(result.input.width * 1.1), Math.round(result.input.height * 1.1), result.input.format)
            expect(fixedBytes + reserved + dataUrlBytes(bigger)).toBeGreaterThan(budget)
          }
          // 4. Few encodes per image.
          for (const count of calls.values()) expect(count).toBeLessThanOrEqual(12)
        },
      ),
      { numRuns: propertyRuns(25) },
    )
  }, 120_000)

  it('sends a small flat frame at full size as PNG', async () => {
    const input: TestFrame = { id: 'logo', name: 'Logo', width: 800, height: 600, kind: 'flat', seed: 1 }
    const { result } = await fitAsync('Refine', input, [], MAX_REQUEST_BYTES)
    expect(result.input).toMatchObject({ format: 'png', width: 800, height: 600 })
    expect(result.notes).toEqual([])
  })

  it('keeps flat graphics lossless when the PNG fits, and sends photos lossy', async () => {
    // An encoder whose sizes are set per format: bytes per pixel, as the content would give.
    const sized = (perPixel: Record<EncodedFormat, number>): ImageEncoder<TestFrame> => async (_frame, width, height, format) => ({
      bytes: base64Of(Math.ceil(width * height * perPixel[format])),
      format,
      width,
      height,
    })
    const input: TestFrame = { id: 'ui', name: 'Screen', width: 1000, height: 800, kind: 'flat', seed: 1 }
    const fit = (perPixel: Record<EncodedFormat, number>) =>
      fitRequestToBudgetAsync({ input, references: [], encode: sized(perPixel), fixedBytes: 500, budgetBytes: MAX_REQUEST_BYTES })
    // An interface screen: PNG twice the WebP, and it fits: PNG, every pixel.
    expect((await fit({ png: 0.4, webp: 0.2, jpeg: 0.3 })).input).toMatchObject({ format: 'png', width: 1000, height: 800 })
    // A photo: PNG fits, but it is seven times the JPEG: JPEG.
    expect((await fit({ png: 2, webp: 0.2, jpeg: 0.3 })).input).toMatchObject({ format: 'jpeg', width: 1000, height: 800 })
    // Flat, but neither PNG nor JPEG would fit whole: WebP at full size beats either at a smaller one.
    expect((await fit({ png: 7, webp: 4, jpeg: 6 })).input).toMatchObject({ format: 'webp', width: 1000, height: 800 })
  })

  it('sends a light PNG of flat graphics as it is, without trying another format', async () => {
    const asked: EncodedFormat[] = []
    const encoder: ImageEncoder<TestFrame> = async (_frame, width, height, format) => {
      asked.push(format)
      return { bytes: base64Of(Math.ceil(width * height * (format === 'png' ? 0.3 : 0.05))), format, width, height }
    }
    const input: TestFrame = { id: 'ui', name: 'Screen', width: 1024, height: 683, kind: 'flat', seed: 1 }
    const result = await fitRequestToBudgetAsync({ input, references: [], encode: encoder, fixedBytes: 500, budgetBytes: MAX_REQUEST_BYTES })
    expect(asked).toEqual(['png'])
    expect(result.input).toMatchObject({ format: 'png', width: 1024, height: 683 })
  })

  it('tries WebP, slower to encode than JPEG, only when nothing fits whole', async () => {
    const asked: string[] = []
    const encoder: ImageEncoder<TestFrame> = async (_frame, width, height, format) => {
      asked.push(`${format} ${width}`)
      const perPixel = { png: 2, jpeg: 0.5, webp: 0.3 }[format]
      return { bytes: base64Of(Math.ceil(width * height * perPixel)), format, width, height }
    }
    const photo = (width: number): TestFrame => ({ id: `p${width}`, name: 'Photo', width, height: width, kind: 'photo', seed: 1 })
    const fit = (width: number) => fitRequestToBudgetAsync({ input: photo(width), references: [], encode: encoder, fixedBytes: 500, budgetBytes: MAX_REQUEST_BYTES })
    expect((await fit(1000)).input.format).toBe('jpeg')
    expect(asked).toEqual(['png 1000', 'jpeg 1000'])
    asked.length = 0
    // 4000 px: JPEG at full size is 8 MB; WebP is smaller still, so the search shrinks in WebP.
    const big = await fit(4000)
    expect(asked.slice(0, 3)).toEqual(['png 4000', 'jpeg 4000', 'webp 4000'])
    expect(big.input.format).toBe('webp')
    expect(asked.slice(3).every((a) => a.startsWith('webp'))).toBe(true)
  })

  it('sends a photo as JPEG, and a large one smaller, saying by how much', async () => {
    const input: TestFrame = { id: 'photo', name: 'Photo', width: 1400, height: 1000, kind: 'photo', seed: 2 }
    const { result } = await fitAsync('Refine', input, [], 300_000)
    expect(result.input.format).toBe('jpeg')
    expect(result.notes).toHaveLength(1)
    expect(result.notes[0]).toMatchObject({ name: 'Photo', from: { width: 1400, height: 1000 } })
    expect(result.notes[0].keptPercent).toBeLessThan(100)
  })

  // The real cap takes the real encoders seconds: the full run's; the loop's property test fits the same search to smaller budgets.
  it.runIf(isFullRun())('keeps a big frame within the real 4.5 MB cap', async () => {
    const input: TestFrame = { id: 'big', name: 'Big', width: 2800, height: 2400, kind: 'photo', seed: 3 }
    const fixedBytes = requestBytesWithoutImages(requestFor('Upscale', '', []))
    const result = await fitRequestToBudgetAsync({ input, references: [], encode: nodeEncoder(), fixedBytes, budgetBytes: MAX_REQUEST_BYTES, formats: ['png'] })
    expect(result.totalBytes).toBeLessThanOrEqual(MAX_REQUEST_BYTES)
    expect(result.totalBytes).toBeGreaterThan(MAX_REQUEST_BYTES * 0.8)
    expect(result.input.width).toBeLessThan(2800)
  }, 60_000)

  it('drops a reference that cannot fit at all, and says the input cannot fit when it cannot', async () => {
    const input: TestFrame = { id: 'in', name: 'In', width: 600, height: 600, kind: 'photo', seed: 4 }
    const reference: TestFrame = { id: 'ref', name: 'Ref', width: 600, height: 600, kind: 'photo', seed: 5 }
    const fixed = requestBytesWithoutImages(requestFor('p', '', ['']))
    const tiny = await fitRequestToBudgetAsync({ input, references: [reference], encode: nodeEncoder(), fixedBytes: fixed, budgetBytes: fixed + 4_000, formats: ['png', 'jpeg'] })
    expect(tiny.dropped.map((r) => r.name)).toEqual(['Ref'])
    await expect(
      fitRequestToBudgetAsync({ input, references: [], encode: nodeEncoder(), fixedBytes: fixed, budgetBytes: fixed + 100, formats: ['png'] }),
    ).rejects.toThrow(/cannot fit in Riverflow’s 4\.5 MB request/)
  })
})
