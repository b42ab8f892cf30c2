import { MAX_RECENT_PROMPTS } from './read-saved-state'

/** A recent prompt is kept to this many characters: a reminder, within clientStorage's 5 MB. */
const MAX_PROMPT_LENGTH = 2000

/** The recent prompts with `prompt` first, once, and the oldest past the limit dropped. */
export function withRecentPrompt(recent: readonly string[], prompt: string): string[] {
  const kept = prompt.trim().slice(0, MAX_PROMPT_LENGTH)
  if (kept === '') return recent.slice(0, MAX_RECENT_PROMPTS)
  return [kept, ...recent.filter((p) => p !== kept)].slice(0, MAX_RECENT_PROMPTS)
}
