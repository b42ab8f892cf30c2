import { describe, expect, it } from 'vitest'
import type { GenerationSettings } from '../../../common/domain'
import { waitingNote } from '../../../ui/generation/generation'
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
