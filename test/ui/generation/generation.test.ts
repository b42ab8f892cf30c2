import { afterEach, describe, expect, it, vi } from 'vitest'
import type { GenerationSettings } from '../../../common/domain'
import { createGeneration, waitingNote } from '../../../ui/generation/generation'
import type { TaskSpec } from '../../../ui/generation/plan/task'
import { BUILT_IN_MODELS } from '../../../ui/models'
import { orderOf } from '../../fixtures/orders'

const settings = (change: Partial<GenerationSettings>) => orderOf('p', change)

describe('waitingNote', () => {
  it('says at once that high effort can take minutes, on a model that takes effort', () => {
    expect(waitingNote(settings({ model: 'sourceful/riverflow-v2.5-fast', effort: 'high' }))).toEqual({ text: 'Thorough thinking can take several minutes.', afterSeconds: 0 })
  })

  it('says Pro can take a few minutes, once the wait has gone on', () => {
    expect(waitingNote(settings({ model: 'sourceful/riverflow-v2.5-pro', effort: 'medium' }))).toEqual({ text: 'Pro can take a few minutes.', afterSeconds: 20 })
    expect(waitingNote(settings({ model: 'sourceful/riverflow-v2-pro' }))?.afterSeconds).toBe(20)
  })

  it('says nothing of an effort the model does not take, nor of Fast at medium', () => {
    expect(waitingNote(settings({ model: 'sourceful/riverflow-v2-fast', effort: 'high' }))).toBeNull()
    expect(waitingNote(settings({ model: 'sourceful/riverflow-v2.5-fast', effort: 'medium' }))).toBeNull()
  })
})

describe('Retry of a failed frame', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('sends with the key the panel holds now, not the one of the job that failed (replaced in Settings since)', async () => {
    const sentWith: string[] = []
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      sentWith.push((init.headers as Record<string, string>).Authorization)
      return new Response(JSON.stringify({ error: { code: 401, message: 'User not found.' } }), { status: 401 })
    })
    const generation = createGeneration({
      exportLayer: async () => Promise.reject(new Error('nothing to export')),
      createEncoder: () => {
        throw new Error('nothing to encode')
      },
      lander: { place: async (args) => ({ nodeIds: ['1:1'], placement: args.placement }) },
      endUndoStep: async () => null,
    })
    const task = (id: string): TaskSpec => ({ ...settings({ model: 'sourceful/riverflow-v2-fast' }), id, label: `Frame ${id}`, inputs: [], references: [], placement: 'new-layer', targetIds: [], name: id, reveal: true })
    await generation.start([task('a'), task('b')], { key: 'sk-or-v1-replaced', models: BUILT_IN_MODELS })
    const [failure] = generation.getState().outcome!.failures
    sentWith.length = 0
    generation.retryTask(failure.taskId, 'sk-or-v1-current')
    await vi.waitFor(() => expect(sentWith).toEqual(['Bearer sk-or-v1-current']))
  })
})
