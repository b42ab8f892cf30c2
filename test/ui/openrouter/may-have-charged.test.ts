import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { requestGenerationAsync } from '../../../ui/openrouter/client'
import { GenerationError } from '../../../ui/answer/errors'
import { FAST_FAILURE_MS } from '../../../ui/openrouter/retry-policy'
import type { ImagesRequest } from '../../../ui/openrouter/images-request'
import { buildGenerationRequest } from '../../../ui/openrouter/request'
import { failureMessage } from '../../../ui/generation/job-outcome'
import { NOTHING_SPENT, spendAfterTask } from '../../../ui/generation/session-spend'
import type { CostEstimate } from '../../../ui/pricing'
import { withModelOf } from '../../fixtures/orders'
import { type Behaviour, TEST_KEY } from '../../openrouter-stand-in/server'
import { useOpenRouterStandIn } from '../../openrouter-stand-in/use-stand-in'
import { DEFAULT_STATE } from '../../../ui/defaults'

// Every way a request can fail after it reached OpenRouter, through the client as the job runs it:
// each must come raised as one that may still be charged, for the session's spend range and the
// credit asked again after the job. The flag is what counts, not the words; each is checked apart.

const standIn = useOpenRouterStandIn()
const chat = buildGenerationRequest(withModelOf({ prompt: 'A red fox', settings: { ...DEFAULT_STATE.settings, model: 'sourceful/riverflow-v2-fast', imageSize: '1K' } }))
const images: ImagesRequest = { model: 'sourceful/riverflow-v2.5-fast', prompt: 'A red fox', resolution: '1K', aspect_ratio: '1:1', n: 1 }
const PRICE: CostEstimate = { kind: 'fixed', usd: 0.04 }

type Road = 'chat' | 'images'

async function failureAsync(road: Road, options: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<GenerationError> {
  const connection = { key: TEST_KEY, baseUrl: standIn.url, backoffMs: 5, timeoutMs: options.timeoutMs }
  const sent =
    road === 'chat'
      ? requestGenerationAsync(connection, chat, { signal: options.signal })
      : requestGenerationAsync(connection, images, { signal: options.signal, endpoint: { path: '/api/v1/images', road: 'images' } })
  const error = await sent.then(
    () => null,
    (e: unknown) => e,
  )
  if (!(error instanceof GenerationError)) throw new Error(`expected a GenerationError, got ${String(error)}`)
  return error
}

/** The session's spend and the words once this failure settles its task, priced at $0.04. */
function settle(error: GenerationError, cancelled = false) {
  const task = { ok: false as const, error, cancelled }
  return { spent: spendAfterTask(NOTHING_SPENT, task, PRICE), says: failureMessage(task, PRICE) }
}

function expectMayHaveCharged(error: GenerationError, cancelled = false) {
  expect(error.mayHaveCharged).toBe(true)
  const { spent, says } = settle(error, cancelled)
  expect(spent).toEqual({ total: 0, unpriced: 0, mayBeCharged: 0.04 })
  // The words agree with the count: the designer is told the most it may come to.
  expect(says).toContain('OpenRouter may still have charged for it, up to $0.04: check openrouter.ai/activity before trying again.')
}

function expectNothingCharged(error: GenerationError) {
  expect(error.mayHaveCharged).toBe(false)
  const { spent, says } = settle(error)
  expect(spent).toEqual(NOTHING_SPENT)
  expect(says).not.toMatch(/may still/)
}

describe('a failure after the request reached OpenRouter is raised as one that may still be charged', () => {
  it.each<[string, Behaviour, Road]>([
    ['a connection dropped before the answer', { kind: 'drop' }, 'chat'],
    ['a connection dropped while the answer arrives', { kind: 'drop-mid-answer' }, 'chat'],
    ['a 524 on chat completions', { kind: 'error', status: 524 }, 'chat'],
    ['a 524 on the Image API', { kind: 'error', status: 524 }, 'images'],
    ['a body that is not JSON on chat completions', { kind: 'not-json' }, 'chat'],
    ['a body that is not JSON on the Image API', { kind: 'not-json' }, 'images'],
    ['a truncated body', { kind: 'truncated' }, 'chat'],
  ])('%s', async (_name, behaviour, road) => {
    standIn.enqueue(behaviour)
    expectMayHaveCharged(await failureAsync(road))
  })

  it('a timeout', async () => {
    standIn.enqueue({ kind: 'hang' })
    const error = await failureAsync('chat', { timeoutMs: 200 })
    expect(error.kind).toBe('timeout')
    expectMayHaveCharged(error)
  })

  it('a Cancel while the request is in flight', async () => {
    standIn.enqueue({ kind: 'success', delayMs: 5000 })
    const cancel = new AbortController()
    const error = failureAsync('chat', { signal: cancel.signal })
    await expect.poll(() => standIn.generations().length).toBe(1)
    cancel.abort()
    expect((await error).kind).toBe('cancelled-in-flight')
    expectMayHaveCharged(await error, true)
  })

  describe('a server error that came late', () => {
    // Each reading of the clock is later than the last by more than a fast failure: the answer comes "late" at once.
    beforeEach(() => {
      let now = Date.now()
      vi.spyOn(Date, 'now').mockImplementation(() => (now += FAST_FAILURE_MS + 1000))
    })
    afterEach(() => vi.restoreAllMocks())

    it.each<[number, Road]>([
      [500, 'chat'],
      [502, 'chat'],
      [504, 'chat'],
      [500, 'images'],
      [504, 'images'],
    ])('a late %i on %s', async (status, road) => {
      standIn.enqueue({ kind: 'error', status })
      expectMayHaveCharged(await failureAsync(road))
    })

    it('but not the Image API’s 502, which it does not bill', async () => {
      standIn.enqueue({ kind: 'choice-error' })
      expectNothingCharged(await failureAsync('images'))
    })
  })
})

describe('a failure before the model ran is not counted', () => {
  it.each<[string, Behaviour[]]>([
    ['a refused key', [{ kind: 'error', status: 401 }]],
    ['no credit', [{ kind: 'error', status: 402 }]],
    ['rate limiting, after the retries', Array.from({ length: 4 }, (): Behaviour => ({ kind: 'error', status: 429, retryAfter: 0 }))],
  ])('%s', async (_name, behaviours) => {
    standIn.enqueue(...behaviours)
    expectNothingCharged(await failureAsync('chat'))
  })

  it('a Cancel before the request went', async () => {
    const cancel = new AbortController()
    cancel.abort()
    expectNothingCharged(await failureAsync('chat', { signal: cancel.signal }))
    expect(standIn.generations()).toHaveLength(0)
  })
})
