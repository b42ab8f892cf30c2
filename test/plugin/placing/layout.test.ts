import { describe, expect, it } from 'vitest'
import { GAP, besideRect, centredOn, clearOf, layerSize, tileRects, tilesCoverExactly, unionOf } from '../../../plugin/placing/layout'

describe('layout', () => {
  it('unites rects', () => {
    expect(unionOf([{ x: 0, y: 10, width: 100, height: 50 }, { x: 150, y: -20, width: 10, height: 10 }])).toEqual({ x: 0, y: -20, width: 160, height: 80 })
    expect(unionOf([])).toBeNull()
  })

  it('moves a rect right past what it covers, and leaves a clear one be', () => {
    const rect = { x: 0, y: 0, width: 100, height: 100 }
    expect(clearOf(rect, [])).toEqual(rect)
    expect(clearOf(rect, [{ x: 50, y: 50, width: 100, height: 10 }, { x: 190, y: 0, width: 20, height: 20 }])).toEqual({ ...rect, x: 210 + GAP })
  })

  it('centres on a point, on whole pixels', () => {
    expect(centredOn({ x: 400, y: 200 }, { width: 1025, height: 100 })).toEqual({ x: -112, y: 150, width: 1025, height: 100 })
  })

  it('places to the right of the anchor with a gap, tops aligned', () => {
    expect(besideRect({ x: 10, y: 20, width: 100, height: 100 }, { width: 50, height: 60 }, [])).toEqual({ x: 10 + 100 + GAP, y: 20, width: 50, height: 60 })
  })

  it('steps past what is already there, so a row of frames is not covered', () => {
    const row = [0, 1, 2].map((i) => ({ x: i * 140, y: 0, width: 100, height: 100 }))
    const spot = besideRect(row[0], { width: 100, height: 100 }, row)
    expect(spot.x).toBe(2 * 140 + 100 + GAP)
    expect(row.some((r) => spot.x < r.x + r.width && r.x < spot.x + spot.width)).toBe(false)
  })

  it('keeps a usable asked-for size as it is', () => {
    expect(layerSize({ width: 320, height: 0.5 }, { width: 1280, height: 800 })).toEqual({ width: 320, height: 0.5 })
  })

  it('takes a missing side from the image’s proportions: a divider line 300×0 gets a 1200×600 image as 300×150', () => {
    const image = { width: 1200, height: 600 }
    expect(layerSize({ width: 300, height: 0 }, image)).toEqual({ width: 300, height: 150 })
    expect(layerSize({ width: -5, height: 50 }, image)).toEqual({ width: 100, height: 50 })
    expect(layerSize({ width: Number.NaN, height: 60 }, image)).toEqual({ width: 120, height: 60 })
    expect(layerSize({ width: 300, height: Number.POSITIVE_INFINITY }, image)).toEqual({ width: 300, height: 150 })
  })

  it('falls back to the image’s pixel size when no side is usable, or none was asked', () => {
    const image = { width: 1200, height: 600 }
    expect(layerSize({ width: 0, height: 0 }, image)).toEqual(image)
    expect(layerSize({ width: Number.NaN, height: -1 }, image)).toEqual(image)
    expect(layerSize(undefined, image)).toEqual(image)
  })

  it('never gives a side Figma refuses, even from an extreme image', () => {
    const { height } = layerSize({ width: 1, height: 0 }, { width: 4096, height: 1 })
    expect(height).toBeGreaterThanOrEqual(0.01)
  })

  it('accepts tiles that cover an image exactly once, each within the limit, and nothing else', () => {
    const size = { width: 5120, height: 2880 }
    const halves = [{ x: 0, y: 0, width: 2560, height: 2880 }, { x: 2560, y: 0, width: 2560, height: 2880 }]
    expect(tilesCoverExactly(halves, size, 4096)).toBe(true)
    expect(tilesCoverExactly([{ x: 0, y: 0, width: 5120, height: 2880 }], size, 4096)).toBe(false)
    expect(tilesCoverExactly([halves[0], { ...halves[1], x: 2561, width: 2559 }], size, 4096)).toBe(false)
    expect(tilesCoverExactly([halves[0], halves[0], halves[1]], size, 4096)).toBe(false)
    expect(tilesCoverExactly([{ ...halves[0], width: 2560.5 }, { ...halves[1], x: 2560.5, width: 2559.5 }], size, 4096)).toBe(false)
    expect(tilesCoverExactly([halves[0], { ...halves[1], width: 2600 }], size, 4096)).toBe(false)
    expect(tilesCoverExactly([], size, 4096)).toBe(false)
  })

  it('places tiles on a layer of any size so that neighbours share their edge exactly', () => {
    const tiles = [0, 1, 2].map((i) => ({ x: i * 3000, y: 0, width: 3000, height: 5000 }))
    const rects = tileRects(tiles, { width: 9000, height: 5000 }, { width: 1000, height: 555.5 })
    expect(rects[0].x + rects[0].width).toBe(rects[1].x)
    expect(rects[1].x + rects[1].width).toBe(rects[2].x)
    expect(rects[2].x + rects[2].width).toBeCloseTo(1000, 9)
    expect(rects.every((r) => r.height === 555.5 && r.y === 0)).toBe(true)
  })
})
