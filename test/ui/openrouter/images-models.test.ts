import { afterEach, describe, expect, it, vi } from 'vitest'
import { imagesApiListsAsync } from '../../../ui/openrouter/images-models'

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('asking the Image API whether it lists a model', () => {
  it('reads the list', async () => {
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ data: [{ id: 'sourceful/riverflow-v2.6-pro' }] })))
    expect(await imagesApiListsAsync('sourceful/riverflow-v2.6-pro', { key: 'sk-or-v1-x' })).toBe(true)
    expect(await imagesApiListsAsync('sourceful/riverflow-v2-fast', { key: 'sk-or-v1-x' })).toBe(false)
  })

  it('counts a list that never comes as no after 15 seconds, so the generation waiting on it goes on', async () => {
    vi.useFakeTimers()
    vi.stubGlobal('fetch', (_url: string, init?: RequestInit) => new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))))
    const told = imagesApiListsAsync('sourceful/riverflow-v2.6-pro', { key: 'sk-or-v1-x' })
    const outcome = Promise.race([told, new Promise((resolve) => setTimeout(resolve, 16_000, 'still waiting'))])
    await vi.advanceTimersByTimeAsync(16_000)
    expect(await outcome).toBe(false)
  })
})
