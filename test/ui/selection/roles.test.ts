import { describe, expect, it } from 'vitest'
import type { SelectedLayer } from '../../../common/domain'
import { modelInfo } from '../../../ui/models'
import { assignRoles, roleProblems } from '../../../ui/selection/roles'

const fast = modelInfo('sourceful/riverflow-v2-fast')
const pro = modelInfo('sourceful/riverflow-v2-pro')
const frame = (id: string): SelectedLayer => ({ id, name: id, type: 'FRAME', width: 100, height: 100, fillable: true })
const text = (id: string): SelectedLayer => ({ ...frame(id), type: 'TEXT', fillable: false, text: { characters: 'Hi', fontFamily: 'Inter', fontStyle: 'Bold' } })

describe('assignRoles', () => {
  it('makes the first layer the input and the next four references, the rest unused', () => {
    const roles = assignRoles(['a', 'b', 'c', 'd', 'e', 'f'].map(frame), fast)
    expect(roles).toEqual({ a: 'input', b: 'reference', c: 'reference', d: 'reference', e: 'reference', f: 'unused' })
  })

  it('keeps the role of a layer that is still selected', () => {
    const first = assignRoles(['a', 'b'].map(frame), pro)
    const changed = { ...first, a: 'unused' as const, b: 'input' as const }
    expect(assignRoles(['b', 'c', 'a'].map(frame), pro, changed)).toEqual({ b: 'input', c: 'reference', a: 'unused' })
  })

  it('forgets layers no longer selected', () => {
    expect(assignRoles([frame('b')], pro, { a: 'input', b: 'reference' })).toEqual({ b: 'reference' })
  })

  it('leaves text layers unused', () => {
    expect(assignRoles([text('t'), frame('a')], fast)).toEqual({ t: 'unused', a: 'input' })
  })

  it('takes a selection of thousands of layers in one pass (it runs on every selection change)', () => {
    const many = Array.from({ length: 50_000 }, (_, i) => frame(`1:${i}`))
    const kept = { '1:7': 'input' as const, '1:9': 'unused' as const }
    const roles = Object.values(assignRoles(many, fast, kept))
    expect(roles.filter((r) => r === 'input')).toHaveLength(1)
    expect(roles.filter((r) => r === 'reference')).toHaveLength(fast.maxReferences)
    expect(roles.filter((r) => r === 'unused')).toHaveLength(50_000 - 1 - fast.maxReferences)
  })
})

describe('roleProblems', () => {
  const five = ['a', 'b', 'c', 'd', 'e'].map(frame)
  const allInputs = Object.fromEntries(five.map((l) => [l.id, 'input' as const]))
  it('refuses more inputs than the model takes in one request', () => {
    expect(roleProblems(five, allInputs, fast, false).join()).toMatch(/at most 4 input images; 5/)
    expect(roleProblems(five, allInputs, pro, false)).toEqual([])
  })
  it('allows any number of inputs in a batch, one request each', () => {
    expect(roleProblems(five, allInputs, fast, true)).toEqual([])
  })
  it('asks for an input when there are only references', () => {
    expect(roleProblems([frame('a')], { a: 'reference' }, fast, false).join()).toMatch(/mark one layer as the input/)
  })
})
