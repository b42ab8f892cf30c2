import { describe, expect, it } from 'vitest'
import { jobError, messageOf, suggestionOf } from '../../../ui/generation/job-error'
import type { SettledTask } from '../../../ui/generation/run-job'
import { GenerationError } from '../../../ui/openrouter/errors'

const busy = new GenerationError('free-busy', 'The free model is busy.', { suggestedModel: 'sourceful/riverflow-v2.5-fast' })
const failed = (error: unknown): SettledTask => ({ ok: false, error, cancelled: false })
const done: SettledTask = { ok: true, value: { cost: 0.02, notes: [], dropped: [] } }

describe('suggestionOf', () => {
  it('offers the model a one-task job’s error suggests', () => {
    expect(suggestionOf([failed(busy)])).toBe('sourceful/riverflow-v2.5-fast')
  })

  it('offers nothing for a batch, an error without a suggestion, or a success', () => {
    expect(suggestionOf([failed(busy), done])).toBeNull()
    expect(suggestionOf([failed(new GenerationError('network', 'Offline.'))])).toBeNull()
    expect(suggestionOf([failed(new Error('boom'))])).toBeNull()
    expect(suggestionOf([done])).toBeNull()
  })
})

describe('jobError', () => {
  it('shows a single task’s own message, and counts a batch’s failures', () => {
    expect(jobError([failed(busy)], [{ message: 'The free model is busy.' }], 'takes')).toBe('The free model is busy.')
    expect(jobError([failed(busy), done], [{ message: 'x' }], 'frames')).toBe('1 of 2 frames failed; the others were placed.')
    expect(jobError([done], [], 'frames')).toBeNull()
  })
})

describe('messageOf', () => {
  it('never shows what is not our own message', () => {
    expect(messageOf(new Error('TypeError at foo.ts:12'))).toBe('Something went wrong while generating. Try again; your prompt and settings are kept.')
  })
})
