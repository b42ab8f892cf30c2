import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseCatalog, readCachedCatalog } from '../../../../ui/models/catalog/parse-catalog'

const riverflow = {
  id: 'sourceful/riverflow-v2.5-fast',
  name: 'Sourceful: Riverflow V2.5 Fast',
  architecture: { input_modalities: ['text', 'image'], output_modalities: ['image'] },
  pricing: { image: '0.03', prompt: '0', request: 0 },
  supported_parameters: ['reasoning', 7],
}
const flux = { ...riverflow, id: 'black-forest-labs/flux.2-pro', name: 'FLUX.2 Pro' }

describe('parseCatalog', () => {
  it('keeps the Sourceful models, trimmed to what the plugin reads', () => {
    expect(parseCatalog({ data: [flux, riverflow] })).toEqual([
      { id: 'sourceful/riverflow-v2.5-fast', name: 'Sourceful: Riverflow V2.5 Fast', pricing: { image: '0.03', prompt: '0' }, supportedParameters: ['reasoning'] },
    ])
  })

  it.each([
    ['a body that is not an object', '<html>'],
    ['no data', { models: [riverflow] }],
    ['data that is not a list', { data: riverflow }],
    ['an empty catalog', { data: [] }],
    ['no Sourceful model', { data: [flux] }],
    ['entries without an id', { data: [{ ...riverflow, id: 42 }, null, 'x'] }],
    ['a Sourceful model that outputs no image', { data: [{ ...riverflow, architecture: { output_modalities: ['text'] } }] }],
  ])('gives null (use the fallback) for %s', (_name, json) => {
    expect(parseCatalog(json)).toBeNull()
  })

  it('skips what it cannot read and lists each slug once, a name falling back to the slug', () => {
    const parsed = parseCatalog({ data: [riverflow, { id: 'sourceful/riverflow-v3-fast' }, riverflow, 5] })
    expect(parsed?.map((e) => [e.id, e.name])).toEqual([
      ['sourceful/riverflow-v2.5-fast', 'Sourceful: Riverflow V2.5 Fast'],
      ['sourceful/riverflow-v3-fast', 'sourceful/riverflow-v3-fast'],
    ])
  })

  it('never throws', () => {
    fc.assert(fc.property(fc.anything(), (json) => void parseCatalog(json)))
    fc.assert(fc.property(fc.array(fc.anything()), (data) => void parseCatalog({ data })))
  })
})

describe('readCachedCatalog', () => {
  const cached = { models: parseCatalog({ data: [riverflow] }), fetchedAt: 1_700_000_000_000 }
  it('reads back what was kept', () => {
    expect(readCachedCatalog(structuredClone(cached))).toEqual(cached)
  })

  it.each([
    ['nothing', undefined],
    ['no time', { models: cached.models }],
    ['a time that is not a number', { ...cached, fetchedAt: 'yesterday' }],
    ['no Sourceful model', { ...cached, models: [{ id: 'x/y' }] }],
  ])('gives null for %s', (_name, raw) => {
    expect(readCachedCatalog(raw)).toBeNull()
  })
})
