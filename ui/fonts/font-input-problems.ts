import type { FontInput } from '../../common/domain'

export const MAX_FONT_TEXT_LENGTH = 300

/** A font row's problems, for the row itself and for the check before sending. */
export interface FontInputProblem {
  message: string
  /** The text is valid but missing from the prompt: the UI offers to add it. */
  missingFromPrompt?: boolean
}

/** What is wrong with one font input (docs/contracts.md#font-inputs: http(s) URL, text ≤ 300, text in the prompt verbatim). */
export function fontInputProblems(font: FontInput, prompt: string): FontInputProblem[] {
  const problems: FontInputProblem[] = []
  if (font.fontUrl.trim() === '') problems.push({ message: 'Paste the link to a .ttf, .otf, .woff or .woff2 file, or select a text layer and use its font.' })
  else if (!isHttpUrl(font.fontUrl)) problems.push({ message: 'The font link must start with https:// (or http://).' })
  if (font.text.trim() === '') problems.push({ message: 'Write the text to set in this font.' })
  else if (font.text.length > MAX_FONT_TEXT_LENGTH) {
    problems.push({ message: `The text is ${font.text.length} characters; at most ${MAX_FONT_TEXT_LENGTH} are allowed.` })
  } else if (!prompt.includes(font.text)) {
    problems.push({ message: `The prompt must contain “${font.text}” exactly as written.`, missingFromPrompt: true })
  }
  return problems
}

/** The prompt with the font text added verbatim (no quotes: Riverflow matches the text as is). */
export function addTextToPrompt(prompt: string, text: string): string {
  const trimmed = prompt.trimEnd()
  return trimmed === '' ? text : `${trimmed} ${text}`
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text)
    return url.protocol === 'https:' || url.protocol === 'http:'
  } catch {
    return false
  }
}
