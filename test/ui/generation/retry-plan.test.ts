import { describe, expect, it } from 'vitest'
import type { GenerationSettings } from '../../../common/domain'
import type { JobOutcome } from '../../../ui/generation/job-outcome'
import type { TaskSpec } from '../../../ui/generation/plan/task'
import { retriesAsNow } from '../../../ui/generation/retry-plan'
import { orderOf } from '../../fixtures/orders'

/** A text-to-image task filling frame `target`, labelled for it, on `settings` (2 Fast at 1K unless told). */
const task = (id: string, target: string, change: Partial<TaskSpec> = {}, settings: Partial<GenerationSettings> = {}): TaskSpec => ({
  ...orderOf('A summer sale poster', { model: 'sourceful/riverflow-v2-fast', imageSize: '1K', ...settings }),
  id,
  label: `Story ${target}`,
  inputs: [],
  references: [],
  placement: 'fill',
  targetIds: [target],
  name: `Story ${target}`,
  reveal: false,
  ...change,
})

const failed = (spec: TaskSpec): JobOutcome['failures'][number] => ({ taskId: spec.id, label: spec.label, message: 'Riverflow is unavailable.', cost: { kind: 'fixed', usd: 0.02 } })

describe('retriesAsNow', () => {
  const sent = [task('job-1/a', '1:1', { row: 'job-1/row', formatSet: { id: 'set-1', keyVisualId: '9:9' } }), task('job-1/b', '1:2')]

  it('takes the same frame’s task from the click planned again, priced there, in its own task’s place, row and set', () => {
    const fresh = [task('new-a', '1:1', { row: 'row-2', formatSet: { id: 'set-2', keyVisualId: '9:9' } }, { model: 'sourceful/riverflow-v2-pro' }), task('new-b', '1:2', {}, { model: 'sourceful/riverflow-v2-pro' })]
    const { failures, tasks } = retriesAsNow([failed(sent[0])], sent, fresh, 'sourceful/riverflow-v2-pro')
    expect(failures).toEqual([{ ...failed(sent[0]), cost: { kind: 'fixed', usd: 0.15 }, note: undefined }])
    expect(tasks.get('job-1/a')).toMatchObject({ id: 'job-1/a', row: 'job-1/row', formatSet: { id: 'set-1' }, model: { id: 'sourceful/riverflow-v2-pro' } })
    expect(tasks.size).toBe(1)
  })

  it('says so in the row when the prompt it sends is the one typed since the press', () => {
    const fresh = [task('new-b', '1:2', { prompt: 'A winter sale poster' })]
    expect(retriesAsNow([failed(sent[1])], sent, fresh, 'sourceful/riverflow-v2-fast').failures[0].note).toBe('Retry sends the prompt as it is now.')
  })

  it('sends a frame the plan no longer makes, or cannot price, as it was first sent, its row naming the model when the panel shows another', () => {
    const other = [task('new-c', '1:3')]
    const unpriced = [task('new-b', '1:2', {}, { model: 'sourceful/riverflow-v2-fast', imageSize: '4K' })]
    for (const fresh of [[], other, unpriced]) {
      const { failures, tasks } = retriesAsNow([failed(sent[1])], sent, fresh, 'sourceful/riverflow-v2.5-fast')
      expect(failures).toEqual([{ ...failed(sent[1]), cost: { kind: 'fixed', usd: 0.02 }, note: 'Retry sends it as it was first sent, on Riverflow 2 Fast.' }])
      expect(tasks.size).toBe(0)
    }
    // On the model the panel shows: nothing to say (a quick action's frames, the panel as it was).
    expect(retriesAsNow([failed(sent[1])], sent, [], 'sourceful/riverflow-v2-fast').failures[0].note).toBeUndefined()
  })
})
