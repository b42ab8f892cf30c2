import { describe, expect, it } from 'vitest'
import { copyIfReencodedAsync } from '../../../ui/image/original-image'
import { encodeJpeg, encodePng } from '../../images/png'

describe('copyIfReencodedAsync', () => {
  it('copies nothing for an image Figma takes as it is', async () => {
    expect(await copyIfReencodedAsync(encodePng(4096, 4096))).toBeNull()
  })

  it('copies bytes the worker will take: a header that does not read, or WebP', async () => {
    const junk = new TextEncoder().encode('not an image')
    expect(await copyIfReencodedAsync(junk)).toEqual({ bytes: junk, mimeType: 'application/octet-stream', width: 0, height: 0 })
  })

  it('copies an image over 4096 px on either side, with its type, so that handing the bytes on leaves the copy whole', async () => {
    const png = encodePng(4097, 8)
    const copy = (await copyIfReencodedAsync(png))!
    expect(copy).toMatchObject({ mimeType: 'image/png', width: 4097, height: 8 })
    expect(copy.bytes).toEqual(png)
    png.fill(0)
    expect(copy.bytes[0]).toBe(0x89)
    expect(await copyIfReencodedAsync(encodeJpeg(8, 5000, 50))).toMatchObject({ mimeType: 'image/jpeg', width: 8, height: 5000 })
  })

  it('copies a 4K answer a slice at a time, the main thread free between: one copy of 25 MB is a task of about 100 ms', async () => {
    // A 5120×2880 PNG's header, and megabytes behind it as a 4K answer has.
    const header = encodePng(5120, 2880)
    const answer = new Uint8Array(4 * 1024 * 1024)
    answer.set(header)
    let answered = false
    setTimeout(() => (answered = true), 0)
    const copy = (await copyIfReencodedAsync(answer))!
    // A click waiting as a task of its own ran while the copy was made.
    expect(answered).toBe(true)
    expect(copy.bytes).toEqual(answer)
    expect(copy).toMatchObject({ mimeType: 'image/png', width: 5120, height: 2880 })
  })
})
