import { describe, expect, it, vi } from 'vitest'
import { sendGenerationAsync } from '../../../../ui/generation/run/run-job'
import { MODELS, orderOf } from '../../../fixtures/orders'
import { requestGenerationAsync } from '../../../../ui/openrouter/client'
import { TEST_KEY } from '../../../openrouter-stand-in/server'
import { useOpenRouterStandIn } from '../../../openrouter-stand-in/use-stand-in'

// The real client, watched: which timeout each model's request is given. Waiting out
// 10 or 25 minutes is not a test; the client's own tests prove a timeout is kept.
vi.mock('../../../../ui/openrouter/client', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../../ui/openrouter/client')>()
  return { ...original, requestGenerationAsync: vi.fn(original.requestGenerationAsync) }
})

const standIn = useOpenRouterStandIn()

const MINUTE = 60_000

describe('per-model timeouts', () => {
  it.each([
    ['sourceful/riverflow-v2-pro', 10 * MINUTE],
    ['sourceful/riverflow-v2.5-pro', 25 * MINUTE],
    ['sourceful/riverflow-v2.6-pro', 25 * MINUTE],
  ])('gives %s its own timeout', async (model, timeoutMs) => {
    vi.mocked(requestGenerationAsync).mockClear()
    await sendGenerationAsync(orderOf('A kite', { model }), { connection: { key: TEST_KEY, baseUrl: standIn.url }, models: MODELS })
    expect(vi.mocked(requestGenerationAsync).mock.calls.map(([connection]) => connection.timeoutMs)).toEqual([timeoutMs])
  })

  it('keeps a timeout the caller gives', async () => {
    vi.mocked(requestGenerationAsync).mockClear()
    await sendGenerationAsync(orderOf('A kite'), { connection: { key: TEST_KEY, baseUrl: standIn.url, timeoutMs: 1234 }, models: MODELS })
    expect(vi.mocked(requestGenerationAsync).mock.calls[0][0].timeoutMs).toBe(1234)
  })
})
