/** A layer name from the prompt: its first words, short enough for the layers panel. */
export function layerNameFromPrompt(prompt: string, maxLength = 40): string {
  const words = prompt.replace(/\s+/g, ' ').trim()
  if (words === '') return 'Riverflow image'
  if (words.length <= maxLength) return words
  const cut = words.slice(0, maxLength)
  const lastSpace = cut.lastIndexOf(' ')
  return `${(lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,.;:]+$/, '')}…`
}
