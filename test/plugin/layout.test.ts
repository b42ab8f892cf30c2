import { describe, expect, it } from 'vitest'
import { GAP, besideRect, centredOn, unionOf } from '../../plugin/layout'

describe('layout', () => {
  it('unites rects', () => {
    expect(unionOf([{ x: 0, y: 10, width: 100, height: 50 }, { x: 150, y: -20, width: 10, height: 10 }])).toEqual({ x: 0, y: -20, width: 160, height: 80 })
    expect(unionOf([])).toBeNull()
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
})
