import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { SelectedLayer } from '../../../common/selection'
import type { ModelCapabilities } from '../../../ui/models'
import { modelOf } from '../../fixtures/orders'
import { type LayerRole, type Roles, assignRoles, isEmptyFrame, picturesOf, roleProblems } from '../../../ui/selection/roles'

const fast = modelOf('sourceful/riverflow-v2-fast')
const pro = modelOf('sourceful/riverflow-v2-pro')
const emptyFrame = (id: string, type = 'FRAME'): SelectedLayer => ({ id, name: id, type, width: 100, height: 100, fillable: true, madeHere: false })
/** A frame holding the designer's layers (a post, a layout): a picture to send. */
const frame = (id: string): SelectedLayer => ({ ...emptyFrame(id), holdsLayers: true })
const text = (id: string): SelectedLayer => ({ ...emptyFrame(id), type: 'TEXT', fillable: false, text: { characters: 'Hi', fontFamily: 'Inter', fontStyle: 'Bold' } })

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

  it('marks no references for a model without refSR (the frames are its inputs), and says why when some are marked', () => {
    const v25 = modelOf('sourceful/riverflow-v2.5-fast')
    expect(assignRoles(['a', 'b'].map(frame), v25)).toEqual({ a: 'input', b: 'input' })
    expect(roleProblems(['a', 'b'].map(frame), { a: 'input', b: 'reference' }, v25, false).join()).toMatch(/Riverflow 2.5 Fast takes no references; 1 are marked as reference/)
  })

  it('makes every image-like layer an input for an action on each frame', () => {
    expect(assignRoles([frame('a'), text('t'), frame('b'), frame('c')], fast, { c: 'unused' }, true)).toEqual({ a: 'input', t: 'unused', b: 'input', c: 'unused' })
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

describe('assignRoles on large selections', () => {
  // Every 7th layer a text layer; every 10th had a role given by the designer.
  const many = Array.from({ length: 5000 }, (_, i) => (i % 7 === 3 ? text(`t${i}`) : frame(`f${i}`)))
  const given: Roles = Object.fromEntries(many.filter((_, i) => i % 10 === 5).map((l, k) => [l.id, k === 3 ? 'input' : 'unused']))

  it('gives 5,000 layers the roles it gives a few', () => {
    const roles = assignRoles(many, pro, given)
    expect(Object.keys(roles)).toHaveLength(5000)
    for (const layer of many) {
      if (given[layer.id]) expect(roles[layer.id]).toBe(given[layer.id])
      else if (layer.text) expect(roles[layer.id]).toBe('unused')
    }
    // The designer's input stays the only one; the first new image layers become references, up to the model's limit.
    const fresh = many.filter((l) => !given[l.id] && !l.text)
    expect(many.filter((l) => roles[l.id] === 'input').map((l) => l.id)).toEqual([many.filter((_, i) => i % 10 === 5)[3].id])
    expect(fresh.slice(0, pro.maxReferences).map((l) => roles[l.id])).toEqual(Array(pro.maxReferences).fill('reference'))
    expect(fresh.slice(pro.maxReferences).every((l) => roles[l.id] === 'unused')).toBe(true)
  })

  it('with no roles given, makes the first image layer of 5,000 the input', () => {
    const roles = assignRoles(many, fast)
    const images = many.filter((l) => !l.text)
    expect(roles[images[0].id]).toBe('input')
    expect(images.slice(1, 1 + fast.maxReferences).map((l) => roles[l.id])).toEqual(Array(fast.maxReferences).fill('reference'))
    expect(Object.values(roles).filter((r) => r !== 'unused')).toHaveLength(1 + fast.maxReferences)
  })

  /** assignRoles as it was before it kept running counts (quadratic: it counted the roles for every layer). */
  function assignRolesBefore(selection: readonly SelectedLayer[], model: ModelCapabilities, previous: Roles = {}): Roles {
    const roles: Roles = {}
    for (const layer of selection) {
      if (previous[layer.id]) roles[layer.id] = previous[layer.id]
    }
    const count = (role: LayerRole) => Object.values(roles).filter((r) => r === role).length
    for (const layer of selection) {
      if (roles[layer.id]) continue
      if (layer.text) roles[layer.id] = 'unused'
      else if (count('input') === 0) roles[layer.id] = 'input'
      else if (count('reference') < model.maxReferences) roles[layer.id] = 'reference'
      else roles[layer.id] = 'unused'
    }
    return roles
  }

  it('gives the same roles as before on any selection and any roles given', () => {
    const id = fc.integer({ min: 0, max: 40 }).map((n) => `1:${n}`)
    const layer = fc.tuple(id, fc.boolean()).map(([layerId, isText]) => (isText ? text(layerId) : frame(layerId)))
    const selection = fc.uniqueArray(layer, { selector: (l) => l.id, maxLength: 30 })
    const previous = fc.dictionary(id, fc.constantFrom<LayerRole>('input', 'reference', 'unused'), { maxKeys: 20 })
    fc.assert(
      fc.property(selection, previous, fc.constantFrom(fast, pro), (layers, given, model) => {
        expect(assignRoles(layers, model, given)).toEqual(assignRolesBefore(layers, model, given))
      }),
      { numRuns: 500 },
    )
  })
})

describe('empty frames: where new images go, never pictures to send', () => {
  it('a frame, component, instance, rectangle or ellipse with no image, no layers of its own and no image made here is empty, whatever its own fill', () => {
    for (const type of ['FRAME', 'COMPONENT', 'INSTANCE', 'RECTANGLE', 'ELLIPSE']) expect(isEmptyFrame(emptyFrame('e', type)), type).toBe(true)
    // A locked or hidden one takes no fill, and is as empty.
    expect(isEmptyFrame({ ...emptyFrame('e'), fillable: false })).toBe(true)
  })

  it('an image, an image made here, a frame holding the designer’s layers, a drawing or text is not', () => {
    expect(isEmptyFrame({ ...emptyFrame('p', 'RECTANGLE'), showsImage: true })).toBe(false)
    expect(isEmptyFrame({ ...emptyFrame('m'), madeHere: true })).toBe(false)
    expect(isEmptyFrame(frame('f'))).toBe(false)
    for (const type of ['STAR', 'POLYGON', 'VECTOR', 'BOOLEAN_OPERATION', 'TEXT']) expect(isEmptyFrame(emptyFrame('d', type)), type).toBe(false)
  })

  it('empty frames start unused, beside pictures or on their own, and are no picture', () => {
    expect(assignRoles([emptyFrame('e'), frame('a'), frame('b')], fast)).toEqual({ e: 'unused', a: 'input', b: 'reference' })
    expect(assignRoles([emptyFrame('e'), emptyFrame('r', 'RECTANGLE')], fast, {}, true)).toEqual({ e: 'unused', r: 'unused' })
    expect(picturesOf([emptyFrame('e'), emptyFrame('r', 'ELLIPSE'), text('t')])).toEqual([])
    // Marked by the designer, an empty frame keeps its role: it is what they meant.
    expect(assignRoles([emptyFrame('e'), frame('a')], fast, { e: 'reference' })).toEqual({ e: 'reference', a: 'input' })
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
