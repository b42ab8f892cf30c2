import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readImageInfo } from '../../../ui/image/image-info'
import { encodeGif, encodeJpeg, encodePng } from '../../images/png'

describe('readImageInfo', () => {
  it.each([
    ['PNG', encodePng(1280, 720), { format: 'png', width: 1280, height: 720 }],
    ['JPEG', encodeJpeg(320, 200), { format: 'jpeg', width: 320, height: 200 }],
    ['GIF', encodeGif(64, 48), { format: 'gif', width: 64, height: 48 }],
    ['WebP (VP8X)', new Uint8Array(readFileSync(new URL('../../fixtures/sample-640x480.webp', import.meta.url))), { format: 'webp', width: 640, height: 480 }],
  ])('reads a real %s', (_name, bytes, info) => {
    expect(readImageInfo(bytes)).toEqual(info)
  })

  it.each([
    ['text', new TextEncoder().encode('<html>not an image</html>')],
    ['a cut-off PNG', encodePng(10, 10).subarray(0, 12)],
    ['nothing', new Uint8Array(0)],
  ])('returns null for %s', (_name, bytes) => {
    expect(readImageInfo(bytes)).toBeNull()
  })
})
