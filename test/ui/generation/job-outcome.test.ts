import { describe, expect, it } from 'vitest'
import type { ShrinkNote } from '../../../ui/encoding/request-budget'
import { type JobOutcome, type OutcomeEvent, failureMessage, jobError, messageOf, reduceOutcome, sharedReason, suggestionOf } from '../../../ui/generation/job-outcome'
import { NOTHING_SPENT, addMayBeCharged, addSpend } from '../../../ui/generation/session-spend'
import type { SettledTask } from '../../../ui/generation/task-types'
import { GenerationError, MAY_HAVE_CHARGED, cancelledError } from '../../../ui/answer/errors'
import type { CostEstimate } from '../../../ui/pricing'

const note: ShrinkNote = { name: 'Frame 1', from: { width: 2048, height: 1536 }, to: { width: 1600, height: 1200 }, keptPercent: 61 }
const layers = { nodeIds: ['1:2'], name: 'A red fox' }
const failure = { taskId: 'task-2', label: 'Frame 2', message: 'Not enough OpenRouter credit.', cost: { kind: 'fixed' as const, usd: 0.04 } }

const replay = (...events: OutcomeEvent[]) => events.reduce<JobOutcome | null>(reduceOutcome, null)

describe('reduceOutcome', () => {
  it('starts each job empty, whatever the last one did', () => {
    const last = replay({ type: 'job-started' }, { type: 'image-placed', fellBack: true, layers }, { type: 'task-done', cost: 0.15, notes: [note] })
    expect(reduceOutcome(last, { type: 'job-started' })).toEqual({ placed: 0, layers: [], cost: null, unpriced: 0, shrunk: [], tiled: [], notes: [], dropped: {}, fellBack: false, failures: [] })
  })

  it('adds up the costs the answers gave, and keeps every task’s notes', () => {
    const outcome = replay(
      { type: 'job-started' },
      { type: 'task-done', cost: 0.15, notes: [note] },
      { type: 'task-done', cost: null, notes: [] },
      { type: 'task-done', cost: 0.35, notes: [{ ...note, name: 'Frame 3' }] },
    )
    expect(outcome?.cost).toBeCloseTo(0.5)
    expect(outcome?.unpriced).toBe(1)
    expect(outcome?.notes.map((n) => n.name)).toEqual(['Frame 1', 'Frame 3'])
  })

  it('names once each option a road could not carry, whichever tasks dropped it, under the road it was dropped on', () => {
    const outcome = replay(
      { type: 'job-started' },
      { type: 'task-done', cost: 0.3, notes: [], dropped: { road: 'images', options: ['font inputs', 'effort'] } },
      { type: 'task-done', cost: 0.3, notes: [] },
      { type: 'task-done', cost: 0.3, notes: [], dropped: { road: 'images', options: ['effort'] } },
      { type: 'task-done', cost: 0.3, notes: [], dropped: { road: 'chat', options: ['background'] } },
      { type: 'task-done', cost: 0.3, notes: [], dropped: { road: 'chat', options: [] } },
    )
    expect(outcome?.dropped).toEqual({ images: ['font inputs', 'effort'], chat: ['background'] })
  })

  it('leaves the cost unknown when no answer gave one', () => {
    expect(replay({ type: 'job-started' }, { type: 'task-done', cost: null, notes: [] })?.cost).toBeNull()
  })

  it('counts the takes placed, and remembers that one fill fell back to a new layer', () => {
    const outcome = replay(
      { type: 'job-started' },
      { type: 'image-placed', fellBack: false, layers },
      { type: 'image-placed', fellBack: true, layers },
      { type: 'image-placed', fellBack: false, layers },
    )
    expect(outcome).toMatchObject({ placed: 3, fellBack: true, layers: [layers, layers, layers] })
  })

  it('lists the takes scaled down to fit Figma, and those placed in tiles, each with its original to download', () => {
    const shrunk = { from: '6000×4000', to: '4096×2731', fullSizeId: 'full-size-1', tilesProblem: null }
    const tiled = { size: '5120×2880', tiles: 2, fullSizeId: 'full-size-2', insteadOfFill: true, placed: true }
    const outcome = replay({ type: 'job-started' }, { type: 'image-shrunk', ...shrunk }, { type: 'image-tiled', ...tiled })
    expect(outcome).toMatchObject({ shrunk: [shrunk], tiled: [tiled] })
  })

  it('lists a batch’s failures beside what it placed', () => {
    const outcome = replay(
      { type: 'job-started' },
      { type: 'image-placed', fellBack: false, layers },
      { type: 'task-done', cost: 0.02, notes: [] },
      { type: 'job-finished', taskCount: 2, failures: [failure] },
    )
    expect(outcome).toMatchObject({ placed: 1, cost: 0.02, failures: [failure] })
  })

  it('has no outcome when the only task failed: its error says it all', () => {
    expect(replay({ type: 'job-started' }, { type: 'job-finished', taskCount: 1, failures: [failure] })).toBeNull()
  })

  it('ignores what arrives when there is no outcome to tell', () => {
    expect(replay({ type: 'image-placed', fellBack: false, layers })).toBeNull()
    expect(replay({ type: 'task-done', cost: 0.02, notes: [] })).toBeNull()
  })

  it('changes nothing it was given', () => {
    const before = replay({ type: 'job-started' }, { type: 'image-placed', fellBack: false, layers })!
    const copy = structuredClone(before)
    reduceOutcome(before, { type: 'task-done', cost: 0.02, notes: [note] })
    reduceOutcome(before, { type: 'job-finished', taskCount: 2, failures: [failure] })
    expect(before).toEqual(copy)
  })
})

const busy = new GenerationError('free-busy', 'The free model is busy.', { suggestedModel: 'sourceful/riverflow-v2.5-fast' })
const failed = (error: unknown): SettledTask => ({ ok: false, error, cancelled: false })
const done: SettledTask = { ok: true, value: { cost: 0.02, notes: [], dropped: { road: 'chat', options: [] } } }

describe('suggestionOf', () => {
  it('offers the model a one-task job’s error suggests', () => {
    expect(suggestionOf([failed(busy)])).toBe('sourceful/riverflow-v2.5-fast')
  })

  it('offers a batch’s once, when every failed frame that names a model names the same', () => {
    const down = new GenerationError('unavailable', 'Riverflow is unavailable. Try Riverflow 2.5 Fast.', { status: 500, suggestedModel: 'sourceful/riverflow-v2.5-fast' })
    expect(suggestionOf([failed(down), failed(down), failed(down)])).toBe('sourceful/riverflow-v2.5-fast')
    // The frames placed, and one that failed for a reason no model answers, leave the switch as it is.
    expect(suggestionOf([done, failed(down), failed(new GenerationError('moderation', 'Blocked.'))])).toBe('sourceful/riverflow-v2.5-fast')
  })

  it('offers none when the failed frames name different models: no one switch answers them all', () => {
    const noCredit = new GenerationError('no-credit', 'Not enough credit.', { status: 402, suggestedModel: 'sourceful/riverflow-v2.5-fast:free' })
    const down = new GenerationError('unavailable', 'Riverflow is unavailable. Try Riverflow 2 Fast.', { status: 500, suggestedModel: 'sourceful/riverflow-v2-fast' })
    expect(suggestionOf([failed(noCredit), failed(down)])).toBeNull()
  })

  it('offers nothing for an error without a suggestion, or a success', () => {
    expect(suggestionOf([failed(new GenerationError('network', 'Offline.'))])).toBeNull()
    expect(suggestionOf([failed(new GenerationError('network', 'Offline.')), failed(new Error('boom'))])).toBeNull()
    expect(suggestionOf([failed(new Error('boom'))])).toBeNull()
    expect(suggestionOf([done])).toBeNull()
    expect(suggestionOf([done, done])).toBeNull()
  })
})

describe('jobError', () => {
  it('shows a single task’s own message, and counts a batch’s failures', () => {
    expect(jobError([failed(busy)], [{ message: 'The free model is busy.' }], 'variations')).toBe('The free model is busy.')
    expect(jobError([failed(busy), done], [{ message: 'x' }], 'frames')).toBe('1 of 2 frames failed; the others were placed.')
    expect(jobError([done], [], 'frames')).toBeNull()
    // None placed: never "the others were placed", and the reason said.
    expect(jobError([failed(busy), failed(busy)], [{ message: 'Not enough OpenRouter credit.' }, { message: 'Not enough OpenRouter credit.' }], 'frames')).toBe('All 2 frames failed: Not enough OpenRouter credit.')
    expect(jobError([failed(busy), failed(busy)], [{ message: 'A.' }, { message: 'B.' }], 'variations')).toBe('All 2 variations failed. The first: A.')
  })

  it('says once, in the headline, a reason that several failed frames give, and leaves a lone one’s to its row', () => {
    const credit = { message: 'Not enough OpenRouter credit.' }
    expect(jobError([failed(busy), failed(busy), done], [credit, credit], 'frames')).toBe('2 of 3 frames failed; the others were placed. Not enough OpenRouter credit.')
    expect(jobError([failed(busy), failed(busy), done], [credit, { message: 'B.' }], 'frames')).toBe('2 of 3 frames failed; the others were placed.')
    expect(jobError([failed(busy), done, done], [credit], 'frames')).toBe('1 of 3 frames failed; the others were placed.')
    expect(sharedReason([credit, credit])).toBe(credit.message)
    expect(sharedReason([credit, { message: 'B.' }])).toBeNull()
    expect(sharedReason([])).toBeNull()
  })

  it('says a cancelled batch may still be charged for the requests that were with OpenRouter, and nothing for the rest', () => {
    const cancelled = (error: unknown): SettledTask => ({ ok: false, error, cancelled: true })
    const notSent = [cancelled(cancelledError()), cancelled(new Error('Cancelled'))]
    const message = (tasks: SettledTask[]) => jobError(tasks, tasks.filter((t) => !t.ok).map((t) => ({ message: failureMessage(t as Extract<SettledTask, { ok: false }>) })), 'frames')
    expect(message([done, ...notSent])).toBe('Cancelled. What was already done stays on the canvas; the rest was never sent, so nothing more was spent.')
    expect(message([done, cancelled(cancelledError(true)), cancelled(cancelledError(true)), ...notSent])).toBe(
      'Cancelled. What was already done stays on the canvas. 2 requests were already with OpenRouter, which may still charge for them: check openrouter.ai/activity before trying again.',
    )
    // A frame that never started reads as cancelled, not as something gone wrong.
    expect(failureMessage(notSent[1] as Extract<SettledTask, { ok: false }>)).toBe(cancelledError().message)
  })

  it('says the most the requests with OpenRouter may still be charged: their estimates’ high ends', () => {
    const inFlight: SettledTask = { ok: false, error: cancelledError(true), cancelled: true }
    const notSent: SettledTask = { ok: false, error: cancelledError(), cancelled: true }
    const pro = { kind: 'fixed' as const, usd: 0.04 }
    const message = (tasks: SettledTask[], cost: CostEstimate | null) =>
      jobError(tasks, tasks.filter((t) => !t.ok).map((t) => ({ message: failureMessage(t as Extract<SettledTask, { ok: false }>, cost), cost })), 'frames')
    expect(message([done, inFlight, notSent], pro)).toBe(
      'Cancelled. What was already done stays on the canvas. 1 request was already with OpenRouter, which may still charge for it, up to $0.04: check openrouter.ai/activity before trying again.',
    )
    expect(message([inFlight, inFlight, notSent], { kind: 'range', low: 0.02, high: 0.03 })).toContain('2 requests were already with OpenRouter, which may still charge for them, up to $0.06: check')
    // One request alone says it in its own words; one whose price is not known, or free, says no amount.
    expect(failureMessage(inFlight as Extract<SettledTask, { ok: false }>, pro)).toBe(
      'Cancelled while OpenRouter was making the image, so nothing was placed. OpenRouter may still have charged for it, up to $0.04: check openrouter.ai/activity before trying again.',
    )
    expect(failureMessage(inFlight as Extract<SettledTask, { ok: false }>, null)).toBe(cancelledError(true).message)
    expect(message([inFlight, notSent], null)).toContain('which may still charge for it: check')
  })

  it('says a request cut off on a free model charged nothing, never that it may have', () => {
    const inFlight: SettledTask = { ok: false, error: cancelledError(true), cancelled: true }
    const notSent: SettledTask = { ok: false, error: cancelledError(), cancelled: true }
    const free = { kind: 'free' as const }
    expect(failureMessage(inFlight as Extract<SettledTask, { ok: false }>, free)).toBe(
      'Cancelled while OpenRouter was making the image, so nothing was placed. The model is free, so nothing was charged: you can try again.',
    )
    const timedOut: SettledTask = { ok: false, error: new GenerationError('timeout', `No image after waiting the full time, so the request was stopped. ${MAY_HAVE_CHARGED}`, { mayHaveCharged: true }), cancelled: false }
    expect(failureMessage(timedOut as Extract<SettledTask, { ok: false }>, free)).not.toContain('may still')
    const message = (tasks: SettledTask[], costs: CostEstimate[]) =>
      jobError(tasks, tasks.filter((t) => !t.ok).map((t, i) => ({ message: failureMessage(t as Extract<SettledTask, { ok: false }>, costs[i]), cost: costs[i] })), 'variations')
    expect(message([done, inFlight, inFlight, notSent], [free, free, free])).toBe('Cancelled. What was already done stays on the canvas; the model is free, so nothing was charged.')
    // Only the paid ones with OpenRouter are counted, and priced.
    expect(message([inFlight, inFlight], [free, { kind: 'fixed', usd: 0.04 }])).toContain('1 request was already with OpenRouter, which may still charge for it, up to $0.04: check')
  })

  it('says a batch cancelled after a frame failed was cancelled, and what may still be charged, never that the cancelled frames failed', () => {
    const cancelled = (error: unknown): SettledTask => ({ ok: false, error, cancelled: true })
    const message = (tasks: SettledTask[]) => jobError(tasks, tasks.filter((t) => !t.ok).map((t) => ({ message: failureMessage(t as Extract<SettledTask, { ok: false }>) })), 'frames')
    // One placed, one refused before the Cancel, one with OpenRouter when it came, one never sent.
    expect(message([done, failed(busy), cancelled(cancelledError(true)), cancelled(cancelledError())])).toBe(
      'Cancelled. What was already done stays on the canvas. 1 request was already with OpenRouter, which may still charge for it: check openrouter.ai/activity before trying again. 1 of the frames had failed before it, listed with why.',
    )
    expect(message([failed(busy), cancelled(cancelledError()), cancelled(cancelledError())])).toBe(
      'Cancelled. What was already done stays on the canvas; the rest was never sent, so nothing more was spent. 1 of the frames had failed before it, listed with why.',
    )
  })
})

describe('messageOf', () => {
  it('never shows what is not our own message', () => {
    expect(messageOf(new Error('TypeError at foo.ts:12'))).toBe('Something went wrong while generating. Try again; your prompt and settings are kept.')
  })

  it('says what an answer without an image was billed, when it says so', () => {
    const noImage = (charged: number | null) => new GenerationError('no-image', 'The model finished without an image.', { charged })
    expect(messageOf(noImage(0.035))).toBe('The model finished without an image. OpenRouter charged $0.035 for this answer.')
    expect(messageOf(noImage(0))).toBe('The model finished without an image.')
    expect(messageOf(noImage(null))).toBe('The model finished without an image.')
  })

  it('says the charge before OpenRouter’s own words, which stay last', () => {
    const failed = new GenerationError('model-error', 'The model failed while making the image. Try again. (code 502: Provider returned error)', { charged: 0.02 })
    expect(messageOf(failed)).toBe('The model failed while making the image. Try again. OpenRouter charged $0.02 for this answer. (code 502: Provider returned error)')
  })
})

describe('addMayBeCharged', () => {
  it('counts a request OpenRouter may still charge at the most its estimate comes to, and one without an estimate as unpriced', () => {
    const spent = [
      { kind: 'fixed', usd: 0.02 } as const,
      { kind: 'range', low: 0.13, high: 0.35 } as const,
      { kind: 'free' } as const,
      null,
    ].reduce(addMayBeCharged, NOTHING_SPENT)
    expect(spent).toEqual({ total: 0, unpriced: 1, mayBeCharged: 0.37 })
  })
})

describe('addSpend', () => {
  it('adds what each answer was charged, and counts the answers that gave no cost apart', () => {
    const spent = [0.02, null, 0.045, 0].reduce(addSpend, NOTHING_SPENT)
    expect(spent.total).toBeCloseTo(0.065)
    expect(spent.unpriced).toBe(1)
  })
})
