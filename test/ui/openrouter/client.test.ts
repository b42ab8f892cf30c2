import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { GenerationSettings } from '../../../common/domain'
import { type RetryNotice, requestGenerationAsync } from '../../../ui/openrouter/client'
import { GenerationError } from '../../../ui/openrouter/errors'
import { checkKeyAsync } from '../../../ui/openrouter/key'
import { buildGenerationRequest } from '../../../ui/openrouter/request'
import { type Behaviour, type OpenRouterStandIn, TEST_KEY, startOpenRouterStandIn } from '../../openrouter-stand-in/server'
import { DEFAULT_STATE } from '../../../ui/defaults'

let standIn: OpenRouterStandIn
beforeAll(async () => {
  standIn = await startOpenRouterStandIn()
})
afterAll(() => standIn.close())
beforeEach(() => standIn.reset())

const settings: GenerationSettings = { ...DEFAULT_STATE.settings, model: 'sourceful/riverflow-v2-fast', aspectRatio: '1:1', imageSize: '1K' }
const request = buildGenerationRequest({ prompt: 'A red fox', settings })

function generate(options: { retries?: RetryNotice[]; signal?: AbortSignal; timeoutMs?: number; key?: string } = {}) {
  return requestGenerationAsync({
    key: options.key ?? TEST_KEY,
    request,
    baseUrl: standIn.url,
    backoffMs: 5,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
    onRetry: (notice) => options.retries?.push(notice),
  })
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
  it('sends SPEC’s request with the key, attribution headers and JSON', async () => {
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

  it('names the moderation reasons of a 403', async () => {
    standIn.enqueue({ kind: 'error', status: 403, metadata: { reasons: ['hate'], flagged_input: 'bad words' } })
    expect((await failure(generate())).message).toMatch(/moderation: hate\. Flagged: “bad words”/)
  })

  it.each([429, 502, 503, 524, 529])('retries %i and succeeds', async (status) => {
    standIn.enqueue({ kind: 'error', status })
    const retries: RetryNotice[] = []
    const result = await generate({ retries })
    expect(result.images).toHaveLength(1)
    expect(retries.map((r) => r.attempt)).toEqual([2])
    expect(standIn.generations()).toHaveLength(2)
  })

  it('honours Retry-After', async () => {
    standIn.enqueue({ kind: 'error', status: 429, retryAfter: 1 })
    const retries: RetryNotice[] = []
    const started = Date.now()
    await generate({ retries })
    expect(retries[0].waitMs).toBe(1000)
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
  })

  it('gives up after a bounded number of retries', async () => {
    standIn.enqueue(...Array.from({ length: 6 }, (): Behaviour => ({ kind: 'error', status: 503 })))
    const retries: RetryNotice[] = []
    const error = await failure(generate({ retries }))
    expect(error.kind).toBe('unavailable')
    expect(retries).toHaveLength(3)
    expect(standIn.generations()).toHaveLength(4)
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
  })

  it('cancels a request in flight', async () => {
    standIn.enqueue({ kind: 'success', delayMs: 5000 })
    const cancel = new AbortController()
    setTimeout(() => cancel.abort(), 100)
    const started = Date.now()
    const error = await failure(generate({ signal: cancel.signal }))
    expect(error.kind).toBe('cancelled')
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('cancels during a retry wait', async () => {
    standIn.enqueue({ kind: 'error', status: 429, retryAfter: 30 })
    const cancel = new AbortController()
    const error = failure(generate({ signal: cancel.signal }))
    setTimeout(() => cancel.abort(), 150)
    expect((await error).kind).toBe('cancelled')
  })

  it('refuses to send a request over 4.5 MB', async () => {
    const big = buildGenerationRequest({ prompt: 'p', settings, inputImages: [`data:image/png;base64,${'A'.repeat(5_000_000)}`] })
    const error = await failure(requestGenerationAsync({ key: TEST_KEY, request: big, baseUrl: standIn.url }))
    expect(error.kind).toBe('too-large')
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

  it('reports an unreachable server as a network error', async () => {
    expect((await failure(checkKeyAsync(TEST_KEY, { baseUrl: 'http://127.0.0.1:9' }))).kind).toBe('network')
  })
})
