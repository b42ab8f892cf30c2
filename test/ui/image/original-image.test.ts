import { describe, expect, it } from 'vitest'
import { copyIfOverFigmaLimit } from '../../../ui/image/original-image'
import { encodeJpeg, encodePng } from '../../images/png'

describe('copyIfOverFigmaLimit', () => {
  it('copies nothing for an image Figma takes as it is', () => {
    expect(copyIfOverFigmaLimit(encodePng(4096, 4096))).toBeNull()
    expect(copyIfOverFigmaLimit(new TextEncoder().encode('not an image'))).toBeNull()
  })

  it('copies an image over 4096 px on either side, with its type, so that handing the bytes on leaves the copy whole', () => {
    const png = encodePng(4097, 8)
    const copy = copyIfOverFigmaLimit(png)!
    expect(copy).toMatchObject({ mimeType: 'image/png', width: 4097, height: 8 })
    expect(copy.bytes).toEqual(png)
    png.fill(0)
    expect(copy.bytes[0]).toBe(0x89)
    expect(copyIfOverFigmaLimit(encodeJpeg(8, 5000, 50))).toMatchObject({ mimeType: 'image/jpeg', width: 8, height: 5000 })
  })
})
