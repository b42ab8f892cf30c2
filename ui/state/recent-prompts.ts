import { MAX_TEXT, cut } from '../../common/read/read-settings'

/** Recent prompts kept across files: enough to find one again, little of clientStorage's 5 MB. */
export const MAX_RECENT_PROMPTS = 20

/**
 * The recent prompts' characters all together: past this the oldest go first. Each is kept
 * whole up to MAX_TEXT, so twenty long drafts would otherwise take up to 6 MB (3 bytes a
 * character), more than clientStorage holds, and the saved state would not be saved at all.
 */
const RECENT_PROMPTS_CHARS = 2 * MAX_TEXT

/**
 * The recent prompts as they are kept and read back: text only, each cut to MAX_TEXT, the
 * newest first, at most MAX_RECENT_PROMPTS and RECENT_PROMPTS_CHARS in all.
 */
export function boundRecentPrompts(recent: readonly unknown[]): string[] {
  const kept: string[] = []
  let chars = 0
  for (const prompt of recent) {
    if (typeof prompt !== 'string') continue
    const text = cut(prompt, MAX_TEXT)
    if (kept.length === MAX_RECENT_PROMPTS || chars + text.length > RECENT_PROMPTS_CHARS) break
    kept.push(text)
    chars += text.length
  }
  return kept
}

/** The recent prompts with `prompt` first, once, and the oldest past the limits dropped. */
export function withRecentPrompt(recent: readonly string[], prompt: string): string[] {
  const kept = cut(prompt.trim(), MAX_TEXT)
  if (kept === '') return boundRecentPrompts(recent)
  return boundRecentPrompts([kept, ...recent.filter((p) => p !== kept)])
}

/**
 * Another prompt is loaded over the one the designer was writing (a layer's
 * button, History's Reuse, a recent prompt): what they had typed and not sent
 * goes first among the recent prompts, whole (a draft past MAX_TEXT, its
 * start, and the note says so), and they are told where.
 */
export function keepDraft(recent: readonly string[], draft: string, next: string): { recentPrompts: string[]; notes: string[] } {
  const kept = draft.trim()
  // One of them already (sent, or put back from there): nothing new to tell.
  if (kept === '' || kept === next.trim() || recent.includes(kept)) return { recentPrompts: recent.slice(), notes: [] }
  const start = kept.length > MAX_TEXT ? `, its first ${MAX_TEXT.toLocaleString('en')} characters` : ''
  return { recentPrompts: withRecentPrompt(recent, draft), notes: [`The prompt you were writing is kept${start}: find it under Recent prompts in History.`] }
}
