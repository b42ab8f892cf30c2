import { describe, expect, it } from 'vitest'
import { readRecord } from '../../../common/read/read-record'
import { recordWith } from '../../fixtures/records'

describe('readRecord: the exact size an image was made at', () => {
  it('keeps whole pixels, and drops anything else without losing the record', () => {
    expect(readRecord({ ...recordWith(), exactSize: { width: 2400, height: 1256 } })?.exactSize).toEqual({ width: 2400, height: 1256 })
    for (const exactSize of [{ width: 2400.5, height: 1256 }, { width: 0, height: 10 }, { width: 1e9, height: 10 }, '2400x1256', { width: '2400', height: 1256 }]) {
      const read = readRecord({ ...recordWith(), exactSize })
      expect(read).not.toBeNull()
      expect(read?.exactSize).toBeUndefined()
    }
  })
})

describe('readRecord: what an image cost', () => {
  it('keeps a cost as an answer gives one, and none', () => {
    expect(readRecord({ ...recordWith(), cost: 0.04 })?.cost).toBe(0.04)
    expect(readRecord({ ...recordWith(), cost: null })?.cost).toBeNull()
  })

  it.each([
    ['negative', -1],
    ['not a number', Number.NaN],
    ['infinite', Number.POSITIVE_INFINITY],
    ['more than any request costs', 1e21],
    ['text', '0.04'],
  ])('refuses a record whose cost is %s, as one the plugin never wrote', (_name, cost) => {
    expect(readRecord({ ...recordWith(), cost })).toBeNull()
  })
})

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

describe('readRecord: the hash of the image a record was written with', () => {
  it('keeps a hash as the plugin writes it', () => {
    expect(readRecord({ ...recordWith(), imageHash: 'a'.repeat(40) })?.imageHash).toBe('a'.repeat(40))
  })

  it.each([
    ['empty', ''],
    ['too long for a hash', 'a'.repeat(500)],
    ['no text', 42],
  ])('drops a hash that is %s, and keeps the rest of the record (read as one from before the hash)', (_name, imageHash) => {
    const read = readRecord({ ...recordWith(), imageHash })
    expect(read).not.toBeNull()
    expect(read?.imageHash).toBeUndefined()
  })
})

describe('readRecord: the action that made an image (Upscale, Remove background)', () => {
  it('keeps an upscale’s factor and a cut-out’s mark, as the plugin writes them, and only those', () => {
    expect(readRecord({ ...recordWith(), upscale: { factor: 4, extra: 'x' } })?.upscale).toEqual({ factor: 4 })
    expect(readRecord({ ...recordWith(), cutout: true })?.cutout).toBe(true)
    for (const upscale of [{ factor: 3 }, { factor: '2' }, 2, null]) expect(readRecord({ ...recordWith(), upscale })?.upscale).toBeUndefined()
    expect(readRecord({ ...recordWith(), cutout: 'yes' })?.cutout).toBeUndefined()
  })
})
