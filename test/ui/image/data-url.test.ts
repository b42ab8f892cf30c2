import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { type ImageBytes, dataUrlLength, decodeBase64, decodeDataUrl, encodeBase64, jsonWithDataUrls, swapImageBytes } from '../../../ui/image/data-url'

describe('decodeBase64', () => {
  it('matches Node’s decoder for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const text = Buffer.from(bytes).toString('base64')
        expect(decodeBase64(text)).toEqual(new Uint8Array(bytes))
      }),
    )
  })

  it('skips line breaks, as some encoders wrap at 76 columns', () => {
    expect(decodeBase64('aGVs\nbG8=')).toEqual(new TextEncoder().encode('hello'))
  })

  it('returns null on characters outside the alphabet', () => {
    expect(decodeBase64('aGVs*G8=')).toBeNull()
  })
})

describe('encodeBase64', () => {
  it('matches Node’s encoder for any bytes, a large image’s worth too', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        expect(encodeBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'))
      }),
    )
    const large = new Uint8Array(300_000).map((_, i) => (i * 7919) & 0xff)
    expect(encodeBase64(large)).toBe(Buffer.from(large).toString('base64'))
  })
})

describe('decodeDataUrl', () => {
  it('reads the MIME type and the bytes', () => {
    expect(decodeDataUrl('data:image/PNG;base64,aGVsbG8=')).toEqual({ mimeType: 'image/png', bytes: new TextEncoder().encode('hello') })
  })

  it.each([['https://x.test/a.png'], ['data:image/png,notbase64'], ['data:image/png;base64,@@@@']])('refuses %s', (url) => {
    expect(decodeDataUrl(url)).toBeNull()
  })
})

describe('a request’s images as bytes', () => {
  const png: ImageBytes = { mimeType: 'image/png', bytes: new Uint8Array([137, 80, 78, 71, 1, 2, 3]) }
  const jpeg: ImageBytes = { mimeType: 'image/jpeg', bytes: new Uint8Array([255, 216, 255]) }
  const request = { prompt: 'Sunlit sand', content: [{ type: 'image_url', image_url: { url: png } }], refs: [jpeg, 'https://example.com/a.png'], n: 1 }

  it('are written as their data: URLs in the JSON, and nothing else changes', () => {
    const json = JSON.parse(jsonWithDataUrls(request)) as typeof request & { refs: string[] }
    expect(json.content[0].image_url.url).toBe(`data:image/png;base64,${Buffer.from(png.bytes).toString('base64')}`)
    expect(json.refs).toEqual([`data:image/jpeg;base64,${Buffer.from(jpeg.bytes).toString('base64')}`, 'https://example.com/a.png'])
    expect(json).toMatchObject({ prompt: 'Sunlit sand', n: 1 })
  })

  it('have a data: URL as long as dataUrlLength says, whatever their length', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const image = { mimeType: 'image/webp', bytes }
        expect(JSON.parse(jsonWithDataUrls(image)).length).toBe(dataUrlLength(image))
      }),
    )
  })

  it('are swapped in a copy of the request, in order, the request itself untouched', () => {
    const seen: ImageBytes[] = []
    const copy = swapImageBytes(request, (image) => (seen.push(image), { ...image, bytes: image.bytes.slice() }))
    expect(seen).toEqual([png, jpeg])
    expect(copy).toEqual(request)
    expect(copy.content[0].image_url.url).not.toBe(png)
    expect(request.content[0].image_url.url).toBe(png)
  })
})
