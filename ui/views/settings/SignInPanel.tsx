import { Button, Textbox } from '@create-figma-plugin/ui'
import { useState } from 'preact/hooks'
import { BridgeError } from '../../bridge'
import { GenerationError } from '../../answer/errors'
import { type KeyInfo, checkKeyAsync } from '../../openrouter/sign-in/key'
import { type PkcePair, createPkcePairAsync } from '../../openrouter/sign-in/pkce'
import { SignInError, authUrl, exchangeCodeAsync } from '../../openrouter/sign-in/sign-in'
import { keyCheckMessage } from './key-check-message'

/** How long the exchange, and then the key's check, may take before the designer gets the buttons back. */
const NETWORK_TIMEOUT_MS = 30_000

interface SignInPanelProps {
  onSaved: (key: string, info: KeyInfo) => void
  /** Opens a page in the designer's browser, through the sandbox. */
  onOpenExternal: (url: string) => Promise<unknown>
}

/**
 * The first way in: OpenRouter's sign-in page opens in the designer's browser
 * and shows a code; pasted here, the code and this attempt's verifier buy a
 * key, which is checked like a pasted one before App stores it.
 */
const KEY_LEFT_ON_ACCOUNT = 'OpenRouter did make a key for this plugin on your account; if you stop here, delete it at openrouter.ai/settings/keys.'

export function SignInPanel({ onSaved, onOpenExternal }: SignInPanelProps) {
  // The attempt lives only in this panel's memory: closing the plugin ends it, and nothing of it is stored.
  const [attempt, setAttempt] = useState<PkcePair | null>(null)
  const [code, setCode] = useState('')
  // A key the exchange gave that the check has not accepted yet. Its code is spent, so a check
  // that failed (offline, say) is retried with this key; it is never stored before the check passes.
  const [unchecked, setUnchecked] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  // Every attempt starts fresh: a new verifier, so a code from an earlier page can never complete it.
  async function startAsync() {
    setAttempt(null)
    setCode('')
    setUnchecked(null)
    setError(null)
    setBusy(true)
    try {
      const pair = await createPkcePairAsync()
      await onOpenExternal(authUrl(pair.challenge))
      setAttempt(pair)
    } catch (caught) {
      setError(caught instanceof BridgeError ? caught.message : 'Figma could not open your browser. Try again, or paste a key instead.')
    } finally {
      setBusy(false)
    }
  }

  async function finishAsync(event: Event) {
    event.preventDefault()
    if (!attempt || busy) return
    // A code has no spaces; copying it from a web page can add some.
    const pasted = code.replace(/\s+/g, '')
    if (unchecked === null && pasted === '') {
      setError('Paste the code OpenRouter shows you first.')
      return
    }
    setBusy(true)
    setError(null)
    let minted = unchecked !== null
    try {
      const key = unchecked ?? (await exchangeCodeAsync(pasted, attempt.verifier, { signal: AbortSignal.timeout(NETWORK_TIMEOUT_MS) }))
      minted = true
      setUnchecked(key)
      const info = await checkKeyAsync(key, { signal: AbortSignal.timeout(NETWORK_TIMEOUT_MS) })
      setAttempt(null)
      setUnchecked(null)
      onSaved(key, info)
    } catch (caught) {
      // A key OpenRouter refuses is no use to check again.
      if (caught instanceof GenerationError && caught.kind === 'bad-key') setUnchecked(null)
      const message =
        caught instanceof SignInError
          ? caught.message
          : keyCheckMessage(caught, 'OpenRouter signed you in, but then refused the key it made. Start again.')
      // The key now exists on the designer's account, unseen: say so, and where to delete it (never the key itself).
      setError(minted ? `${message} ${KEY_LEFT_ON_ACCOUNT}` : message)
    } finally {
      setBusy(false)
    }
  }

  if (attempt === null) {
    return (
      <section class="field">
        <Button fullWidth onClick={startAsync} loading={busy} disabled={busy}>
          Sign in with OpenRouter
        </Button>
        <span class="muted">Opens openrouter.ai in your browser. Allow access there, and OpenRouter makes a key for this plugin.</span>
        {error && <Alert text={error} />}
      </section>
    )
  }
  return (
    <form class="field" onSubmit={finishAsync}>
      <span class="muted">
        OpenRouter opened in your browser: allow access there, and it shows a code. No code, or chose not to allow? Start again.
      </span>
      <span class="field-label">Paste the code OpenRouter shows you</span>
      <Textbox
        aria-label="Paste the code OpenRouter shows you"
        placeholder="Code from openrouter.ai"
        value={code}
        onValueInput={setCode}
        disabled={busy || unchecked !== null}
      />
      <div class="actions">
        {/*
          Of no form (its `form` names none; the UI kit's types leave the attribute out): Enter in the code
          field presses the form's first button, which must be Sign in, never this, which would drop the code.
        */}
        <Button secondary {...{ form: '' }} onClick={startAsync} disabled={busy}>
          Start again
        </Button>
        {/* The form's button: pressed, or Enter in the code field, it submits the form. */}
        <Button loading={busy} disabled={busy}>
          Sign in
        </Button>
      </div>
      {error && <Alert text={error} />}
    </form>
  )
}

function Alert({ text }: { text: string }) {
  return (
    <p class="alert" role="alert">
      {text}
    </p>
  )
}
