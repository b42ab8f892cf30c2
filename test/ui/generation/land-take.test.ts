import { describe, expect, it, vi } from 'vitest'
import type { HeldTile, TiledImage } from '../../../common/domain'
import type { PlaceImageArgs } from '../../../plugin/messages'
import { BridgeError } from '../../../ui/bridge'
import { DEFAULT_STATE } from '../../../ui/defaults'
import { createFullSizeStore } from '../../../ui/generation/full-size-store'
import type { OutcomeEvent } from '../../../ui/generation/job-outcome'
import { type LandDeps, landTakeAsync } from '../../../ui/generation/land-take'
import type { ReadyTake } from '../../../ui/generation/read-take'
import { GenerationError } from '../../../ui/openrouter/errors'

const record = { prompt: 'A wide mountain panorama', settings: DEFAULT_STATE.settings, generationId: null, cost: null, createdAt: '2026-11-26T10:00:00.000Z' }
const shrunkBytes = new Uint8Array([1, 2, 3])
const originalBytes = new Uint8Array([9, 8, 7, 6])
const args: PlaceImageArgs = {
  taskId: 't1',
  image: { bytes: shrunkBytes, width: 4096, height: 2304 },
  placement: 'fill',
  targetIds: ['1:2'],
  name: 'A wide mountain panorama',
  reveal: true,
  record,
}
const large: ReadyTake = {
  ok: true,
  image: { bytes: shrunkBytes, width: 4096, height: 2304, originalWidth: 5120, originalHeight: 2880, shrunk: true, reencoded: true },
  original: { bytes: originalBytes, mimeType: 'image/png', width: 5120, height: 2880 },
}
const tiled: TiledImage = { width: 5120, height: 2880, tiles: [0, 2560].map((x) => ({ bytes: new Uint8Array([x]), x, y: 0, width: 2560, height: 2880 })) }
// As Figma holds them: each tile's bytes given in a request of its own, its hash back.
const held: TiledImage<HeldTile> = { width: 5120, height: 2880, tiles: tiled.tiles.map(({ bytes, ...rect }) => ({ ...rect, imageHash: `hash-${bytes[0]}` })) }

function land(take: ReadyTake, options: Partial<LandDeps>) {
  const events: OutcomeEvent[] = []
  const store = createFullSizeStore()
  const place = vi.fn(async () => true)
  const cut = vi.fn(async () => tiled)
  const hold = vi.fn(async () => held)
  const deps: LandDeps = { keepFullResolution: false, dispatch: (e) => events.push(e), place, cut, hold, store, ...options }
  return { events, store, place, cut, hold, done: landTakeAsync(args, take, deps) }
}

describe('landTakeAsync', () => {
  it('places an image that fits as it is, keeping nothing', async () => {
    const fits: ReadyTake = { ok: true, image: { ...large.image, width: 1024, height: 1024, originalWidth: 1024, originalHeight: 1024, shrunk: false }, original: null }
    const { events, store, place, cut, done } = land(fits, { keepFullResolution: true })
    expect(await done).toBe(true)
    expect(place).toHaveBeenCalledWith(args, fits.image)
    expect(events).toEqual([])
    expect(cut).not.toHaveBeenCalled()
    expect(store.get('full-size-1')).toBeNull()
  })

  it('places a larger image scaled down and keeps its original bytes for the download', async () => {
    const { events, store, place, cut, done } = land(large, {})
    expect(await done).toBe(true)
    expect(place).toHaveBeenCalledWith(args, large.image)
    expect(cut).not.toHaveBeenCalled()
    expect(events).toEqual([{ type: 'take-shrunk', from: '5120×2880', to: '4096×2304', fullSizeId: 'full-size-1', tilesProblem: null }])
    expect(store.get('full-size-1')).toEqual({ bytes: originalBytes, mimeType: 'image/png', width: 5120, height: 2880, name: 'A wide mountain panorama' })
  })

  it('with Keep full resolution, places the original’s tiles on a new layer instead of the fill, and still keeps it', async () => {
    const { events, store, place, cut, hold, done } = land(large, { keepFullResolution: true })
    expect(await done).toBe(true)
    expect(cut).toHaveBeenCalledWith(originalBytes)
    expect(hold).toHaveBeenCalledWith(tiled)
    expect(place).toHaveBeenCalledWith({ ...args, image: held, placement: 'new-layer' }, large.image)
    expect(events).toEqual([{ type: 'take-tiled', size: '5120×2880', tiles: 2, fullSizeId: 'full-size-1', insteadOfFill: true, placed: true }])
    expect(store.get('full-size-1')?.bytes).toBe(originalBytes)
  })

  it('says so when Figma did not place the tiles, which then wait to be retried', async () => {
    const { events, done } = land(large, { keepFullResolution: true, place: vi.fn(async () => false) })
    expect(await done).toBe(false)
    expect(events).toEqual([{ type: 'take-tiled', size: '5120×2880', tiles: 2, fullSizeId: 'full-size-1', insteadOfFill: true, placed: false }])
  })

  it('lands the scaled-down image after all when the original cannot be cut, and says why', async () => {
    const cut = vi.fn(async () => {
      throw new GenerationError('bad-image', 'The full-size image could not be decoded to cut into tiles.')
    })
    const { events, place, done } = land(large, { keepFullResolution: true, cut })
    expect(await done).toBe(true)
    expect(place).toHaveBeenCalledWith(args, large.image)
    expect(events).toEqual([
      { type: 'take-shrunk', from: '5120×2880', to: '4096×2304', fullSizeId: 'full-size-1', tilesProblem: 'this browser could not cut it into tiles' },
    ])
  })
})

describe('landTakeAsync when Figma refuses a tile', () => {
  it('lands the scaled-down image after all, and says Figma did not take the tiles', async () => {
    const hold = vi.fn(async () => {
      throw new BridgeError('Figma refused the image: its format is not PNG, JPEG or GIF. Download it instead.')
    })
    const { events, place, done } = land(large, { keepFullResolution: true, hold })
    expect(await done).toBe(true)
    expect(place).toHaveBeenCalledWith(args, large.image)
    expect(events).toEqual([{ type: 'take-shrunk', from: '5120×2880', to: '4096×2304', fullSizeId: 'full-size-1', tilesProblem: 'Figma did not take its tiles' }])
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
