import { describe, expect, it } from 'vitest'
import { readAnswerBody } from '../../../ui/answer/answer-body'
import { GenerationError } from '../../../ui/answer/errors'
import { readImageBytesAsync } from '../../../ui/answer/response'
import { encodePng } from '../../images/png'

// What the image worker makes of a 200 answer's body: the same images the lander would have decoded, as bytes.
const png = encodePng(64, 40, (x, y) => [x * 4, y * 6, 90, 255])
const base64 = Buffer.from(png).toString('base64')
const utf8 = (text: string) => new TextEncoder().encode(text)
const chat = (urls: string[]) =>
  utf8(`\n \n{"id":"gen-7","choices":[{"message":{"content":"Voilà ☕","images":${JSON.stringify(urls.map((url) => ({ type: 'image_url', image_url: { url } })))}}}],"usage":{"cost":0.04}}`)

describe('readAnswerBody', () => {
  it('reads a chat answer as its text, each data URL decoded to the bytes the lander would have read from it', async () => {
    const result = readAnswerBody(chat([`data:image/png;base64,${base64}`, 'https://cdn.test/b.png']), 'chat')
    expect(result).toMatchObject({ cost: 0.04, generationId: 'gen-7' })
    expect(result.images[1]).toEqual({ kind: 'remote', url: 'https://cdn.test/b.png' })
    expect(await readImageBytesAsync(result.images[0])).toEqual(png)
  })

  it('reads the Image API’s bare base64 the same way', async () => {
    const result = readAnswerBody(utf8(JSON.stringify({ data: [{ b64_json: base64, media_type: 'image/png' }], usage: { cost: 0.25 } })), 'images')
    expect(result.cost).toBe(0.25)
    expect(result.images[0].kind).toBe('bytes')
    expect(await readImageBytesAsync(result.images[0])).toEqual(png)
  })

  it('leaves an image whose base64 is damaged as it came: the lander says so, as before', async () => {
    const damaged = `data:image/png;base64,${base64.slice(0, 600)}%%%${base64.slice(600)}`
    const [image] = readAnswerBody(chat([damaged]), 'chat').images
    expect(image).toEqual({ kind: 'data', url: damaged })
    await expect(readImageBytesAsync(image)).rejects.toThrow(/damaged/)
  })

  it('throws what the answer says went wrong, as reading it on the main thread does', () => {
    const failed = utf8(JSON.stringify({ choices: [{ finish_reason: 'error', error: { message: 'Upstream overloaded' }, message: { content: '' } }] }))
    expect(() => readAnswerBody(failed, 'chat')).toThrow(GenerationError)
    expect(() => readAnswerBody(utf8('{"choices": [{"message": {"images": ['), 'chat')).toThrow(/could not be read/)
  })
})
