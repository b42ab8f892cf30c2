import { describe, expect, it } from 'vitest'
import { copyIfReencoded } from '../../../ui/image/original-image'
import { encodeJpeg, encodePng } from '../../images/png'

describe('copyIfReencoded', () => {
  it('copies nothing for an image Figma takes as it is', () => {
    expect(copyIfReencoded(encodePng(4096, 4096))).toBeNull()
  })

  it('copies bytes the worker will take: a header that does not read, or WebP', () => {
    const junk = new TextEncoder().encode('not an image')
    expect(copyIfReencoded(junk)).toEqual({ bytes: junk, mimeType: 'application/octet-stream', width: 0, height: 0 })
  })

  it('copies an image over 4096 px on either side, with its type, so that handing the bytes on leaves the copy whole', () => {
    const png = encodePng(4097, 8)
    const copy = copyIfReencoded(png)!
    expect(copy).toMatchObject({ mimeType: 'image/png', width: 4097, height: 8 })
    expect(copy.bytes).toEqual(png)
    png.fill(0)
    expect(copy.bytes[0]).toBe(0x89)
    expect(copyIfReencoded(encodeJpeg(8, 5000, 50))).toMatchObject({ mimeType: 'image/jpeg', width: 8, height: 5000 })
  })
})
