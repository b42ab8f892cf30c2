import { Button, Textbox } from '@create-figma-plugin/ui'
import { useState } from 'preact/hooks'
import { type KeyInfo, checkKeyAsync } from '../../openrouter/sign-in/key'
import { cleanPastedKey } from '../../../common/api-key'
import { keyCheckMessage } from './key-check-message'

/** The second way in: paste a key made at openrouter.ai/settings/keys; it is checked before it is stored. */
export function PasteKeyPanel({ onSaved }: { onSaved: (key: string, info: KeyInfo) => void }) {
  const [value, setValue] = useState('')
  const [checking, setChecking] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function saveAsync(event?: Event) {
    event?.preventDefault()
    const key = cleanPastedKey(value)
    if (key === '') {
      setError('Paste your OpenRouter API key first.')
      return
    }
    setChecking(true)
    setError(null)
    try {
      const info = await checkKeyAsync(key)
      setValue('')
      onSaved(key, info)
    } catch (caught) {
      setError(keyCheckMessage(caught, 'OpenRouter did not accept this key. Check that you copied all of it, and that it is not disabled.'))
    } finally {
      setChecking(false)
    }
  }

  return (
    <form class="field" onSubmit={saveAsync}>
      <span class="field-label">Or paste a key from openrouter.ai/settings/keys</span>
      <Textbox
        password
        aria-label="OpenRouter API key"
        placeholder="sk-or-v1-…"
        value={value}
        onValueInput={setValue}
        disabled={checking}
      />
      <div class="actions">
        <a href="https://openrouter.ai/settings/keys" target="_blank" rel="noreferrer">
          Get a key
        </a>
        <Button secondary onClick={() => saveAsync()} loading={checking} disabled={checking}>
          Save key
        </Button>
      </div>
      {error && (
        <p class="alert" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}
