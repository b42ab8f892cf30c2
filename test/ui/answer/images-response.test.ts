import { describe, expect, it } from 'vitest'
import { GenerationError } from '../../../ui/answer/errors'
import { parseImagesResponse } from '../../../ui/answer/images-response'

const base64 = 'iVBORw0KGgo'.repeat(200)
const answer = (data: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ created: 1769111317, data, usage: { cost: 0.25 }, ...extra })

function failure(text: string): GenerationError {
  try {
    parseImagesResponse(text)
  } catch (error) {
    if (error instanceof GenerationError) return error
  }
  throw new Error('expected a GenerationError')
}

describe('parseImagesResponse', () => {
  it('reads each image as bare base64 with its type, and the cost', () => {
    expect(parseImagesResponse(answer([{ b64_json: base64, media_type: 'image/png' }, { b64_json: 'AAAA' }]))).toEqual({
      images: [
        { kind: 'base64', mime: 'image/png', base64 },
        { kind: 'base64', mime: 'image/png', base64: 'AAAA' },
      ],
      cost: 0.25,
      generationId: null,
    })
  })

  it('carries what an answer without an image says it billed, for the message and the session’s spend', () => {
    expect(failure(answer([]))).toMatchObject({ kind: 'no-image', charged: 0.25 })
    expect(failure(answer([], { error: { message: 'Provider failed' } }))).toMatchObject({ kind: 'model-error', charged: 0.25 })
  })

  it('finds the base64 however the JSON is spaced, and after keep-alive whitespace', () => {
    const text = `\n  \n{"data": [ {"media_type" : "image/webp", "b64_json" :\n "${base64}"} ], "id": "gen-1"}`
    expect(parseImagesResponse(text)).toMatchObject({ images: [{ kind: 'base64', mime: 'image/webp', base64 }], cost: null, generationId: 'gen-1' })
  })

  it('reads base64 whose slashes a writer escaped', () => {
    const escaped = `${'ab\\/'.repeat(400)}cd==`
    expect(parseImagesResponse(`{"data":[{"b64_json":"${escaped}"}]}`).images[0]).toMatchObject({ base64: `${'ab/'.repeat(400)}cd==` })
  })

  it('takes a link as an image, should one ever come', () => {
    expect(parseImagesResponse(answer([{ url: 'https://cdn.test/a.png' }])).images).toEqual([{ kind: 'remote', url: 'https://cdn.test/a.png' }])
  })

  it.each([
    ['"error": null', null],
    ['an empty error', ''],
    ['an empty error object', {}],
  ])('keeps the images beside %s: they were paid for', (_name, error) => {
    expect(parseImagesResponse(answer([{ b64_json: 'AAAA' }], { error })).images).toEqual([{ kind: 'base64', mime: 'image/png', base64: 'AAAA' }])
  })

  it.each([
    ['cut off', '{"data": [{"b64_json": "AAAA'],
    ['not an object', 'null'],
  ])('says a 200 that cannot be read (%s) may have been charged, and where to check', (_name, text) => {
    expect(failure(text)).toMatchObject({ kind: 'not-json', message: expect.stringMatching(/may still have charged.*openrouter\.ai\/activity/) })
  })

  it.each([
    ['not JSON', '<html>', 'not-json'],
    ['an error body', JSON.stringify({ error: { code: 502, message: 'Generation failed' } }), 'model-error'],
    ['no images', answer([]), 'no-image'],
    ['entries without an image', answer([{ media_type: 'image/png' }, null]), 'no-image'],
  ])('fails with a designer’s message for %s', (_name, text, kind) => {
    expect(failure(text).kind).toBe(kind)
  })
})
