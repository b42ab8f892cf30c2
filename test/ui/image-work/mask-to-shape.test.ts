import { describe, expect, it } from 'vitest'
import { fitsArea, maskGeometry } from '../../../ui/image-work/mask-to-shape'

const area = { x: 250, y: 150, width: 300, height: 300, shapeId: 'shape', shape: { x: 300, y: 200, width: 200, height: 200 }, shapeExportBox: { x: 290, y: 190, width: 220, height: 220 } }

describe('Edit area’s mask', () => {
  it('draws the answer at the area’s own shape, each axis at its own density, and the shape’s export at its render bounds', () => {
    // 1024×1034 for a square area: drawn 1024×1024, so Figma crops nothing and every pixel lands where the area has it.
    const geometry = maskGeometry({ width: 1024, height: 1034 }, area)
    const density = 1024 / 300
    expect({ width: geometry.width, height: geometry.height }).toEqual({ width: 1024, height: 1024 })
    expect(geometry.shape).toEqual({ x: Math.round(40 * density), y: Math.round(40 * density), width: Math.round(220 * density), height: Math.round(220 * density) })
    // The soft edge follows the shape's own size, not its stroke's or shadow's.
    expect(geometry.feather).toBe(Math.round(0.06 * 200 * density))
  })

  it('tells an answer of the area’s shape, within a pixel or two, from one of another shape', () => {
    expect(fitsArea({ width: 1024, height: 1024 }, area)).toBe(true)
    expect(fitsArea({ width: 1024, height: 1034 }, area)).toBe(true)
    expect(fitsArea({ width: 1120, height: 896 }, area)).toBe(false)
    expect(fitsArea({ width: 896, height: 1120 }, { ...area, width: 180, height: 225 })).toBe(true)
  })
})
