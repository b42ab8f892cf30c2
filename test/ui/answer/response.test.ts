import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { GenerationError } from '../../../ui/answer/errors'
import { parseGenerationResponse } from '../../../ui/answer/response'

// OpenRouter's successful response (docs/contracts.md#openrouter-chat-completions-response), values illustrative.
const success = {
  id: 'gen-1769111317-B79JPixmFOvkuTDRpEZ8',
  provider: 'Sourceful',
  model: 'sourceful/riverflow-v2-fast',
  object: 'chat.completion',
  created: 1769111317,
  choices: [
    {
      index: 0,
      finish_reason: 'stop',
      native_finish_reason: 'stop',
      message: {
        role: 'assistant',
        content: '',
        refusal: null,
        images: [{ type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' }, index: 0 }],
      },
    },
  ],
  usage: { prompt_tokens: 0, completion_tokens: 4175, total_tokens: 4175, cost: 0.02, is_byok: false },
}

function kindOf(text: string): string {
  try {
    parseGenerationResponse(text)
    return 'ok'
  } catch (error) {
    return error instanceof GenerationError ? error.kind : 'thrown'
  }
}

describe('parseGenerationResponse', () => {
  it('reads the images, the cost and the generation id', () => {
    expect(parseGenerationResponse(JSON.stringify(success))).toEqual({
      images: [{ kind: 'data', url: 'data:image/png;base64,iVBORw0KGgo=' }],
      cost: 0.02,
      generationId: 'gen-1769111317-B79JPixmFOvkuTDRpEZ8',
    })
  })

  it('tolerates keep-alive blank lines and spaces before the JSON', () => {
    expect(parseGenerationResponse(`\n\n   \n${JSON.stringify(success)}`).images).toHaveLength(1)
  })

  it('keeps every image, data URLs and https URLs alike', () => {
    const body = structuredClone(success)
    body.choices[0].message.images.push({ type: 'image_url', image_url: { url: 'https://cdn.test/b.png' }, index: 1 })
    expect(parseGenerationResponse(JSON.stringify(body)).images).toEqual([
      { kind: 'data', url: 'data:image/png;base64,iVBORw0KGgo=' },
      { kind: 'remote', url: 'https://cdn.test/b.png' },
    ])
  })

  const withChoice = (choice: object) => JSON.stringify({ ...success, choices: [choice] })
  it.each([
    ['a body that is not JSON', '<html>Bad gateway</html>', 'not-json'],
    ['a 200 carrying a choice error', withChoice({ index: 0, finish_reason: 'error', error: { code: 502, message: 'Provider failed' }, message: { role: 'assistant', content: '' } }), 'model-error'],
    ['finish_reason error without details', withChoice({ index: 0, finish_reason: 'error', message: { role: 'assistant', content: '' } }), 'model-error'],
    ['a 200 whose message has no images', withChoice({ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: '' } }), 'no-image'],
    ['a 200 with an empty choices array', JSON.stringify({ ...success, choices: [] }), 'no-image'],
    ['a top-level error in a 200', JSON.stringify({ error: { code: 500, message: 'Internal' } }), 'model-error'],
    ['JSON that is not an object', '"hello"', 'not-json'],
  ])('reports %s', (_name, text, kind) => {
    expect(kindOf(text)).toBe(kind)
  })

  it('puts what the model failed with last, in brackets as support reads it, never in the headline', () => {
    const said = 'image_config.font_inputs[0].font_url could not be fetched (timeout)'
    const text = withChoice({ index: 0, finish_reason: 'error', error: { code: 502, message: said }, message: { role: 'assistant', content: '' } })
    const message = (() => {
      try {
        parseGenerationResponse(text)
      } catch (error) {
        return (error as Error).message
      }
    })()
    expect(message).toBe('The model failed while making the image. Try again. (code 502: image_config.font_inputs[0].font_url could not be fetched [timeout])')
  })

  it.each(['<html>Bad gateway</html>', '"hello"', 'null'])('says a 200 that cannot be read (%s) may have been charged, and where to check', (text) => {
    expect(() => parseGenerationResponse(text)).toThrow(/may still have charged.*openrouter\.ai\/activity/)
  })

  it.each([
    ['with no image', withChoice({ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: '' } }), 'no-image'],
    ['with a choice error', withChoice({ index: 0, finish_reason: 'error', error: { code: 502, message: 'Provider failed' }, message: { role: 'assistant', content: '' } }), 'model-error'],
  ])('an answer %s carries what it says it billed, for the message and the session’s spend', (_name, text, kind) => {
    const billed = (cost: number) => JSON.stringify({ ...JSON.parse(text), usage: { ...success.usage, cost } })
    const thrown = (body: string) => {
      try {
        parseGenerationResponse(body)
      } catch (error) {
        return error
      }
    }
    expect(thrown(billed(0.15))).toMatchObject({ kind, charged: 0.15 })
    expect(thrown(billed(0))).toMatchObject({ kind, charged: 0 })
  })

  it('reads the usage cost as null when absent', () => {
    const { usage: _usage, ...noUsage } = success
    expect(parseGenerationResponse(JSON.stringify(noUsage)).cost).toBeNull()
  })
})

describe('parseGenerationResponse keeps every paid image, whatever shape it comes in', () => {
  const png = 'data:image/png;base64,iVBORw0KGgo='
  const message = (extra: object) => ({ role: 'assistant', content: '', ...extra })
  const answer = (choices: object[], extra: object = {}) => JSON.stringify({ ...success, choices, ...extra })
  const imageEntry = (url: string) => ({ type: 'image_url', image_url: { url }, index: 0 })
  const stop = (extra: object) => ({ index: 0, finish_reason: 'stop', message: message(extra) })

  it.each([
    ['"error": null beside the answer', answer([stop({ images: [imageEntry(png)] })], { error: null }), png],
    ['"error": null in the choice', answer([{ ...stop({ images: [imageEntry(png)] }), error: null }]), png],
    ['finish_reason "error" with an image', answer([{ index: 0, finish_reason: 'error', error: { code: 502, message: 'late' }, message: message({ images: [imageEntry(png)] }) }]), png],
    ['a top-level error with an image', answer([stop({ images: [imageEntry(png)] })], { error: { code: 500, message: 'odd' } }), png],
    ['a data URL with a leading space', answer([stop({ images: [imageEntry(` ${png}`)] })]), png],
    ['an upper-case DATA: scheme', answer([stop({ images: [imageEntry(png.replace('data:', 'DATA:'))] })]), png],
    ['an upper-case HTTPS:// scheme', answer([stop({ images: [imageEntry('HTTPS://cdn.test/a.png')] })]), 'https://cdn.test/a.png'],
    ['image_url as a plain string', answer([stop({ images: [{ type: 'image_url', image_url: png }] })]), png],
    ['the image in message.content parts', answer([stop({ content: [{ type: 'image_url', image_url: { url: png } }] })]), png],
    ['the image in a second choice', answer([stop({}), { ...stop({ images: [imageEntry(png)] }), index: 1 }]), png],
  ])('keeps the image of %s', (_name, text, url) => {
    expect(parseGenerationResponse(text).images).toEqual([{ kind: url.startsWith('data:') ? 'data' : 'remote', url }])
  })

  it.each([
    ['a choice error', answer([{ index: 0, finish_reason: 'error', error: { code: 502, message: 'Provider failed' }, message: message({}) }])],
    ['an error in a second choice', answer([stop({}), { index: 1, finish_reason: 'error', message: message({ images: [] }) }])],
    ['a top-level error beside empty choices', answer([], { error: { code: 500, message: 'Internal' } })],
  ])('still fails on %s with no image', (_name, text) => {
    expect(kindOf(text)).toBe('model-error')
  })

  it('reports "error": null with no image as no image, not as a model error', () => {
    expect(kindOf(answer([stop({})], { error: null }))).toBe('no-image')
  })

  // Where an image can sit, how its URL can be written, and what may stand beside it.
  const payload = fc.oneof(fc.constant('iVBORw0KGgo='), fc.integer({ min: 1100, max: 3000 }).map((n) => 'iVBORw0KGgoAAAA'.repeat(n).slice(0, n)))
  const image = fc.oneof(
    payload.map((p) => ({ scheme: 'data:', rest: `image/png;base64,${p}` })),
    fc.constant({ scheme: 'https://', rest: 'cdn.test/result.png' }),
  )
  const written = fc.record({
    image,
    upperCase: fc.boolean(),
    before: fc.constantFrom('', ' ', '\n', '\t '),
    after: fc.constantFrom('', ' ', '\n'),
    place: fc.constantFrom('images', 'images-string', 'content'),
    choice: fc.integer({ min: 0, max: 2 }),
    finishReason: fc.constantFrom('stop', 'error', undefined),
    choiceError: fc.constantFrom(undefined, null, { code: 502, message: 'Provider returned error' }),
    topError: fc.constantFrom(undefined, null, { code: 500, message: 'Internal' }),
  })
  /** Choices up to `w.choice`, each with the written error decorations; the last holds `holder`. */
  const writtenAnswer = (w: typeof written extends fc.Arbitrary<infer T> ? T : never, holder: object) => {
    const choices = Array.from({ length: w.choice + 1 }, (_, index) => ({
      index,
      finish_reason: w.finishReason,
      ...(w.choiceError !== undefined ? { error: w.choiceError } : {}),
      message: message(index === w.choice ? holder : {}),
    }))
    return answer(choices, w.topError !== undefined ? { error: w.topError } : {})
  }

  it('finds the image wherever it sits and however its URL is written', () => {
    fc.assert(
      fc.property(written, (w) => {
        const scheme = w.upperCase ? w.image.scheme.toUpperCase() : w.image.scheme
        const url = `${w.before}${scheme}${w.image.rest}${w.after}`
        const holder = {
          images: { images: [imageEntry(url)] },
          'images-string': { images: [{ type: 'image_url', image_url: url }] },
          content: { content: [{ type: 'text', text: '' }, { type: 'image_url', image_url: { url } }] },
        }[w.place]
        expect(parseGenerationResponse(writtenAnswer(w, holder)).images).toEqual([
          { kind: w.image.scheme === 'data:' ? 'data' : 'remote', url: `${w.image.scheme}${w.image.rest}` },
        ])
      }),
    )
  })

  it('fails with a model error whenever an error comes with no image', () => {
    fc.assert(
      fc.property(written, (w) => {
        fc.pre(w.topError != null || w.choiceError != null || w.finishReason === 'error')
        expect(kindOf(writtenAnswer(w, { images: [] }))).toBe('model-error')
      }),
    )
  })
})
