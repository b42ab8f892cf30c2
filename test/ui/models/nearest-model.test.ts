import { describe, expect, it } from 'vitest'
import { BUILT_IN_MODELS, nearestModel } from '../../../ui/models'

const without = (...ids: string[]) => BUILT_IN_MODELS.filter((m) => !ids.includes(m.id))

describe('nearestModel', () => {
  it.each([
    ['V2 Fast gone: the paid 2.5 Fast, not the free one', 'sourceful/riverflow-v2-fast', without('sourceful/riverflow-v2-fast'), 'sourceful/riverflow-v2.5-fast'],
    ['V2 Pro gone: 2.5 Pro, the closest version', 'sourceful/riverflow-v2-pro', without('sourceful/riverflow-v2-pro'), 'sourceful/riverflow-v2.5-pro'],
    ['the free tier gone: its paid twin', 'sourceful/riverflow-v2.5-fast:free', without('sourceful/riverflow-v2.5-fast:free'), 'sourceful/riverflow-v2.5-fast'],
    ['an old slug: the oldest Fast', 'sourceful/riverflow-v1', BUILT_IN_MODELS, 'sourceful/riverflow-v2-fast'],
    ['a newer Pro gone: the newest Pro', 'sourceful/riverflow-v3-pro', BUILT_IN_MODELS, 'sourceful/riverflow-v2.6-pro'],
    ['no Pro left: a Fast', 'sourceful/riverflow-v2-pro', BUILT_IN_MODELS.filter((m) => m.tier === 'fast'), 'sourceful/riverflow-v2-fast'],
  ])('%s', (_name, id, list, expected) => {
    expect(nearestModel(id, list).id).toBe(expected)
  })
})
