import { useState } from 'preact/hooks'
import { requestAsync } from '../bridge'
import { GenerationError } from '../openrouter/errors'
import { type KeyInfo, checkKeyAsync } from '../openrouter/key'

/**
 * The designer's OpenRouter key as the panel knows it: the key itself (kept by
 * the sandbox in `figma.clientStorage` only), what OpenRouter says of it, and
 * what to tell the designer about it. `onStored` and `onForgotten` move the
 * panel on once the sandbox has done its part.
 */
export function useKey(onStored: () => void, onForgotten: () => void) {
  const [apiKey, setApiKey] = useState<string | null>(null)
  const [keyInfo, setKeyInfo] = useState<KeyInfo | null>(null)
  const [keyProblem, setKeyProblem] = useState<string | null>(null)
  /** Why the key view is shown or what went wrong there, in one line above it. */
  const [keyReason, setKeyReason] = useState<string | null>(null)

  /** The key stored at start: used at once, checked in the background. */
  function startWithKey(key: string | null) {
    setApiKey(key)
    if (key) void refreshKeyInfoAsync(key)
  }

  async function refreshKeyInfoAsync(key: string) {
    try {
      setKeyInfo(await checkKeyAsync(key))
      setKeyProblem(null)
    } catch (caught) {
      // Offline or OpenRouter down: say nothing now; a generation will explain.
      if (caught instanceof GenerationError && caught.kind === 'bad-key') {
        setKeyProblem('Your saved OpenRouter key is no longer accepted. Open Settings and paste a new key.')
      }
    }
  }

  function saveKey(key: string, info: KeyInfo) {
    void requestAsync('save-key', { key }).catch(() => setKeyProblem('Figma could not store the key on this computer; it works until you close the plugin.'))
    setApiKey(key)
    setKeyInfo(info)
    setKeyProblem(null)
    onStored()
  }

  async function forgetKeyAsync() {
    try {
      await requestAsync('forget-key', {})
    } catch {
      // The key is still on this computer: saying it is gone would be untrue.
      setKeyReason('Figma could not remove the key from this computer. Press Forget key again.')
      return
    }
    setKeyReason(null)
    setApiKey(null)
    setKeyInfo(null)
    onForgotten()
  }

  return { apiKey, keyInfo, keyProblem, keyReason, setKeyReason, startWithKey, refreshKeyInfoAsync, saveKey, forgetKeyAsync }
}
