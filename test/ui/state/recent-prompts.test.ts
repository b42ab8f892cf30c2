import { describe, expect, it } from 'vitest'
import { MAX_RECENT_PROMPTS } from '../../../ui/state/read-saved-state'
import { withRecentPrompt } from '../../../ui/state/recent-prompts'

describe('withRecentPrompt', () => {
  it('puts the prompt first, once, and keeps the last 20', () => {
    expect(withRecentPrompt(['b', 'a'], 'a')).toEqual(['a', 'b'])
    expect(withRecentPrompt(['a'], '  ')).toEqual(['a'])
    const many = Array.from({ length: MAX_RECENT_PROMPTS }, (_, i) => `p${i}`)
    expect(withRecentPrompt(many, 'new')).toEqual(['new', ...many.slice(0, MAX_RECENT_PROMPTS - 1)])
    expect(withRecentPrompt([], 'x'.repeat(5000))[0]).toHaveLength(2000)
  })
})
