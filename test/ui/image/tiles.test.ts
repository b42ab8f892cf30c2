import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { tileGrid } from '../../../ui/image/tiles'

describe('tileGrid', () => {
  it('cuts a 4K 16:9 answer (5120×2880) into two halves', () => {
    expect(tileGrid({ width: 5120, height: 2880 })).toEqual([
      { x: 0, y: 0, width: 2560, height: 2880 },
      { x: 2560, y: 0, width: 2560, height: 2880 },
    ])
  })

  it('keeps an image that fits whole, and cuts both ways when both sides are over', () => {
    expect(tileGrid({ width: 4096, height: 100 })).toEqual([{ x: 0, y: 0, width: 4096, height: 100 }])
    expect(tileGrid({ width: 8193, height: 4097 }).map((t) => [t.x, t.y, t.width, t.height])).toEqual([
      [0, 0, 2731, 2049], [2731, 0, 2731, 2049], [5462, 0, 2731, 2049],
      [0, 2049, 2731, 2048], [2731, 2049, 2731, 2048], [5462, 2049, 2731, 2048],
    ])
  })

  it('covers any image exactly once with the fewest tiles within the limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12_000 }), fc.integer({ min: 1, max: 12_000 }), fc.integer({ min: 1000, max: 4096 }), (width, height, max) => {
        const tiles = tileGrid({ width, height }, max)
        expect(tiles).toHaveLength(Math.ceil(width / max) * Math.ceil(height / max))
        expect(tiles.every((t) => t.width >= 1 && t.height >= 1 && t.width <= max && t.height <= max)).toBe(true)
        expect(tiles.reduce((sum, t) => sum + t.width * t.height, 0)).toBe(width * height)
        // Columns and rows meet edge to edge: each tile starts where its left or upper neighbour ends.
        for (const t of tiles) {
          expect(t.x === 0 || tiles.some((o) => o.y === t.y && o.x + o.width === t.x)).toBe(true)
          expect(t.y === 0 || tiles.some((o) => o.x === t.x && o.y + o.height === t.y)).toBe(true)
          expect(t.x + t.width <= width && t.y + t.height <= height).toBe(true)
        }
      }),
      { numRuns: 300 },
    )
  })
})
