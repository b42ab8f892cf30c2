import { describe, expect, it } from 'vitest'
import type { SelectedLayer } from '../../../../common/selection'
import type { Launch } from '../../../../common/messages'
import { DEFAULT_STATE } from '../../../../ui/defaults'
import { planLaunch } from '../../../../ui/generation/plan/plan-launch'
import { BUILT_IN_MODELS } from '../../../../ui/models'

const layer: SelectedLayer = { id: '1:2', name: 'A red fox', type: 'RECTANGLE', width: 800, height: 1000, fillable: true, madeHere: true }
const record = {
  prompt: 'A red fox',
  settings: { model: 'sourceful/riverflow-v2-pro', aspectRatio: '4:5', imageSize: '2K', fontInputs: [] },
  generationId: 'gen-1',
  cost: 0.15,
  createdAt: '2026-11-24T10:00:00.000Z',
}
const current = { ...DEFAULT_STATE, prompt: 'What I was typing', takes: 2 }
const launch = (change: Partial<Launch> = {}): Launch => ({ command: 'regenerate', layer, record, problem: null, ...change })
const plan = (l: Launch) => planLaunch(l, current, BUILT_IN_MODELS)

describe('planLaunch', () => {
  it('Regenerate: the layer’s prompt and settings, one request, its image replacing the layer’s fill', () => {
    const p = plan(launch())
    expect(p.state).toMatchObject({ prompt: 'A red fox', settings: record.settings, takes: 2 })
    expect(p.notes).toEqual([])
    expect(p.tasks).toHaveLength(1)
    expect(p.tasks![0]).toMatchObject({ placement: 'fill', targetIds: ['1:2'], inputs: [], prompt: 'A red fox', settings: record.settings })
  })

  it('Regenerate on a group of tiles (no fills): the new image beside it, saying so', () => {
    const tiles = { ...layer, type: 'GROUP', fillable: false, width: 5120, height: 2880 }
    const p = plan(launch({ layer: tiles }))
    expect(p.tasks).toHaveLength(1)
    expect(p.tasks![0]).toMatchObject({ placement: 'new-layer', targetIds: ['1:2'], prompt: 'A red fox' })
    expect(p.notes).toEqual(['“A red fox” cannot take an image fill, so the new image goes beside it.'])
  })

  it('More like this: the layer as the input, the chosen takes beside it', () => {
    const p = plan(launch({ command: 'more-like-this' }))
    expect(p.tasks).toHaveLength(2)
    for (const task of p.tasks!) expect(task).toMatchObject({ placement: 'new-layer', targetIds: ['1:2'], inputs: [{ layer: { id: '1:2' } }] })
  })

  it('Edit prompt: loads the prompt and settings, runs nothing', () => {
    expect(plan(launch({ command: 'edit-prompt' }))).toMatchObject({ state: { prompt: 'A red fox', settings: { model: 'sourceful/riverflow-v2-pro' } }, tasks: null })
  })

  it('copies settings whole: a field this version does not name flows through', () => {
    const p = plan(launch({ record: { ...record, settings: { ...record.settings, effort: 'high' } } }))
    expect(p.tasks![0].settings).toMatchObject({ effort: 'high', model: 'sourceful/riverflow-v2-pro' })
  })

  it('a record from an older version: what it cannot use takes the default, with a note', () => {
    const p = plan(launch({ record: { ...record, settings: { ...record.settings, model: 'sourceful/riverflow-v1' } } }))
    expect(p.state.settings.model).toBe(DEFAULT_STATE.settings.model)
    expect(p.notes.join()).toMatch(/not offered/)
  })

  it.each([
    ['a damaged record', launch({ record: null, problem: 'The prompt kept on “A red fox” could not be read: its data is damaged.' }), /damaged/],
    ['a record without a prompt', launch({ record: { settings: {} } }), /could not be read/],
    ['a record that is a string', launch({ record: 'riverflow' }), /could not be read/],
  ])('%s: says so, runs nothing, keeps the panel as it was', (_name, l, note) => {
    const p = plan(l)
    expect(p).toMatchObject({ state: current, tasks: null })
    expect(p.notes.join()).toMatch(note)
  })

  it('a locked or deleted layer: loads the prompt when it can be read, runs nothing, says why', () => {
    const p = plan(launch({ problem: '“A red fox” is locked: unlock it to regenerate it.' }))
    expect(p).toMatchObject({ state: { prompt: 'A red fox' }, tasks: null })
    expect(p.notes[0]).toMatch(/locked/)
    expect(plan(launch({ layer: null, problem: 'The layer was deleted.' })).tasks).toBeNull()
  })
})
