import { beforeEach, describe, expect, it } from 'vitest'
import type { GenerationRecord, HeldTile, TiledImage } from '../../../common/domain'
import type { PlaceImageArgs } from '../../../common/messages'
import { placeAndRecordAsync } from '../../../plugin/history/history-requests'
import { RECORD_KEY } from '../../../plugin/history/record'
import { DEFAULT_STATE } from '../../../ui/defaults'
import type { FakeFigma, FakeNode } from '../../fake-figma'
import { encodePng } from '../../images/png'
import { installFakeFigma } from '../install-fake'

// The settings matter not here: the record only travels to the group as it came.
const settings = { ...DEFAULT_STATE.settings, model: 'sourceful/riverflow-v2-pro', aspectRatio: '16:9', imageSize: '4K' } as const
const record: GenerationRecord = { prompt: 'A wide mountain panorama', settings, generationId: 'gen-4k', cost: 0.33, createdAt: '2026-11-26T10:00:00.000Z' }

let fake: FakeFigma
beforeEach(() => {
  fake = installFakeFigma({ viewport: { x: 0, y: 0, width: 8000, height: 4000 } })
})

// A 5120×2880 answer cut as the UI cuts it: two 2560×2880 halves (one PNG serves both: the fake reads only its header),
// each handed to Figma before the group is placed, as the UI's 'create-image' requests do.
const half = encodePng(2560, 2880)
type Cut = [x: number, y: number, width: number, height: number]
const tile = ([x, y, width, height]: Cut, bytes = half): HeldTile => ({ imageHash: fake.figma.createImage(bytes).hash, x, y, width, height })
const HALVES: Cut[] = [
  [0, 0, 2560, 2880],
  [2560, 0, 2560, 2880],
]
const panorama = (): TiledImage<HeldTile> => ({ width: 5120, height: 2880, tiles: HALVES.map((cut) => tile(cut)) })

let tasks = 0
function message(overrides: Partial<PlaceImageArgs> = {}, image: TiledImage<HeldTile> = panorama()): PlaceImageArgs {
  return { taskId: `task-${++tasks}`, image, placement: 'new-layer', targetIds: [], name: 'A wide mountain panorama', reveal: true, record, ...overrides }
}

/** The rectangles of a placed group, in order, as rects. */
const tileRects = (group: FakeNode) => group.kids.map((t) => ({ x: t.x, y: t.y, width: t.width, height: t.height }))

describe('placing an image larger than Figma takes, in tiles', () => {
  it('as a format of a set (joinStep), leaves the set’s undo step open, as one image does', async () => {
    await placeAndRecordAsync(message({ joinStep: true }))
    expect(fake.page.children).toHaveLength(1)
    expect(fake.undoSteps()).toBe(0)
  })

  it('lands a 5120×2880 image as one group of two abutting tiles at its pixel size, centred in view, with the record and relaunch buttons, one undo step', async () => {
    const result = await placeAndRecordAsync(message())
    expect(fake.page.children).toHaveLength(1)
    const group = fake.page.children[0]
    expect(result).toEqual({ nodeIds: [group.id], placement: 'new-layer', name: 'A wide mountain panorama' })
    expect(group).toMatchObject({ type: 'GROUP', name: 'A wide mountain panorama', x: 4000 - 2560, y: 2000 - 1440, width: 5120, height: 2880 })
    expect(tileRects(group)).toEqual([
      { x: 1440, y: 560, width: 2560, height: 2880 },
      { x: 4000, y: 560, width: 2560, height: 2880 },
    ])
    for (const child of group.kids) {
      expect(child.type).toBe('RECTANGLE')
      expect(child.fills).toEqual([{ type: 'IMAGE', imageHash: expect.any(String), scaleMode: 'FILL' }])
      expect(fake.images.get(child.fills[0].imageHash as string)).toMatchObject({ width: 2560, height: 2880 })
      // The record is the group's alone: a tile is a part, not an image to regenerate.
      expect(child.getPluginData(RECORD_KEY)).toBe('')
    }
    expect(JSON.parse(group.getPluginData(RECORD_KEY))).toEqual(record)
    expect(Object.keys(group.getRelaunchData())).toEqual(['regenerate', 'more-like-this', 'edit-prompt'])
    expect(fake.page.selection).toEqual([group])
    expect(fake.scrolledTo).toEqual([[group]])
    expect(fake.undoSteps()).toBe(1)
  })

  it('puts the tiles on a new layer beside a layer it was asked to fill, which keeps its fills', async () => {
    const target = fake.addRectangle({ x: 0, y: 0, width: 300, height: 200 })
    const result = await placeAndRecordAsync(message({ placement: 'fill', targetIds: [target.id] }))
    expect(result.placement).toBe('new-layer')
    expect(target.fills).toEqual([])
    const group = fake.page.children.find((n) => n.id === result.nodeIds[0])!
    expect(group).toMatchObject({ type: 'GROUP', x: 340, y: 0, width: 5120, height: 2880 })
  })

  it('scales the tiles with the size asked for, still abutting, and lays a task’s images side by side', async () => {
    const args = message({ size: { width: 1000, height: 562.5 } })
    const first = await placeAndRecordAsync(args)
    const second = await placeAndRecordAsync({ ...args, reveal: false })
    const [a, b] = [first, second].map((r) => fake.page.children.find((n) => n.id === r.nodeIds[0])!)
    expect([a.width, a.height]).toEqual([1000, 562.5])
    const [left, right] = tileRects(a)
    expect(left.x + left.width).toBe(right.x)
    expect([left.width, right.width, left.height]).toEqual([500, 500, 562.5])
    expect(b.x).toBe(a.x + 1000 + 40)
    expect(b.y).toBe(a.y)
  })

  it('keeps the image’s own shape when the size asked for is another (a 1200×628 frame refined at 16:9): every pixel shown, none stretched', async () => {
    const result = await placeAndRecordAsync(message({ size: { width: 1200, height: 628 } }))
    const group = fake.page.children.find((n) => n.id === result.nodeIds[0])!
    // Within the box asked for, at the image's 16:9: 628 px high, 628 × 5120 / 2880 wide.
    expect(group.height).toBeCloseTo(628, 6)
    expect(group.width).toBeCloseTo((628 * 5120) / 2880, 6)
    for (const tile of tileRects(group)) expect(tile.width / tile.height).toBeCloseTo(2560 / 2880, 6)
  })

  it('covers an image cut four ways (5000×5000) with no gap or overlap', async () => {
    const [big, small] = [encodePng(2500, 2500), encodePng(2500, 2500)]
    const quarters: Cut[] = [
      [0, 0, 2500, 2500],
      [2500, 0, 2500, 2500],
      [0, 2500, 2500, 2500],
      [2500, 2500, 2500, 2500],
    ]
    const image = { width: 5000, height: 5000, tiles: quarters.map((cut, i) => tile(cut, i % 2 === 0 ? big : small)) }
    const result = await placeAndRecordAsync(message({}, image))
    const group = fake.page.children.find((n) => n.id === result.nodeIds[0])!
    const rects = tileRects(group).map((r) => ({ ...r, x: r.x - group.x, y: r.y - group.y }))
    expect(rects).toEqual(image.tiles.map(({ x, y, width, height }) => ({ x, y, width, height })))
  })

  it.each<[string, Cut[]]>([
    ['a gap', [[0, 0, 2560, 2880], [2600, 0, 2520, 2880]]],
    ['an overlap', [[0, 0, 2600, 2880], [2560, 0, 2560, 2880]]],
    ['a tile over 4096 px', [[0, 0, 4200, 2880], [4200, 0, 920, 2880]]],
    ['no tiles', []],
  ])('refuses tiles with %s before making any layer', async (_, cuts) => {
    await expect(placeAndRecordAsync(message({}, { width: 5120, height: 2880, tiles: cuts.map((cut) => tile(cut)) }))).rejects.toThrow(/do not fit together/)
    expect(fake.page.children).toHaveLength(0)
    expect(fake.undoSteps()).toBe(0)
  })

  it('leaves no layer when Figma does not hold a tile’s image', async () => {
    const [left] = panorama().tiles
    const tiles = [left, { ...left, x: 2560, imageHash: 'no-such-image' }]
    await expect(placeAndRecordAsync(message({}, { width: 5120, height: 2880, tiles }))).rejects.toThrow(/no longer has every tile/)
    expect(fake.allNodes()).toHaveLength(0)
    expect(fake.undoSteps()).toBe(0)
  })

  it('removes the tiles and the group when anything fails after they were made: no orphan layers', async () => {
    const group = fake.figma.group.bind(fake.figma)
    fake.figma.group = (nodes, parent) => {
      const made = group(nodes, parent)
      made.setPluginData = () => {
        throw new Error('in setPluginData: something Figma refused')
      }
      return made
    }
    await expect(placeAndRecordAsync(message())).rejects.toThrow(/refused/)
    expect(fake.allNodes()).toHaveLength(0)
    expect(fake.undoSteps()).toBe(0)
  })

  it('removes the tiles made so far when one cannot be sized', async () => {
    const tiny = message({ size: { width: 0.015, height: 0.015 } })
    await expect(placeAndRecordAsync(tiny)).rejects.toThrow(/0\.01/)
    expect(fake.allNodes()).toHaveLength(0)
  })
})
