import { describe, expect, it } from 'vitest'
import type { SelectedLayer } from '../../../common/selection'
import { keepThumbnailsOf } from '../../../ui/selection/use-selection'

const layer = (id: string): SelectedLayer => ({ id, name: id, type: 'FRAME', width: 10, height: 10, fillable: true, madeHere: false })

describe('keepThumbnailsOf', () => {
  it('drops the thumbnails of layers that left the selection and keeps the rest', () => {
    expect(keepThumbnailsOf([layer('a')], { a: 'data:a', b: 'data:b', c: 'data:c' })).toEqual({ a: 'data:a' })
  })

  it('returns the same object when nothing left, so the panel does not redraw for nothing', () => {
    const thumbnails = { a: 'data:a' }
    expect(keepThumbnailsOf([layer('a'), layer('b')], thumbnails)).toBe(thumbnails)
  })
})
