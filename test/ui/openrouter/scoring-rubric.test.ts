import { describe, expect, it } from 'vitest'
import { type ScoringCriterion, rubricProblems, toWireRubric } from '../../../ui/openrouter/scoring-rubric'

const criterion = (key: string, extra: Partial<ScoringCriterion> = {}): ScoringCriterion => ({ key, label: `Label ${key}`, description: `Checks ${key}`, weight: 1, ...extra })

describe('toWireRubric', () => {
  it('names the fields as image_config.scoring_rubric does, leaving out what is not set', () => {
    expect(toWireRubric([criterion('a', { passingScore: 6, scoreGuidance: '10: perfect' }), criterion('b')])).toEqual([
      { key: 'a', label: 'Label a', description: 'Checks a', weight: 1, passing_score: 6, score_guidance: '10: perfect' },
      { key: 'b', label: 'Label b', description: 'Checks b', weight: 1 },
    ])
  })
})

describe('rubricProblems', () => {
  it('accepts one to eight well-formed criteria', () => {
    expect(rubricProblems([criterion('a')])).toEqual([])
    expect(rubricProblems(Array.from({ length: 8 }, (_, i) => criterion(`k${i}`)))).toEqual([])
  })

  it.each([
    ['nine criteria', Array.from({ length: 9 }, (_, i) => criterion(`k${i}`)), /at most 8 criteria; this one has 9/],
    ['an empty label', [criterion('a', { label: ' ' })], /criterion 1 needs a key, a label and a description/],
    ['a repeated key', [criterion('a'), criterion('a')], /criterion 2 repeats the key “a”/],
    ['a weight of 0', [criterion('a', { weight: 0 })], /weight above 0/],
    ['a weight that is not a number', [criterion('a', { weight: Number.NaN })], /weight above 0/],
    ['a passing score that is not a number', [criterion('a', { passingScore: Number.POSITIVE_INFINITY })], /passing score that is not a number/],
  ])('refuses %s', (_name, rubric, message) => {
    expect(rubricProblems(rubric).join(' ')).toMatch(message)
  })
})
