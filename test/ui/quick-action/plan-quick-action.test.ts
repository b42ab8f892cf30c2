import { describe, expect, it } from 'vitest'
import type { SelectedLayer } from '../../../common/domain'
import { DEFAULT_STATE } from '../../../ui/defaults'
import { BUSY, planQuickAction } from '../../../ui/quick-action/plan-quick-action'

const frame = (id: string, width = 400, height = 300): SelectedLayer => ({ id, name: `Frame ${id}`, type: 'FRAME', width, height, fillable: true, madeHere: false })
const generate = (prompt: string, change: object = {}) => ({ command: 'generate-image' as const, prompt, model: null, aspectRatio: null, ...change })
const saved = { ...DEFAULT_STATE, prompt: 'The panel’s own prompt' }

describe('planQuickAction', () => {
  it('sends nothing with an empty prompt, or while a job runs', () => {
    expect(planQuickAction(generate('  '), saved, [], false)).toEqual({ ok: false, problem: 'Write a prompt to generate an image: nothing was sent.' })
    expect(planQuickAction(generate('A fox'), saved, [], true)).toEqual({ ok: false, problem: BUSY })
    expect(planQuickAction({ command: 'upscale-selection' }, saved, [frame('a')], true)).toEqual({ ok: false, problem: BUSY })
  })

  it('generates as the panel would: the saved placement, the ratio nearest the filled layer, no font inputs', () => {
    const withFont = { ...saved, settings: { ...saved.settings, fontInputs: [{ fontUrl: 'https://example.com/f.woff2', text: 'Sale' }] } }
    const plan = planQuickAction(generate('A fox'), withFont, [frame('a', 800, 1000)], false)
    if (!plan.ok) throw new Error(plan.problem)
    expect(plan.action.tasks[0]).toMatchObject({ prompt: 'A fox', placement: 'fill', targetIds: ['a'], settings: { aspectRatio: '4:5', fontInputs: [] } })
  })

  it('takes the model and ratio entered, keeping a size the model offers', () => {
    const plan = planQuickAction(generate('A fox', { model: 'sourceful/riverflow-v2-pro', aspectRatio: '16:9' }), saved, [], false)
    if (!plan.ok) throw new Error(plan.problem)
    expect(plan.action.tasks[0].settings).toMatchObject({ model: 'sourceful/riverflow-v2-pro', aspectRatio: '16:9', imageSize: '1K' })
  })

  it('upscales every selected frame 2×, without the panel’s prompt, and asks for the panel past 10 requests', () => {
    const plan = planQuickAction({ command: 'upscale-selection' }, saved, [frame('a'), frame('b')], false)
    if (!plan.ok) throw new Error(plan.problem)
    expect(plan.action.tasks.map((t) => t.name)).toEqual(['Frame a @2x', 'Frame b @2x'])
    expect(plan.action.tasks[0].prompt).not.toBe(saved.prompt)
    const many = Array.from({ length: 11 }, (_, i) => frame(`f${i}`))
    expect(planQuickAction({ command: 'upscale-selection' }, saved, many, false)).toMatchObject({ ok: false, problem: expect.stringMatching(/sends 11 requests: open Riverflow/) })
  })
})
