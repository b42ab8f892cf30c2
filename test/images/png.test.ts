import { readFileSync } from 'node:fs'
import { inflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { decodePng, encodeGif, encodeJpeg, encodePng, imageSizeFor, readImageInfo } from './png'

describe('test images', () => {
  it('encodes a PNG that zlib inflates to the right number of bytes', () => {
    const png = encodePng(30, 20)
    expect(readImageInfo(png)).toEqual({ format: 'png', width: 30, height: 20 })
    // IDAT starts after signature (8) + IHDR chunk (25): length, type, data.
    const idatLength = new DataView(png.buffer, png.byteOffset).getUint32(33)
    const raw = inflateSync(png.subarray(41, 41 + idatLength))
    expect(raw.length).toBe(20 * (30 * 4 + 1))
  })

  it('encodes a 4K PNG, the stand-in’s largest answer', () => {
    const png = encodePng(5120, 2880)
    expect(readImageInfo(png)).toEqual({ format: 'png', width: 5120, height: 2880 })
  })

  it('writes and reads back RGBA, transparency included', () => {
    const png = encodePng(4, 3, (x, y) => [x * 60, y * 80, 7, x === 0 ? 0 : 255])
    const { width, height, rgba } = decodePng(png)
    expect([width, height]).toEqual([4, 3])
    expect([...rgba.subarray(0, 8)]).toEqual([0, 0, 7, 0, 60, 0, 7, 255])
    expect([...rgba.subarray(44, 48)]).toEqual([180, 160, 7, 255])
  })

  it('reads JPEG, GIF and WebP sizes', () => {
    expect(readImageInfo(encodeJpeg(33, 17))).toEqual({ format: 'jpeg', width: 33, height: 17 })
    expect(readImageInfo(encodeGif(300, 5000))).toEqual({ format: 'gif', width: 300, height: 5000 })
    const webp = new Uint8Array(readFileSync(new URL('../fixtures/sample-640x480.webp', import.meta.url)))
    expect(readImageInfo(webp)).toEqual({ format: 'webp', width: 640, height: 480 })
  })

  it('knows Sourceful’s output sizes', () => {
    expect(imageSizeFor('16:9', '4K')).toEqual({ width: 5120, height: 2880 })
    expect(imageSizeFor('4:5', '2K')).toEqual({ width: 1792, height: 2240 })
  })
})
