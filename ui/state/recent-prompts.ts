import { MAX_RECENT_PROMPTS } from './read-saved-state'

/** A recent prompt is kept to this many characters: a reminder, within clientStorage's 5 MB. */
const MAX_PROMPT_LENGTH = 2000

/** The recent prompts with `prompt` first, once, and the oldest past the limit dropped. */
export function withRecentPrompt(recent: readonly string[], prompt: string): string[] {
  const kept = prompt.trim().slice(0, MAX_PROMPT_LENGTH)
  if (kept === '') return recent.slice(0, MAX_RECENT_PROMPTS)
  return [kept, ...recent.filter((p) => p !== kept)].slice(0, MAX_RECENT_PROMPTS)
}

/**
 * Another prompt is loaded over the one the designer was writing (a layer's
 * button, History's Reuse, a recent prompt): what they had typed and not sent
 * goes first among the recent prompts, and they are told where.
 */
export function keepDraft(recent: readonly string[], draft: string, next: string): { recentPrompts: string[]; notes: string[] } {
  const kept = draft.trim()
  // One of them already (sent, or put back from there): nothing new to tell.
  if (kept === '' || kept === next.trim() || recent.includes(kept)) return { recentPrompts: recent.slice(), notes: [] }
  return { recentPrompts: withRecentPrompt(recent, draft), notes: ['The prompt you were writing is kept: find it under Recent prompts in History.'] }
}
