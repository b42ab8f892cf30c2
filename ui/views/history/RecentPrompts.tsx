/** Prompts sent lately in any file (kept on this computer): one click puts one back in the prompt box. */
export function RecentPrompts(props: { prompts: string[]; onUse: (prompt: string) => void }) {
  if (props.prompts.length === 0) return null
  return (
    <section class="field" aria-label="Recent prompts, all files">
      <span class="field-label">Recent prompts, all files</span>
      <ul class="history" aria-label="Recent prompts">
        {props.prompts.map((prompt) => (
          <li key={prompt}>
            <button class="link-button prompt" onClick={() => props.onUse(prompt)}>
              {prompt}
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
