import { Button } from '@create-figma-plugin/ui'
import { useState } from 'preact/hooks'
import type { KeyInfo } from '../openrouter/key'
import { formatUsd } from '../pricing'
import { PasteKeyPanel } from './PasteKeyPanel'
import { SignInPanel } from './SignInPanel'

interface KeyViewProps {
  hasKey: boolean
  keyInfo: KeyInfo | null
  onSaved: (key: string, info: KeyInfo) => void
  onForget: () => void
  onDone: (() => void) | null
  /** Opens a page in the designer's browser (OpenRouter's sign-in), through the sandbox. */
  onOpenExternal: (url: string) => Promise<unknown>
}

/** Sign in, or paste a key; check, store, replace or forget it. First run opens here. */
export function KeyView(props: KeyViewProps) {
  // Without a key (first run, or just forgotten) the ways in show whatever this says.
  const [replacing, setReplacing] = useState(!props.hasKey)

  return (
    <main class="view">
      <div class="actions topbar">
        <span class="title">OpenRouter key</span>
        {props.onDone && (
          <Button secondary onClick={props.onDone}>
            Done
          </Button>
        )}
      </div>
      <p class="muted">
        Riverflow runs on OpenRouter with your own key, billed to your OpenRouter credit. The key is stored
        only on this computer, in Figma’s plugin storage, and is sent only to openrouter.ai.
      </p>
      {props.hasKey && props.keyInfo && <KeySummary info={props.keyInfo} />}
      {props.hasKey && !props.keyInfo && <p class="notice">A key is saved.</p>}
      {replacing || !props.hasKey ? (
        <>
          <SignInPanel onSaved={props.onSaved} onOpenExternal={props.onOpenExternal} />
          <PasteKeyPanel onSaved={props.onSaved} />
          {props.hasKey && (
            <Button secondary onClick={() => setReplacing(false)}>
              Keep current key
            </Button>
          )}
        </>
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
