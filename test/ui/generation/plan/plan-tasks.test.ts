import { describe, expect, it } from 'vitest'
import { orderOf } from '../../../fixtures/orders'
import type { GenerationSettings } from '../../../../common/domain'
import type { SelectedLayer } from '../../../../common/selection'
import { UPSCALE_PROMPT, estimatePlanCost, planGenerate, planRefine, planUpscale } from '../../../../ui/generation/plan/plan-tasks'
import { DEFAULT_STATE } from '../../../../ui/defaults'

const settings: GenerationSettings = { ...DEFAULT_STATE.settings, model: 'sourceful/riverflow-v2-fast', aspectRatio: '1:1', imageSize: '1K' }
const pro: GenerationSettings = { ...settings, model: 'sourceful/riverflow-v2-pro' }
const layer = (id: string, width = 400, height = 300, fillable = true): SelectedLayer => ({ id, name: `Frame ${id}`, type: 'FRAME', width, height, fillable, madeHere: false })
const selection = [layer('a', 1600, 900), layer('b', 300, 600), layer('r', 200, 200)]
const roles = { a: 'input', b: 'input', r: 'reference' } as const

describe('planGenerate', () => {
  it('fills the fillable selection, or goes beside all of it', () => {
    const sel = [layer('x'), { ...layer('t'), type: 'TEXT', fillable: false }]
    expect(planGenerate(orderOf('p', settings), 'fill', sel)[0]).toMatchObject({ inputs: [], targetIds: ['x'], placement: 'fill', reveal: true })
    expect(planGenerate(orderOf('p', settings), 'new-layer', sel)[0].targetIds).toEqual(['x', 't'])
  })
})

describe('planRefine', () => {
  it('sends every input in one request, the result beside the first at its canvas size', () => {
    const [task] = planRefine(orderOf('Make it dusk', settings), selection, roles, false)
    expect(task.inputs.map((i) => i.layer.id)).toEqual(['a', 'b'])
    expect(task.references.map((r) => r.layer.id)).toEqual(['r'])
    expect(task).toMatchObject({ targetIds: ['a'], size: { width: 1600, height: 900 }, name: 'Frame a · Riverflow', placement: 'new-layer', reveal: true })
    expect(task.settings.aspectRatio).toBe('16:9')
  })

  it('in a batch, makes one request per frame, each beside its own frame', () => {
    const tasks = planRefine(orderOf('Make it dusk', settings), selection, roles, true)
    expect(tasks.map((t) => [t.label, t.targetIds[0], t.settings.aspectRatio, t.reveal])).toEqual([
      ['Frame a', 'a', '16:9', false],
      ['Frame b', 'b', '9:16', false],
    ])
  })

  it('exports inputs with a long side between 1024 and 2048 px', () => {
    const [task] = planRefine(orderOf('p', settings), [layer('s', 300, 200), layer('l', 5000, 1000)], { s: 'input', l: 'input' }, false)
    expect(task.inputs.map((i) => i.constraint)).toEqual([{ type: 'WIDTH', value: 1024 }, { type: 'WIDTH', value: 2048 }])
  })
})

describe('planUpscale', () => {
  it('exports each input at the target size, capped at Figma’s 4096 px', () => {
    const tasks = planUpscale(orderOf('', pro), selection, roles, 4)
    expect(tasks.map((t) => t.inputs[0].constraint)).toEqual([{ type: 'WIDTH', value: 4096 }, { type: 'WIDTH', value: 1200 }])
    expect(tasks[0]).toMatchObject({ prompt: UPSCALE_PROMPT, size: { width: 1600, height: 900 }, name: 'Frame a @2.6x', targetIds: ['a'] })
    expect(tasks[0].references.map((r) => r.layer.id)).toEqual(['r'])
  })

  it('asks for the smallest output size that covers the target the model offers', () => {
    expect(planUpscale(orderOf('', pro), [layer('a', 500, 500)], { a: 'input' }, 2)[0].settings.imageSize).toBe('1K')
    expect(planUpscale(orderOf('', pro), [layer('a', 1000, 1000)], { a: 'input' }, 2)[0].settings.imageSize).toBe('2K')
    expect(planUpscale(orderOf('', pro), [layer('a', 1000, 1000)], { a: 'input' }, 4)[0].settings.imageSize).toBe('4K')
    expect(planUpscale(orderOf('', settings), [layer('a', 1000, 1000)], { a: 'input' }, 4)[0].settings.imageSize).toBe('2K')
  })

  it('keeps the designer’s own prompt', () => {
    expect(planUpscale(orderOf('Crisp line art', pro), [layer('a')], { a: 'input' }, 2)[0].prompt).toBe('Crisp line art')
  })

  it('sends font inputs only with the designer’s own prompt, which can hold their text', () => {
    const withFont = { ...pro, fontInputs: [{ fontUrl: 'https://f.test/a.woff2', text: 'Sale' }] }
    expect(planUpscale(orderOf('', withFont), [layer('a')], { a: 'input' }, 2)[0].settings.fontInputs).toEqual([])
    expect(planUpscale(orderOf('Crisp Sale', withFont), [layer('a')], { a: 'input' }, 2)[0].settings.fontInputs).toEqual(withFont.fontInputs)
  })
})

describe('estimatePlanCost', () => {
  it('adds every request, with references at $0.20 each', () => {
    // Two Pro upscales (4K: 0.33, 2K: 0.15), each with one reference.
    expect(estimatePlanCost(planUpscale(orderOf('', pro), selection, roles, 4))).toEqual({ kind: 'fixed', usd: 0.88 })
    expect(estimatePlanCost(planGenerate(orderOf('p', settings), 'fill', []))).toEqual({ kind: 'fixed', usd: 0.02 })
  })

  it('is a range when a request is billed by use, and free only when all are', () => {
    const v25 = { ...settings, model: 'sourceful/riverflow-v2.5-fast' }
    const free = { ...settings, model: 'sourceful/riverflow-v2.5-fast:free' }
    expect(estimatePlanCost(planRefine(orderOf('p', v25), selection, roles, true))).toEqual({ kind: 'range', low: 0.04, high: 0.16 })
    expect(estimatePlanCost(planRefine(orderOf('p', free), selection, roles, true))).toEqual({ kind: 'free' })
  })

  it('is null when a request asks for a size its model lacks', () => {
    expect(estimatePlanCost(planGenerate(orderOf('p', { ...settings, imageSize: '4K' }), 'fill', []))).toBeNull()
  })
})
