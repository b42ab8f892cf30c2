import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { propertyRuns } from '../../support/property-runs'
import { type MaskPixels, softenEdge } from '../../../ui/image/soft-edge'

/** A shape's export `width`×`height`: black, each pixel's alpha `alphaAt(x, y)`. */
function exportOf(width: number, height: number, alphaAt: (x: number, y: number) => number): MaskPixels {
  const data = new Uint8ClampedArray(width * height * 4)
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[(y * width + x) * 4 + 3] = alphaAt(x, y)
  return { data, width, height }
}

const alphaRow = (mask: MaskPixels, y: number) => Array.from({ length: mask.width }, (_, x) => mask.data[(y * mask.width + x) * 4 + 3])

describe('Edit area’s soft edge', () => {
  it('fades in from nothing at the shape’s edge to whole `feather` px inside, a little at a time', () => {
    // A square filling its export: its edge is the export's.
    const mask = exportOf(60, 60, () => 255)
    softenEdge(mask, 10)
    const row = alphaRow(mask, 30)
    expect(row[0]).toBeLessThan(8)
    for (let x = 1; x <= 10; x++) {
      expect(row[x]).toBeGreaterThan(row[x - 1])
      // Smoothstep's steepest, 1.5 / feather of the whole, and a little for rounding.
      expect(row[x] - row[x - 1]).toBeLessThanOrEqual(Math.ceil((255 * 1.5) / 10) + 1)
    }
    expect(row.slice(10, 50)).toEqual(Array(40).fill(255))
    expect(row.slice(30).reverse()).toEqual(row.slice(0, 30))
  })

  it('measures each pixel’s way in from the edge and the thickness near it exactly, whatever the shape (discs together, beyond the export outside)', () => {
    const disc = fc.tuple(fc.double({ min: 0, max: 24, noNaN: true }), fc.double({ min: 0, max: 24, noNaN: true }), fc.double({ min: 0.5, max: 10, noNaN: true }))
    const shape = fc.record({ width: fc.integer({ min: 1, max: 24 }), height: fc.integer({ min: 1, max: 24 }), discs: fc.array(disc, { minLength: 1, maxLength: 4 }), feather: fc.constantFrom(2, 3, 1000) })
    fc.assert(
      fc.property(shape, ({ width, height, discs, feather }) => {
        const within = (x: number, y: number) => x >= 0 && y >= 0 && x < width && y < height && discs.some(([cx, cy, r]) => Math.hypot(x - cx, y - cy) < r)
        const mask = exportOf(width, height, (x, y) => (within(x, y) ? 255 : 0))
        softenEdge(mask, feather)
        // Every pixel against every pixel, one ring beyond the export included: the nearest outside one.
        const squaredOut = Array.from({ length: height }, (_, y) =>
          Array.from({ length: width }, (_, x) => {
            let nearest = within(x, y) ? Infinity : 0
            for (let oy = -1; oy <= height; oy++) for (let ox = -1; ox <= width; ox++) if (!within(ox, oy)) nearest = Math.min(nearest, (x - ox) ** 2 + (y - oy) ** 2)
            return nearest
          }),
        )
        // Each pixel's soft edge is at most a third of the shape's thickness near it: twice the largest
        // way in within the depth a part needs for the whole soft edge (1.5 × feather), across and down.
        const reach = Math.ceil(1.5 * feather)
        const deepestNear = (x: number, y: number) => {
          let deepest = 0
          for (let ny = Math.max(0, y - reach); ny <= Math.min(height - 1, y + reach); ny++) {
            for (let nx = Math.max(0, x - reach); nx <= Math.min(width - 1, x + reach); nx++) deepest = Math.max(deepest, squaredOut[ny][nx])
          }
          return deepest
        }
        for (let y = 0; y < height; y++) {
          for (let x = 0; x < width; x++) {
            const soft = Math.min(feather, (2 * Math.sqrt(deepestNear(x, y))) / 3)
            const t = !within(x, y) ? 0 : soft < 1 ? 1 : Math.min(1, (Math.sqrt(squaredOut[y][x]) - 0.5) / soft)
            expect(Math.abs(mask.data[(y * width + x) * 4 + 3] - 255 * t * t * (3 - 2 * t))).toBeLessThanOrEqual(0.5)
          }
        }
      }),
      { numRuns: propertyRuns(60) },
    )
  })

  it('keeps nothing outside the shape', () => {
    // An ellipse in its box, antialiased as Figma exports it: outside it, nothing shows.
    const coverage = (x: number, y: number) => Math.max(0, Math.min(1, 20 * (1 - Math.hypot((x + 0.5 - 50) / 50, (y + 0.5 - 25) / 25))))
    const mask = exportOf(100, 50, (x, y) => Math.round(255 * coverage(x, y)))
    softenEdge(mask, 8)
    for (let y = 0; y < 50; y++) for (let x = 0; x < 100; x++) if (coverage(x, y) < 0.5) expect(mask.data[(y * 100 + x) * 4 + 3]).toBe(0)
    expect(mask.data[(25 * 100 + 50) * 4 + 3]).toBe(255)
  })

  it.each<[string, number, (x: number, y: number) => boolean]>([
    // 6 px wide, the soft edge asked for wider than it.
    ['upright, 6 px wide', 10, (x) => x >= 7 && x < 13],
    // Its box is the whole export, the strip a few pixels thick: the box says nothing of it.
    ['turned 45°, 7 px thick', 20, (x, y) => Math.abs(x - y) <= 3],
  ])('shows a thin shape (%s) whole in its middle', (_name, feather, within) => {
    const mask = exportOf(60, 60, (x, y) => (within(x, y) ? 255 : 0))
    softenEdge(mask, feather)
    expect(Math.max(...alphaRow(mask, 30))).toBe(255)
    // And still soft at its sides.
    expect(alphaRow(mask, 30).filter((alpha) => alpha > 0 && alpha < 255).length).toBeGreaterThan(0)
  })

  it('shows a thin tail of a thick shape whole along its middle, and the thick body keeps its full soft edge', () => {
    // A lasso around a blob with a strip 6 px thick reaching out of it along a wire: a disc of radius 40
    // centred at (50, 50), the strip over rows 47 to 52 from the disc to x 150.
    const disc = (x: number, y: number) => Math.hypot(x - 50, y - 50) < 40
    const strip = (x: number, y: number) => x >= 50 && x < 150 && y >= 47 && y < 53
    const feather = 12
    const tailed = exportOf(160, 100, (x, y) => (disc(x, y) || strip(x, y) ? 255 : 0))
    const blob = exportOf(160, 100, (x, y) => (disc(x, y) ? 255 : 0))
    softenEdge(tailed, feather)
    softenEdge(blob, feather)
    // The strip's middle rows, from past the body's reach to short of its tip: whole.
    for (const y of [49, 50]) expect(alphaRow(tailed, y).slice(115, 141)).toEqual(Array(26).fill(255))
    // The body's far side, as if it had no tail: the full soft edge, from nothing to whole over `feather` px.
    const far = alphaRow(tailed, 50).slice(0, 50)
    expect(far).toEqual(alphaRow(blob, 50).slice(0, 50))
    expect(far.filter((alpha) => alpha > 0 && alpha < 255).length).toBeGreaterThanOrEqual(feather - 1)
  })

  it('leaves a shape 2 px thin sharp and whole: a soft edge on it would be no edit at all', () => {
    const mask = exportOf(20, 20, (x) => (x === 9 || x === 10 ? 255 : 0))
    softenEdge(mask, 10)
    expect(alphaRow(mask, 10).slice(8, 12)).toEqual([0, 255, 255, 0])
  })

  it('covers the area whole when the shape is drawn see-through (its fill at 20%)', () => {
    const mask = exportOf(60, 60, () => 51)
    softenEdge(mask, 10)
    expect(alphaRow(mask, 30)[30]).toBe(255)
  })
})
