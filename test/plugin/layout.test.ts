import { describe, expect, it } from 'vitest'
import { GAP, besideRect, centredOn, clearOf, layerSize, unionOf } from '../../plugin/layout'

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
})
