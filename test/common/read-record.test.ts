import { describe, expect, it } from 'vitest'
import { readRecord } from '../../common/read-record'
import { recordWith } from '../fixtures/records'

describe('readRecord: Edit area’s part of a record', () => {
  it('keeps the image an edit was made on and whether it erased', () => {
    expect(readRecord({ ...recordWith(), area: { imageId: '12:3', erase: true } })?.area).toEqual({ imageId: '12:3', erase: true })
  })

  it.each([
    ['no image', { erase: false }],
    ['an empty id', { imageId: '', erase: false }],
    ['an id that is no id', { imageId: 'x'.repeat(500), erase: false }],
    ['erase that is no boolean', { imageId: '1:2', erase: 'yes' }],
    ['a list', ['1:2', false]],
  ])('drops an area with %s, and keeps the rest of the record', (_name, area) => {
    const read = readRecord({ ...recordWith(), area })
    expect(read).not.toBeNull()
    expect(read?.area).toBeUndefined()
  })

  it('copies only the fields it names: stray keys of the area stay out', () => {
    expect(readRecord({ ...recordWith(), area: { imageId: '1:2', erase: false, extra: 'x' } })?.area).toEqual({ imageId: '1:2', erase: false })
  })
})
