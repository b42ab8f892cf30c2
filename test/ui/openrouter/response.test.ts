import { describe, expect, it } from 'vitest'
import { GenerationError } from '../../../ui/openrouter/errors'
import { parseGenerationResponse } from '../../../ui/openrouter/response'

// SPEC section 1's successful response, values illustrative.
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

  it('reads the usage cost as null when absent', () => {
    const { usage: _usage, ...noUsage } = success
    expect(parseGenerationResponse(JSON.stringify(noUsage)).cost).toBeNull()
  })
})
