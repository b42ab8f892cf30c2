/** A trailing "(HTTP 524…)": what a message says for support, after what it says for the designer. */
const DETAIL = /\s*\(((?:HTTP|code) [^)]*)\)\.?$/

/**
 * A message as the designer reads it: what happened and what to do first,
 * OpenRouter's own code and words after, quieter (docs/architecture.md#messages).
 */
export function MessageText({ text }: { text: string }) {
  const match = DETAIL.exec(text)
  if (!match) return <span>{text}</span>
  return (
    <span>
      {text.slice(0, match.index)} <span class="detail">({match[1]})</span>
    </span>
  )
}
