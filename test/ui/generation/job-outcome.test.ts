import { describe, expect, it } from 'vitest'
import type { ShrinkNote } from '../../../ui/encoding/request-budget'
import { type JobOutcome, type OutcomeEvent, reduceOutcome } from '../../../ui/generation/job-outcome'

const note: ShrinkNote = { name: 'Frame 1', from: { width: 2048, height: 1536 }, to: { width: 1600, height: 1200 }, keptPercent: 61 }
const layers = { nodeIds: ['1:2'], name: 'A red fox' }
const failure = { taskId: 'task-2', label: 'Frame 2', message: 'Not enough OpenRouter credit.' }

const replay = (...events: OutcomeEvent[]) => events.reduce<JobOutcome | null>(reduceOutcome, null)

describe('reduceOutcome', () => {
  it('starts each job empty, whatever the last one did', () => {
    const last = replay({ type: 'job-started' }, { type: 'take-placed', fellBack: true, layers }, { type: 'task-done', cost: 0.15, notes: [note] })
    expect(reduceOutcome(last, { type: 'job-started' })).toEqual({ placed: 0, layers: [], cost: null, shrunk: [], tiled: [], notes: [], dropped: [], fellBack: false, failures: [] })
  })

  it('adds up the costs the answers gave, and keeps every task’s notes', () => {
    const outcome = replay(
      { type: 'job-started' },
      { type: 'task-done', cost: 0.15, notes: [note] },
      { type: 'task-done', cost: null, notes: [] },
      { type: 'task-done', cost: 0.35, notes: [{ ...note, name: 'Frame 3' }] },
    )
    expect(outcome?.cost).toBeCloseTo(0.5)
    expect(outcome?.notes.map((n) => n.name)).toEqual(['Frame 1', 'Frame 3'])
  })

  it('names once each option a road could not carry, whichever tasks dropped it', () => {
    const outcome = replay(
      { type: 'job-started' },
      { type: 'task-done', cost: 0.3, notes: [], dropped: ['font inputs', 'effort'] },
      { type: 'task-done', cost: 0.3, notes: [] },
      { type: 'task-done', cost: 0.3, notes: [], dropped: ['effort'] },
    )
    expect(outcome?.dropped).toEqual(['font inputs', 'effort'])
  })

  it('leaves the cost unknown when no answer gave one', () => {
    expect(replay({ type: 'job-started' }, { type: 'task-done', cost: null, notes: [] })?.cost).toBeNull()
  })

  it('counts the takes placed, and remembers that one fill fell back to a new layer', () => {
    const outcome = replay(
      { type: 'job-started' },
      { type: 'take-placed', fellBack: false, layers },
      { type: 'take-placed', fellBack: true, layers },
      { type: 'take-placed', fellBack: false, layers },
    )
    expect(outcome).toMatchObject({ placed: 3, fellBack: true, layers: [layers, layers, layers] })
  })

  it('lists the takes scaled down to fit Figma, and those placed in tiles, each with its original to download', () => {
    const shrunk = { from: '6000×4000', to: '4096×2731', fullSizeId: 'full-size-1', tilesProblem: null }
    const tiled = { size: '5120×2880', tiles: 2, fullSizeId: 'full-size-2', insteadOfFill: true, placed: true }
    const outcome = replay({ type: 'job-started' }, { type: 'take-shrunk', ...shrunk }, { type: 'take-tiled', ...tiled })
    expect(outcome).toMatchObject({ shrunk: [shrunk], tiled: [tiled] })
  })

  it('lists a batch’s failures beside what it placed', () => {
    const outcome = replay(
      { type: 'job-started' },
      { type: 'take-placed', fellBack: false, layers },
      { type: 'task-done', cost: 0.02, notes: [] },
      { type: 'job-finished', taskCount: 2, failures: [failure] },
    )
    expect(outcome).toMatchObject({ placed: 1, cost: 0.02, failures: [failure] })
  })

  it('has no outcome when the only task failed: its error says it all', () => {
    expect(replay({ type: 'job-started' }, { type: 'job-finished', taskCount: 1, failures: [failure] })).toBeNull()
  })

  it('ignores what arrives when there is no outcome to tell', () => {
    expect(replay({ type: 'take-placed', fellBack: false, layers })).toBeNull()
    expect(replay({ type: 'task-done', cost: 0.02, notes: [] })).toBeNull()
  })

  it('changes nothing it was given', () => {
    const before = replay({ type: 'job-started' }, { type: 'take-placed', fellBack: false, layers })!
    const copy = structuredClone(before)
    reduceOutcome(before, { type: 'task-done', cost: 0.02, notes: [note] })
    reduceOutcome(before, { type: 'job-finished', taskCount: 2, failures: [failure] })
    expect(before).toEqual(copy)
  })
})
