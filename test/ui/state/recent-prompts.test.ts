import { describe, expect, it } from 'vitest'
import { MAX_TEXT } from '../../../common/read/read-settings'
import { MAX_RECENT_PROMPTS, boundRecentPrompts, keepDraft, withRecentPrompt } from '../../../ui/state/recent-prompts'

describe('withRecentPrompt', () => {
  it('puts the prompt first, once, and keeps the last 20', () => {
    expect(withRecentPrompt(['b', 'a'], 'a')).toEqual(['a', 'b'])
    expect(withRecentPrompt(['a'], '  ')).toEqual(['a'])
    const many = Array.from({ length: MAX_RECENT_PROMPTS }, (_, i) => `p${i}`)
    expect(withRecentPrompt(many, 'new')).toEqual(['new', ...many.slice(0, MAX_RECENT_PROMPTS - 1)])
  })

  it('keeps a long prompt whole, and the start of one past what any prompt is kept to', () => {
    const long = 'A poster, '.repeat(500)
    expect(withRecentPrompt([], long)).toEqual([long.trim()])
    expect(withRecentPrompt([], 'x'.repeat(MAX_TEXT + 10))[0]).toHaveLength(MAX_TEXT)
  })

  it('drops the oldest once the prompts together pass their share of clientStorage, never the newest', () => {
    const drafts = Array.from({ length: MAX_RECENT_PROMPTS }, (_, i) => `${i}`.padEnd(MAX_TEXT, '字'))
    const kept = boundRecentPrompts(drafts)
    expect(kept.length).toBeGreaterThan(0)
    expect(kept.length).toBeLessThan(MAX_RECENT_PROMPTS)
    expect(kept).toEqual(drafts.slice(0, kept.length))
    // Far under clientStorage's 5 MB in UTF-8, whatever else the saved state holds.
    expect(Buffer.byteLength(JSON.stringify(kept))).toBeLessThan(1024 * 1024)
  })

  it('reads back only text', () => {
    expect(boundRecentPrompts(['a', 4, null, 'b'])).toEqual(['a', 'b'])
  })
})

describe('keepDraft', () => {
  it('keeps a long draft whole among the recent prompts, as its note says', () => {
    const draft = 'A bottle of lemonade on a sunny beach, '.repeat(100)
    const { recentPrompts, notes } = keepDraft(['older'], draft, 'Another prompt')
    expect(draft.length).toBeGreaterThan(2000)
    expect(recentPrompts).toEqual([draft.trim(), 'older'])
    expect(notes).toEqual(['The prompt you were writing is kept: find it under Recent prompts in History.'])
  })

  it('says that only its start is kept when the draft is longer than any prompt is kept', () => {
    const { recentPrompts, notes } = keepDraft([], 'y'.repeat(MAX_TEXT + 1), 'Another prompt')
    expect(recentPrompts[0]).toBe('y'.repeat(MAX_TEXT))
    expect(notes).toEqual(['The prompt you were writing is kept, its first 100,000 characters: find it under Recent prompts in History.'])
  })
})
