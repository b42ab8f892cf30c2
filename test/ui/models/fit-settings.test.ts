import { describe, expect, it } from 'vitest'
import type { GenerationSettings } from '../../../common/domain'
import { DEFAULT_STATE } from '../../../ui/defaults'
import { BUILT_IN_MODELS, fitSettingsToList, fitSettingsToModel } from '../../../ui/models'
import { modelOf } from '../../fixtures/orders'

const v25: GenerationSettings = {
  ...DEFAULT_STATE.settings,
  model: 'sourceful/riverflow-v2.5-fast',
  imageSize: '2K',
  background: 'transparent',
  effort: 'high',
  scoringPrompt: 'Legible text',
  fontInputs: [{ fontUrl: 'https://f.test/a.ttf', text: 'SALE' }],
}

describe('fitSettingsToModel', () => {
  it('changes nothing the model takes, and says nothing', () => {
    expect(fitSettingsToModel(v25, modelOf('sourceful/riverflow-v2.5-pro'))).toEqual({ settings: { ...v25, model: 'sourceful/riverflow-v2.5-pro' }, notes: [] })
  })

  it('moves what V2 lacks to what it has, with a note each, and keeps the font rows and the scoring prompt', () => {
    const { settings, notes } = fitSettingsToModel({ ...v25, imageSize: '4K' }, modelOf('sourceful/riverflow-v2-fast'))
    expect(settings).toEqual({ ...v25, model: 'sourceful/riverflow-v2-fast', imageSize: '2K', background: 'original' })
    expect(notes).toEqual([
      'Riverflow 2 Fast does not offer 4K, so 2K is chosen.',
      'Riverflow 2 Fast cannot make a transparent background, so the original background is kept.',
    ])
    // Back on a model that scores, the designer's words are there.
    expect(fitSettingsToModel(settings, modelOf('sourceful/riverflow-v2.5-fast')).settings.scoringPrompt).toBe(v25.scoringPrompt)
  })

  it('keeps an effort the model has no use for, and lowers one it lacks', () => {
    expect(fitSettingsToModel({ ...v25, effort: 'xhigh' }, modelOf('sourceful/riverflow-v2-pro')).settings.effort).toBe('xhigh')
    expect(fitSettingsToModel({ ...v25, effort: 'xhigh' }, modelOf('sourceful/riverflow-v2.5-pro')).settings.effort).toBe('high')
  })

  it('names a thinking it lowers as the Thinking field does, never by the API’s value', () => {
    const { notes } = fitSettingsToModel({ ...v25, effort: 'xhigh' }, modelOf('sourceful/riverflow-v2.5-pro'))
    expect(notes).toEqual(['Riverflow 2.5 Pro does not offer “Most thorough (slowest)” thinking, so “Thorough” is chosen.'])
  })
})

describe('fitSettingsToList', () => {
  it('moves a model gone from the list to the nearest of its tier, then fits the settings to it', () => {
    const list = BUILT_IN_MODELS.filter((m) => m.id !== 'sourceful/riverflow-v2.5-fast')
    const { settings, notes } = fitSettingsToList(v25, list)
    expect(settings.model).toBe('sourceful/riverflow-v2.5-fast:free')
    expect(notes).toEqual(['Riverflow 2.5 Fast is not offered now, so Riverflow 2.5 Fast (free) is chosen.'])
  })
})
