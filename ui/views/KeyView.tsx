import { Button, Textbox } from '@create-figma-plugin/ui'
import { useState } from 'preact/hooks'
import { GenerationError } from '../openrouter/errors'
import { type KeyInfo, checkKeyAsync } from '../openrouter/key'
import { cleanPastedKey } from '../openrouter/pasted-key'
import { formatUsd } from '../pricing'

interface KeyViewProps {
  hasKey: boolean
  keyInfo: KeyInfo | null
  onSaved: (key: string, info: KeyInfo) => void
  onForget: () => void
  onDone: (() => void) | null
}

/** Paste, check, store, replace or forget the OpenRouter key. First run opens here. */
export function KeyView(props: KeyViewProps) {
  const [value, setValue] = useState('')
  const [checking, setChecking] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [replacing, setReplacing] = useState(!props.hasKey)

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
      setReplacing(false)
      props.onSaved(key, info)
    } catch (caught) {
      setError(
        caught instanceof GenerationError && caught.kind === 'bad-key'
          ? 'OpenRouter did not accept this key. Check that you copied all of it, and that it is not disabled.'
          : caught instanceof GenerationError
            ? caught.message
            : 'The key could not be checked. Try again.',
      )
    } finally {
      setChecking(false)
    }
  }

  return (
    <main class="view">
      <div class="topbar">
        <span class="title">OpenRouter key</span>
        {props.onDone && (
          <Button secondary onClick={props.onDone}>
            Done
          </Button>
        )}
      </div>
      <p class="muted" style={{ margin: 0 }}>
        Riverflow runs on OpenRouter with your own key, billed to your OpenRouter credit. The key is stored
        only on this computer, in Figma’s plugin storage, and is sent only to openrouter.ai.
      </p>
      {props.hasKey && props.keyInfo && <KeySummary info={props.keyInfo} />}
      {props.hasKey && !props.keyInfo && <p class="notice">A key is saved.</p>}
      {replacing ? (
        <form class="field" onSubmit={saveAsync}>
          <span class="field-label">Paste a key from openrouter.ai/settings/keys</span>
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
            <div class="row" style={{ flex: '0 0 auto' }}>
              {props.hasKey && (
                <Button secondary onClick={() => setReplacing(false)} disabled={checking}>
                  Keep current key
                </Button>
              )}
              <Button onClick={() => saveAsync()} loading={checking} disabled={checking}>
                Save key
              </Button>
            </div>
          </div>
        </form>
      ) : (
        <div class="row">
          <Button secondary onClick={() => setReplacing(true)}>
            Replace key
          </Button>
          <Button danger secondary onClick={props.onForget}>
            Forget key
          </Button>
        </div>
      )}
      {error && (
        <p class="alert" role="alert">
          {error}
        </p>
      )}
    </main>
  )
}

function KeySummary({ info }: { info: KeyInfo }) {
  const credit = info.limitRemaining === null ? 'no spending limit on this key' : `${formatUsd(info.limitRemaining)} left on this key`
  return (
    <p class="notice" role="status">
      Key {info.label ? `“${info.label}”` : ''} works: {credit}
      {info.usage !== null ? `, ${formatUsd(info.usage)} used so far` : ''}.
    </p>
  )
}
