import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SelectedLayer } from '../../../common/selection'
import { keepThumbnailsOf } from '../../../ui/selection/keep-thumbnails'

const layer = (id: string): SelectedLayer => ({ id, name: id, type: 'FRAME', width: 10, height: 10, fillable: true, madeHere: false })
afterEach(() => vi.restoreAllMocks())

describe('keepThumbnailsOf', () => {
  it('revokes the object URLs of layers that left the selection and keeps the rest', () => {
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
    const kept = keepThumbnailsOf([layer('a')], { a: 'blob:a', b: 'blob:b', c: 'blob:c' })
    expect(kept).toEqual({ a: 'blob:a' })
    expect(revoke.mock.calls.map(([url]) => url)).toEqual(['blob:b', 'blob:c'])
  })

  it('returns the same object when nothing left, so the panel does not redraw for nothing', () => {
    const thumbnails = { a: 'blob:a' }
    expect(keepThumbnailsOf([layer('a'), layer('b')], thumbnails)).toBe(thumbnails)
  })
})
