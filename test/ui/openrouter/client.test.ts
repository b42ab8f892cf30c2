import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { GenerationSettings } from '../../../common/domain'
import { type RetryNotice, requestGenerationAsync } from '../../../ui/openrouter/client'
import { GenerationError } from '../../../ui/answer/errors'
import { FAST_FAILURE_MS } from '../../../ui/openrouter/retry-policy'
import type { ImagesRequest } from '../../../ui/openrouter/images-request'
import { KEY_CHECK_TIMEOUT_MS, checkKeyAsync } from '../../../ui/openrouter/sign-in/key'
import { buildGenerationRequest } from '../../../ui/openrouter/request'
import { withModelOf } from '../../fixtures/orders'
import { ANSWER_SHAPES, type Behaviour, type OpenRouterStandIn, TEST_KEY, startOpenRouterStandIn } from '../../openrouter-stand-in/server'
import { DEFAULT_STATE } from '../../../ui/defaults'

let standIn: OpenRouterStandIn
beforeAll(async () => {
  standIn = await startOpenRouterStandIn()
})
afterAll(() => standIn.close())
beforeEach(() => standIn.reset())

const settings: GenerationSettings = { ...DEFAULT_STATE.settings, model: 'sourceful/riverflow-v2-fast', aspectRatio: '1:1', imageSize: '1K' }
const request = buildGenerationRequest(withModelOf({ prompt: 'A red fox', settings }))

function generate(options: { retries?: RetryNotice[]; signal?: AbortSignal; timeoutMs?: number; key?: string } = {}) {
  return requestGenerationAsync(
    { key: options.key ?? TEST_KEY, baseUrl: standIn.url, backoffMs: 5, timeoutMs: options.timeoutMs },
    request,
    { signal: options.signal, onRetry: (notice) => options.retries?.push(notice) },
  )
}

async function failure(promise: Promise<unknown>): Promise<GenerationError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof GenerationError) return error
    throw error
  }
  throw new Error('expected a GenerationError')
}

describe('requestGenerationAsync against the OpenRouter stand-in', () => {
  it('sends the documented request with the key, attribution headers and JSON', async () => {
    const result = await generate()
    expect(result.images).toHaveLength(1)
    expect(result.cost).toBe(0.02)
    const sent = standIn.generations()[0]
    expect(sent.headers.authorization).toBe(`Bearer ${TEST_KEY}`)
    expect(sent.headers['x-openrouter-title']).toBe('Riverflow for Figma')
    expect(sent.headers['http-referer']).toMatch(/^https:\/\//)
    expect(sent.body).toMatchObject({ modalities: ['image'], image_config: { aspect_ratio: '1:1', image_size: '1K' } })
  })

  it.each<[string, Behaviour, string]>([
    ['400', { kind: 'error', status: 400 }, 'bad-request'],
    ['401', { kind: 'error', status: 401 }, 'bad-key'],
    ['402', { kind: 'error', status: 402 }, 'no-credit'],
    ['403', { kind: 'error', status: 403 }, 'moderation'],
    ['404', { kind: 'error', status: 404 }, 'no-endpoint'],
    ['408', { kind: 'error', status: 408 }, 'upstream-timeout'],
    ['413', { kind: 'error', status: 413 }, 'too-large'],
    ['500', { kind: 'error', status: 500 }, 'unavailable'],
    ['524', { kind: 'error', status: 524 }, 'upstream-timeout'],
    ['a 200 carrying an error', { kind: 'choice-error' }, 'model-error'],
    ['a 200 with no image', { kind: 'no-image' }, 'no-image'],
    ['a body that is not JSON', { kind: 'not-json' }, 'not-json'],
    ['a dropped connection', { kind: 'drop' }, 'network'],
  ])('turns %s into %s, without retrying', async (_name, behaviour, kind) => {
    standIn.enqueue(behaviour)
    const error = await failure(generate())
    expect(error.kind).toBe(kind)
    expect(error.message).not.toMatch(/at .*\.ts|TypeError|undefined/)
    expect(standIn.generations()).toHaveLength(1)
  })

  const mayHaveCharged = /OpenRouter may still have charged for it: check openrouter\.ai\/activity before trying again\.( \(HTTP 524\))?$/
  it.each<[string, Behaviour]>([
    ['a connection dropped before the answer', { kind: 'drop' }],
    ['a connection dropped while the answer arrives', { kind: 'drop-mid-answer' }],
    ['a 524 (the server timed out after accepting it)', { kind: 'error', status: 524 }],
  ])('says that %s may still have been charged, and where to check', async (_name, behaviour) => {
    standIn.enqueue(behaviour)
    expect((await failure(generate())).message).toMatch(mayHaveCharged)
  })

  it('names the moderation reasons of a 403', async () => {
    standIn.enqueue({ kind: 'error', status: 403, metadata: { reasons: ['hate'], flagged_input: 'bad words' } })
    expect((await failure(generate())).message).toMatch(/moderation: hate\. Flagged: “bad words”/)
  })

  it.each([429, 502, 503, 529])('retries %i and succeeds', async (status) => {
    standIn.enqueue({ kind: 'error', status })
    const retries: RetryNotice[] = []
    const result = await generate({ retries })
    expect(result.images).toHaveLength(1)
    expect(retries.map((r) => r.attempt)).toEqual([2])
    expect(standIn.generations()).toHaveLength(2)
  })

  it('retries a 502 that failed fast only once', async () => {
    standIn.enqueue({ kind: 'error', status: 502 }, { kind: 'error', status: 502 })
    const retries: RetryNotice[] = []
    expect((await failure(generate({ retries }))).status).toBe(502)
    expect(retries).toHaveLength(1)
    expect(standIn.generations()).toHaveLength(2)
  })

  describe('a server error that came late, which is not sent again', () => {
    // A clock on which each reading is later than the last by more than a fast failure: the answer comes "late" at once.
    beforeEach(() => {
      let now = Date.now()
      vi.spyOn(Date, 'now').mockImplementation(() => (now += FAST_FAILURE_MS + 1000))
    })
    afterEach(() => vi.restoreAllMocks())

    it('says on chat completions that it may still have been charged, and where to check', async () => {
      standIn.enqueue({ kind: 'error', status: 502 })
      const error = await failure(generate())
      expect(standIn.generations()).toHaveLength(1)
      expect(error.message).toBe(
        'Riverflow failed after it had started on the image, so nothing was placed. OpenRouter may still have charged for it: check openrouter.ai/activity before trying again. (HTTP 502)',
      )
      expect(error.mayHaveCharged).toBe(true)
      expect(error.status).toBe(502)
    })

    it.each([500, 504])('says of a %i on either road that it may still have been charged', async (status) => {
      const images: ImagesRequest = { model: 'sourceful/riverflow-v2.5-fast', prompt: 'A red fox', resolution: '1K', aspect_ratio: '1:1', n: 1 }
      standIn.enqueue({ kind: 'error', status }, { kind: 'error', status })
      const onChat = await failure(generate())
      const onImages = await failure(
        requestGenerationAsync({ key: TEST_KEY, baseUrl: standIn.url, backoffMs: 5 }, images, { endpoint: { path: '/api/v1/images', road: 'images' } }),
      )
      expect(standIn.generations()).toHaveLength(1)
      expect(standIn.imageGenerations()).toHaveLength(1)
      for (const error of [onChat, onImages]) {
        expect(error.message).toBe(
          `Riverflow failed after it had started on the image, so nothing was placed. OpenRouter may still have charged for it: check openrouter.ai/activity before trying again. (HTTP ${status})`,
        )
        expect(error.mayHaveCharged).toBe(true)
      }
    })

    it('keeps a 524’s own words, which already say it may be charged', async () => {
      standIn.enqueue({ kind: 'error', status: 524 })
      expect((await failure(generate())).message).toMatch(/^OpenRouter stopped waiting for Riverflow\. OpenRouter may still have charged/)
    })

    it('says on the Image API, which does not bill a failed generation, that nothing was charged', async () => {
      standIn.enqueue({ kind: 'choice-error' })
      const images: ImagesRequest = { model: 'sourceful/riverflow-v2.5-fast', prompt: 'A red fox', resolution: '1K', aspect_ratio: '1:1', n: 1 }
      const error = await failure(
        requestGenerationAsync({ key: TEST_KEY, baseUrl: standIn.url, backoffMs: 5 }, images, { endpoint: { path: '/api/v1/images', road: 'images' } }),
      )
      expect(error.status).toBe(502)
      expect(error.message).toMatch(/^Riverflow could not make the image, and OpenRouter did not charge for it\./)
      expect(error.mayHaveCharged).toBe(false)
    })
  })

  it('honours Retry-After, and says when the wait ends', async () => {
    standIn.enqueue({ kind: 'error', status: 429, retryAfter: 1 })
    const retries: RetryNotice[] = []
    await generate({ retries })
    expect(retries[0].waitMs).toBe(1000)
    const [refused, again] = standIn.generations()
    // The wait is said as ending a second after the refusal, and the next request waited for it.
    expect(retries[0].retryAt - refused.answeredAt!).toBeGreaterThanOrEqual(1000)
    expect(again.receivedAt).toBeGreaterThanOrEqual(retries[0].retryAt)
  })

  it('gives up after a bounded number of retries', async () => {
    standIn.enqueue(...Array.from({ length: 6 }, (): Behaviour => ({ kind: 'error', status: 503 })))
    const retries: RetryNotice[] = []
    const error = await failure(generate({ retries }))
    expect(error.kind).toBe('unavailable')
    expect(retries).toHaveLength(3)
    expect(standIn.generations()).toHaveLength(4)
  })

  it.each(ANSWER_SHAPES)('keeps the paid image of an answer in the %s shape', async (shape) => {
    standIn.enqueue({ kind: 'odd-shape', shape })
    const result = await generate()
    expect(result.images).toEqual([{ kind: 'data', url: expect.stringMatching(/^data:image\/png;base64,iVBORw0KGgo/) }])
    expect(result.cost).toBe(0.02)
  })

  it('reads an answer that starts with keep-alive whitespace', async () => {
    standIn.enqueue({ kind: 'keep-alive', keepAliveMs: 150 })
    expect((await generate()).images).toHaveLength(1)
  })

  it('times out', async () => {
    standIn.enqueue({ kind: 'hang' })
    const error = await failure(generate({ timeoutMs: 200 }))
    expect(error.kind).toBe('timeout')
    expect(error.message).toMatch(/stopped/)
    expect(error.message).toMatch(mayHaveCharged)
  })

  it('cancels a request in flight, saying OpenRouter may still charge for it and where to look', async () => {
    standIn.enqueue({ kind: 'success', delayMs: 5000 })
    const cancel = new AbortController()
    const error = failure(generate({ signal: cancel.signal }))
    // Once the stand-in has the request: it is in flight.
    await expect.poll(() => standIn.generations().length).toBe(1)
    cancel.abort()
    expect(await error).toMatchObject({ kind: 'cancelled-in-flight', message: expect.stringMatching(mayHaveCharged) })
  })

  it('cancels during a retry wait: the refusal before it cannot have been billed, so nothing was spent', async () => {
    standIn.enqueue({ kind: 'error', status: 429, retryAfter: 30 })
    const cancel = new AbortController()
    const retries: RetryNotice[] = []
    const error = failure(generate({ signal: cancel.signal, retries }))
    // Once the wait has begun: the refusal is in, nothing is in flight.
    await expect.poll(() => retries.length).toBe(1)
    cancel.abort()
    expect(await error).toMatchObject({ kind: 'cancelled', message: expect.stringMatching(/nothing was spent/) })
    expect(standIn.generations()).toHaveLength(1)
  })

  it('sends nothing once cancelled, and says nothing was spent', async () => {
    const cancel = new AbortController()
    cancel.abort()
    expect(await failure(generate({ signal: cancel.signal }))).toMatchObject({ kind: 'cancelled', message: expect.stringMatching(/nothing was spent/) })
    expect(standIn.generations()).toHaveLength(0)
  })

  it('refuses to send a key that has characters a key cannot contain', async () => {
    const error = await failure(generate({ key: `“${TEST_KEY}”` }))
    expect(error.kind).toBe('malformed-key')
    expect(error.message).toMatch(/does not look like an OpenRouter key/)
    expect(standIn.requests).toHaveLength(0)
  })

  it('refuses to send a request over 4.5 MB', async () => {
    const big = buildGenerationRequest(withModelOf({ prompt: 'p', settings, inputImages: [`data:image/png;base64,${'A'.repeat(5_000_000)}`] }))
    const error = await failure(requestGenerationAsync({ key: TEST_KEY, baseUrl: standIn.url }, big))
    expect(error.kind).toBe('too-large')
    expect(standIn.generations()).toHaveLength(0)
  })

  it('takes 4.5 MB as 4,500,000 bytes, the lower of its readings: a body of 4.55 million is not sent, and said as over 4.5', async () => {
    const big = buildGenerationRequest(withModelOf({ prompt: 'p', settings, inputImages: [`data:image/png;base64,${'A'.repeat(4_550_000)}`] }))
    const error = await failure(requestGenerationAsync({ key: TEST_KEY, baseUrl: standIn.url }, big))
    expect(error.kind).toBe('too-large')
    expect(error.message).toMatch(/^The request is 4\.6 MB; Riverflow accepts 4\.5 MB at most\./)
    expect(standIn.generations()).toHaveLength(0)
  })
})

describe('checkKeyAsync against the stand-in', () => {
  it('reads the label and remaining credit', async () => {
    expect(await checkKeyAsync(TEST_KEY, { baseUrl: standIn.url })).toEqual({
      label: 'Riverflow test key',
      limitRemaining: 7.5,
      usage: 2.5,
      isFreeTier: false,
    })
  })

  it('reports a bad key as bad-key', async () => {
    expect((await failure(checkKeyAsync('sk-or-v1-nope', { baseUrl: standIn.url }))).kind).toBe('bad-key')
  })

  it.each([
    ['typographic quotes, which fetch cannot put in a header', `“${TEST_KEY}”`],
    ['a non-breaking space inside', `${TEST_KEY.slice(0, 9)}\u00A0${TEST_KEY.slice(9)}`],
  ])('reports a key with %s as such, not as a network problem, without asking', async (_name, key) => {
    const error = await failure(checkKeyAsync(key, { baseUrl: standIn.url }))
    expect(error.kind).toBe('malformed-key')
    expect(error.message).toMatch(/does not look like an OpenRouter key/)
    expect(standIn.requests).toHaveLength(0)
  })

  it('reports an unreachable server as a network error', async () => {
    expect((await failure(checkKeyAsync(TEST_KEY, { baseUrl: 'http://127.0.0.1:9' }))).kind).toBe('network')
  })

  it('gives up on a server that never answers, so Save key and a relaunch waiting for the credit end', async () => {
    // Accepts the connection and says nothing: no signal of the caller's would ever end the wait.
    const silent = createServer(() => {})
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = silent.address() as AddressInfo
      const error = await failure(checkKeyAsync(TEST_KEY, { baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 200 }))
      expect(error.kind).toBe('network')
      expect(KEY_CHECK_TIMEOUT_MS).toBeLessThanOrEqual(30_000)
    } finally {
      silent.closeAllConnections()
      await new Promise((resolve) => silent.close(resolve))
    }
  }, 5_000)
})
