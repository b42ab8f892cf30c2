import { describe, expect, it, vi } from 'vitest'
import type { HeldTile, TiledImage } from '../../../../common/domain'
import type { PlaceImageArgs } from '../../../../common/messages'
import { BridgeError } from '../../../../ui/bridge'
import type { OutcomeEvent } from '../../../../ui/generation/job-outcome'
import { createFullSizeStore } from '../../../../ui/generation/land/full-size-store'
import type { KeptImage } from '../../../../ui/generation/land/kept-images'
import { createLander, retryKeptAsync } from '../../../../ui/generation/land/lander'
import type { LanderOptions } from '../../../../ui/generation/land/lander-options'
import type { TaskSpec } from '../../../../ui/generation/plan/task'
import { type PreparedForFigma, prepareForFigmaAsync } from '../../../../ui/image-work/prepare-for-figma'
import { GenerationError } from '../../../../ui/answer/errors'
import type { ImageSource } from '../../../../ui/answer/response'
import { encodePng, toBase64 } from '../../../images/png'
import { orderOf } from '../../../fixtures/orders'
import { recordWith } from '../../../fixtures/records'

/** The first bytes of a PNG of that size: all the lander reads of an image it does not decode itself. */
function pngHeader(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33)
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
  new DataView(bytes.buffer).setUint32(16, width)
  new DataView(bytes.buffer).setUint32(20, height)
  return bytes
}
const source = (bytes: Uint8Array): ImageSource => ({ kind: 'base64', mime: 'image/png', base64: toBase64(bytes) })

const record = recordWith({ prompt: 'A wide mountain panorama' })
const spec: TaskSpec = {
  ...orderOf('A wide mountain panorama'),
  id: 't1',
  label: 'A wide mountain panorama',
  inputs: [],
  references: [],
  placement: 'fill',
  targetIds: ['1:2'],
  name: 'A wide mountain panorama',
  reveal: true,
}
const shrunk: PreparedForFigma = { bytes: new Uint8Array([1, 2, 3]), width: 4096, height: 2304, originalWidth: 5120, originalHeight: 2880, shrunk: true, reencoded: true }
const tiled: TiledImage = { width: 5120, height: 2880, tiles: [0, 2560].map((x) => ({ bytes: new Uint8Array([x]), x, y: 0, width: 2560, height: 2880 })) }
// As Figma holds them: each tile's bytes given in a request of its own, its hash back.
const held: TiledImage<HeldTile> = { width: 5120, height: 2880, tiles: tiled.tiles.map(({ bytes, ...rect }) => ({ ...rect, imageHash: `hash-${bytes[0]}` })) }

function landOne(bytes: Uint8Array, change: Partial<LanderOptions['seams']> & { keepFullResolution?: boolean; task?: TaskSpec } = {}) {
  const { keepFullResolution = false, task = spec, ...seams } = change
  const events: OutcomeEvent[] = []
  const kept: Omit<KeptImage, 'id'>[] = []
  const store = createFullSizeStore()
  const placed: PlaceImageArgs[] = []
  const place = vi.fn(async (args: PlaceImageArgs) => {
    placed.push(args)
    return { nodeIds: ['9:9'], placement: args.placement }
  })
  const prepare = vi.fn(async () => shrunk)
  const cut = vi.fn(async () => tiled)
  const hold = vi.fn(async () => held)
  const lander = createLander({
    keepFullResolution,
    report: (event) => events.push(event),
    keep: (item) => kept.push(item),
    seams: { place, prepare, cut, hold, store, ...seams },
  })
  lander.land(source(bytes), task, record)
  return { events, kept, store, placed, place, cut, hold, settled: lander.settledAsync() }
}

describe('the lander', () => {
  it('places an image Figma takes as it is, the very bytes, keeping nothing', async () => {
    const png = encodePng(64, 48)
    const { events, store, placed, cut, settled } = landOne(png, { prepare: prepareForFigmaAsync })
    expect(await settled).toEqual({ placed: 1, kept: 0 })
    expect(placed[0]).toMatchObject({ taskId: 't1', placement: 'fill', targetIds: ['1:2'], image: { width: 64, height: 48 }, record })
    expect((placed[0].image as { bytes: Uint8Array }).bytes).toEqual(png)
    expect(events).toEqual([{ type: 'image-placed', fellBack: false, layers: { nodeIds: ['9:9'], name: 'A wide mountain panorama' } }])
    expect(cut).not.toHaveBeenCalled()
    expect(store.get('full-size-1')).toBeNull()
  })

  it('places a larger image scaled down and keeps its original bytes for the download', async () => {
    const original = pngHeader(5120, 2880)
    const { events, store, placed, cut, settled } = landOne(original)
    expect(await settled).toEqual({ placed: 1, kept: 0 })
    expect(placed[0].image).toEqual({ bytes: shrunk.bytes, width: 4096, height: 2304 })
    expect(cut).not.toHaveBeenCalled()
    expect(events[0]).toEqual({ type: 'image-shrunk', from: '5120×2880', to: '4096×2304', fullSizeId: 'full-size-1', tilesProblem: null })
    expect(store.get('full-size-1')).toEqual({ bytes: original, mimeType: 'image/png', width: 5120, height: 2880, name: 'A wide mountain panorama' })
  })

  it('with Keep full resolution, places the original’s tiles on a new layer instead of the fill, and still keeps it', async () => {
    const original = pngHeader(5120, 2880)
    const { events, store, placed, cut, hold, settled } = landOne(original, { keepFullResolution: true })
    expect(await settled).toEqual({ placed: 1, kept: 0 })
    expect(cut).toHaveBeenCalledWith(original)
    expect(hold).toHaveBeenCalledWith(tiled)
    expect(placed[0]).toMatchObject({ image: held, placement: 'new-layer' })
    expect(events.at(-1)).toEqual({ type: 'image-tiled', size: '5120×2880', tiles: 2, fullSizeId: 'full-size-1', insteadOfFill: true, placed: true })
    expect(store.get('full-size-1')?.bytes).toEqual(original)
  })

  it.each([
    ['an expansion, behind its image in the frame', { placement: 'behind', expandTo: undefined }, 'it goes behind its image in the frame'],
    ['an edit of an area, over its image', { placement: 'area', area: { x: 0, y: 0, width: 5120, height: 2880, shapeId: '1:5', shape: { x: 0, y: 0, width: 10, height: 10 }, shapeExportBox: { x: 0, y: 0, width: 10, height: 10 }, imageId: '1:4', erase: false } }, 'it goes over its image, fitted to the shape'],
  ] as const)('with Keep full resolution, lands %s scaled down where it belongs, never in tiles beside it', async (_, change, why) => {
    const task: TaskSpec = { ...spec, ...change }
    const { events, placed, cut, settled } = landOne(pngHeader(5120, 2880), { keepFullResolution: true, task, mask: async (image) => image })
    expect(await settled).toEqual({ placed: 1, kept: 0 })
    expect(cut).not.toHaveBeenCalled()
    expect(placed[0]).toMatchObject({ placement: change.placement, image: { width: 4096, height: 2304 } })
    expect(events[0]).toEqual({ type: 'image-shrunk', from: '5120×2880', to: '4096×2304', fullSizeId: 'full-size-1', tilesProblem: why })
  })

  it('settles, saying so, when a step it trusts throws anyway: the job never waits for ever', async () => {
    const store = { ...createFullSizeStore(), keep: () => { throw new RangeError('Array buffer allocation failed') } }
    const { kept, settled } = landOne(pngHeader(5120, 2880), { store })
    expect(await settled).toEqual({ placed: 0, kept: 1 })
    expect(kept[0]).toMatchObject({ message: expect.stringMatching(/could not make it ready for Figma/), retry: null })
  })

  it('keeps tiles Figma did not place, to retry, and says so', async () => {
    const refuse = vi.fn(async () => {
      throw new BridgeError('Figma did not place the image in time. Retry, or download it.')
    })
    const { events, kept, settled } = landOne(pngHeader(5120, 2880), { keepFullResolution: true, place: refuse })
    expect(await settled).toEqual({ placed: 0, kept: 1 })
    expect(events).toEqual([{ type: 'image-tiled', size: '5120×2880', tiles: 2, fullSizeId: 'full-size-1', insteadOfFill: true, placed: false }])
    expect(kept[0]).toMatchObject({ message: 'Figma did not place the image in time. Retry, or download it.', retry: { kind: 'place', args: { image: held } } })
  })

  it('lands the scaled-down image after all when the original cannot be cut, and says why', async () => {
    const cut = vi.fn(async () => {
      throw new GenerationError('bad-image', 'The full-size image could not be decoded to cut into tiles.')
    })
    const { events, placed, settled } = landOne(pngHeader(5120, 2880), { keepFullResolution: true, cut })
    expect(await settled).toEqual({ placed: 1, kept: 0 })
    expect(placed[0].image).toMatchObject({ width: 4096, height: 2304 })
    expect(events[0]).toEqual({ type: 'image-shrunk', from: '5120×2880', to: '4096×2304', fullSizeId: 'full-size-1', tilesProblem: 'this browser could not cut it into tiles' })
  })

  it('lands the scaled-down image after all when Figma refuses a tile, and says Figma did not take the tiles', async () => {
    const hold = vi.fn(async () => {
      throw new BridgeError('Figma refused the image: its format is not PNG, JPEG or GIF. Download it instead.')
    })
    const { events, settled } = landOne(pngHeader(5120, 2880), { keepFullResolution: true, hold })
    expect(await settled).toEqual({ placed: 1, kept: 0 })
    expect(events[0]).toMatchObject({ type: 'image-shrunk', tilesProblem: 'Figma did not take its tiles' })
  })
})

describe('a paid image that cannot be made ready for Figma', () => {
  it('is kept whole, as it came, to download or to retry: never dropped', async () => {
    const original = pngHeader(5120, 2880)
    const prepare = vi.fn(async () => {
      throw new GenerationError('bad-image', 'This browser could not re-encode the image. Try again.')
    })
    const { kept, placed, settled } = landOne(original, { prepare })
    expect(await settled).toEqual({ placed: 0, kept: 1 })
    expect(placed).toEqual([])
    expect(kept[0].message).toBe('This browser could not re-encode the image. The image was paid for and is kept: Retry placing, or download it as it came.')
    expect(kept[0].download).toEqual({ bytes: original, mimeType: 'image/png', name: 'A wide mountain panorama' })
    expect(kept[0].retry).toMatchObject({ kind: 'prepare', original: { bytes: original, width: 5120, height: 2880 } })
  })

  it('is placed by Retry once it can be made ready, on a new layer in view', async () => {
    const original = pngHeader(5120, 2880)
    const { kept, settled } = landOne(original, {
      prepare: async () => {
        throw new Error('worker lost')
      },
    })
    await settled
    const placed: PlaceImageArgs[] = []
    const events: OutcomeEvent[] = []
    const ok = await retryKeptAsync({ id: 'kept-1', ...kept[0] }, {
      report: (event) => events.push(event),
      keep: () => {},
      seams: {
        prepare: async () => shrunk,
        place: async (args) => {
          placed.push(args)
          return { nodeIds: ['7:7'], placement: 'new-layer' }
        },
      },
    })
    expect(ok).toBe(true)
    expect(placed[0]).toMatchObject({ placement: 'new-layer', targetIds: [], reveal: true, image: { width: 4096, height: 2304 } })
  })
})

describe('an Edit area answer whose shape Figma cannot give', () => {
  const area = { x: 350, y: 200, width: 300, height: 300, shapeId: '1:5', shape: { x: 400, y: 250, width: 200, height: 200 }, shapeExportBox: { x: 400, y: 250, width: 200, height: 200 }, imageId: '1:4', erase: false }
  const areaSpec: TaskSpec = { ...spec, placement: 'area', targetIds: ['1:4', '1:5'], area, name: 'Table shot · edited area' }

  it('is kept saying Retry puts it over the image unmasked, and Retry does that, without fitting it to the shape again', async () => {
    const fitted: PreparedForFigma = { ...shrunk, width: 300, height: 300, originalWidth: 300, originalHeight: 300, shrunk: false }
    // The shape was deleted while the edit was generating: its export fails, as it will again.
    const mask = vi.fn(async () => {
      throw new BridgeError('The layer was deleted before it could be exported. Select it again.')
    })
    const kept: Omit<KeptImage, 'id'>[] = []
    const lander = createLander({ keepFullResolution: false, report: () => {}, keep: (item) => kept.push(item), seams: { prepare: async () => fitted, mask, place: vi.fn() } })
    lander.land(source(pngHeader(300, 300)), areaSpec, record)
    expect(await lander.settledAsync()).toEqual({ placed: 0, kept: 1 })
    expect(kept[0].message).toBe('The shape of the area was deleted or could not be read, so the edit could not be fitted to it. The image was paid for and is kept: Retry puts it over the image unmasked, on a layer of its own; or download it.')

    const placed: PlaceImageArgs[] = []
    const ok = await retryKeptAsync({ id: 'kept-1', ...kept[0] }, {
      report: () => {},
      keep: () => {},
      seams: {
        prepare: async () => fitted,
        mask,
        place: async (args) => {
          placed.push(args)
          return { nodeIds: ['7:7'], placement: 'area' }
        },
      },
    })
    expect(ok).toBe(true)
    expect(mask).toHaveBeenCalledTimes(1)
    // To its image, at the area's box: the sandbox puts it there on a layer of its own (plugin/placing/edit-area.ts).
    expect(placed).toEqual([expect.objectContaining({ placement: 'area', targetIds: ['1:4', '1:5'], area, image: { bytes: fitted.bytes, width: 300, height: 300 } })])
  })

  it('is downloaded as the JPEG it is, when it came as one', async () => {
    // SOI, then a start-of-frame: 8 bits, 300×300 (all the lander reads of it).
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xc0, 0, 11, 8, 1, 44, 1, 44, 3, 0, 0, 0, 0])
    const mask = vi.fn(async () => {
      throw new BridgeError('The layer was deleted before it could be exported. Select it again.')
    })
    const kept: Omit<KeptImage, 'id'>[] = []
    const fitted: PreparedForFigma = { ...shrunk, width: 300, height: 300, originalWidth: 300, originalHeight: 300, shrunk: false }
    const lander = createLander({ keepFullResolution: false, report: () => {}, keep: (item) => kept.push(item), seams: { prepare: async () => fitted, mask, place: vi.fn() } })
    lander.land({ kind: 'base64', mime: 'image/jpeg', base64: toBase64(jpeg) }, areaSpec, record)
    await lander.settledAsync()
    expect(kept[0].download).toMatchObject({ mimeType: 'image/jpeg' })
  })

  it('fitting it that fails for another reason is tried again as before', async () => {
    const mask = vi.fn(async () => {
      throw new GenerationError('bad-image', 'The edited area could not be decoded to fit it to the shape. Try again.')
    })
    const kept: Omit<KeptImage, 'id'>[] = []
    // An answer of the area's own shape: only the fitting fails.
    const fitted: PreparedForFigma = { ...shrunk, width: 300, height: 300, originalWidth: 300, originalHeight: 300, shrunk: false }
    const lander = createLander({ keepFullResolution: false, report: () => {}, keep: (item) => kept.push(item), seams: { prepare: async () => fitted, mask, place: vi.fn() } })
    lander.land(source(pngHeader(300, 300)), areaSpec, record)
    await lander.settledAsync()
    expect(kept[0].message).toMatch(/^The edited area could not be decoded to fit it to the shape\. The image was paid for and is kept: Retry placing/)
    expect(kept[0].retry).not.toHaveProperty('unmasked')
  })
})

describe('the full-size store', () => {
  const image = (bytes: number, name: string) => ({ bytes: new Uint8Array(bytes), mimeType: 'image/png', width: 5000, height: 10, name })

  it('keeps originals by id, and lets the oldest go once over its budget, never the newest', () => {
    const store = createFullSizeStore(100)
    const a = store.keep(image(40, 'a'))
    const b = store.keep(image(40, 'b'))
    expect([store.get(a)?.name, store.get(b)?.name]).toEqual(['a', 'b'])
    const c = store.keep(image(40, 'c'))
    expect([store.get(a), store.get(b)?.name, store.get(c)?.name]).toEqual([null, 'b', 'c'])
    const huge = store.keep(image(500, 'huge'))
    expect([store.get(b), store.get(c), store.get(huge)?.name]).toEqual([null, null, 'huge'])
  })
})

describe('an answer whose image is a link', () => {
  const link: ImageSource = { kind: 'remote', url: 'https://openrouter.ai/files/img.png' }

  /** A host that takes the request and never answers: only an abort ends the download. */
  function stallingHost() {
    vi.stubGlobal('fetch', (_url: string, init?: RequestInit) => new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))))
  }

  function landLink(signal?: AbortSignal) {
    const kept: Omit<KeptImage, 'id'>[] = []
    const lander = createLander({ keepFullResolution: false, report: () => {}, keep: (item) => kept.push(item), signal, seams: { place: vi.fn() } })
    lander.land(link, spec, record)
    return { kept, settled: lander.settledAsync() }
  }

  it('that never finishes coming is given up after 2 minutes, kept with its link: the paid job ends', async () => {
    vi.useFakeTimers()
    try {
      stallingHost()
      const { kept, settled } = landLink()
      const outcome = Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 2 * 60 * 1000 + 1_000, 'still downloading'))])
      await vi.advanceTimersByTimeAsync(2 * 60 * 1000 + 1_000)
      expect(await outcome).toEqual({ placed: 0, kept: 1 })
      expect(kept).toEqual([expect.objectContaining({ url: link.url, message: expect.stringMatching(/Open it in your browser/) })])
    } finally {
      vi.useRealTimers()
      vi.unstubAllGlobals()
    }
  })

  it('stops on the job’s Cancel, though every request has settled, kept with its link', async () => {
    try {
      stallingHost()
      const cancel = new AbortController()
      const { kept, settled } = landLink(cancel.signal)
      cancel.abort()
      expect(await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 2_000, 'still downloading'))])).toEqual({ placed: 0, kept: 1 })
      expect(kept[0].url).toBe(link.url)
    } finally {
      vi.unstubAllGlobals()
    }
  })
})
