import { describe, expect, it } from 'vitest'
import { layerNameFromPrompt } from '../../../../ui/generation/plan/plan-tasks'

describe('layerNameFromPrompt', () => {
  it.each([
    ['A red fox', 'A red fox'],
    ['  A   red\nfox ', 'A red fox'],
    ['', 'Riverflow image'],
    ['A watercolour painting of a red fox sleeping in the snow at dawn', 'A watercolour painting of a red fox…'],
  ])('%j → %j', (prompt, name) => {
    expect(layerNameFromPrompt(prompt)).toBe(name)
  })
})
