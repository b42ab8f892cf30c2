import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { decodeBase64, decodeDataUrl, encodeBase64 } from '../../../ui/image/data-url'

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
