import type { KitReference } from '../../common/brand-kit'

/** What the model is told each role is for; a word of the designer's own is said as it is. */
function rolePhrase(role: string): string {
  switch (role) {
    case 'logo':
      return 'the logo: keep it exactly as it is'
    case 'product':
      return 'the product: it must look exactly like this'
    case 'style':
      return 'the style to follow'
    default:
      return `the ${role}`
  }
}

/**
 * The kit in words, after the designer's prompt: which input image is what
 * (`firstImage` is the number of the kit's first image), the palette as hex
 * colours and the style note. Empty when there is nothing to say.
 */
export function kitPromptText(name: string, references: readonly KitReference[], firstImage: number, palette: readonly string[], note: string): string {
  const parts: string[] = []
  references.forEach((ref, i) => parts.push(`image ${firstImage + i} is ${rolePhrase(ref.role)}`))
  const sentences: string[] = []
  if (parts.length > 0) sentences.push(`Brand kit “${name}”: ${parts.join('; ')}.`)
  if (palette.length > 0) sentences.push(`Use only the brand colours ${palette.join(', ')}.`)
  if (note.trim() !== '') sentences.push(`Brand style: ${note.trim().replace(/\s+/g, ' ')}`)
  return sentences.join(' ')
}

/**
 * The texts the prompt quotes ("…", “…”, «…»), in order: what the kit's fonts
 * set. Font inputs need their text word for word in the prompt
 * (docs/contracts.md#font-inputs), and a quoted text is, inside its quotes.
 */
export function quotedTexts(prompt: string): string[] {
  const found: string[] = []
  const pattern = /"([^"\n]{1,300})"|“([^”\n]{1,300})”|«([^»\n]{1,300})»/g
  for (let match = pattern.exec(prompt); match; match = pattern.exec(prompt)) {
    const text = (match[1] ?? match[2] ?? match[3]).trim()
    if (text !== '' && !found.includes(text)) found.push(text)
  }
  return found
}
