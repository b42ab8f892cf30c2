import { useCallback, useEffect, useState } from 'preact/hooks'
import { requestAsync } from '../bridge'
import { GenerationError } from '../answer/errors'
import { type KeyInfo, checkKeyAsync } from '../openrouter/sign-in/key'

/**
 * The designer's OpenRouter key as the panel knows it: the key itself (kept by
 * the sandbox in `figma.clientStorage` only), what OpenRouter says of it, and
 * what to tell the designer about it. The key stored at start is used at once
 * and checked in the background.
 */
export function useKey(storedKey: string | null) {
  const [apiKey, setApiKey] = useState<string | null>(storedKey)
  const [keyInfo, setKeyInfo] = useState<KeyInfo | null>(null)
  const [keyProblem, setKeyProblem] = useState<string | null>(null)
  /** Why the key view is shown or what went wrong there, in one line above it. */
  const [keyReason, setKeyReason] = useState<string | null>(null)
  /** OpenRouter has answered (or failed to answer) the first check of the stored key. */
  const [keyChecked, setKeyChecked] = useState(storedKey === null)

  // Only state setters inside: the same function for the panel's whole life.
  const refreshKeyInfoAsync = useCallback(async (key: string) => {
    try {
      setKeyInfo(await checkKeyAsync(key))
      setKeyProblem(null)
    } catch (caught) {
      // Offline or OpenRouter down: say nothing now; a generation will explain.
      if (caught instanceof GenerationError && caught.kind === 'bad-key') {
        setKeyProblem('Your saved OpenRouter key is no longer accepted. Open Settings and paste a new key.')
      }
    } finally {
      setKeyChecked(true)
    }
  }, [])

  const [startKey] = useState(storedKey)
  useEffect(() => {
    if (startKey) void refreshKeyInfoAsync(startKey)
  }, [startKey, refreshKeyInfoAsync])

  function saveKey(key: string, info: KeyInfo) {
    void requestAsync('save-key', { key }).catch(() => setKeyProblem('Figma could not store the key on this computer; it works until you close the plugin.'))
    setApiKey(key)
    setKeyInfo(info)
    setKeyProblem(null)
  }

  /** True once the key is gone from this computer. */
  async function forgetKeyAsync(): Promise<boolean> {
    try {
      await requestAsync('forget-key', {})
    } catch {
      // The key is still on this computer: saying it is gone would be untrue.
      setKeyReason('Figma could not remove the key from this computer. Press Forget key again.')
      return false
    }
    setKeyReason(null)
    setApiKey(null)
    setKeyInfo(null)
    return true
  }

  return { apiKey, keyInfo, keyChecked, keyProblem, keyReason, setKeyReason, refreshKeyInfoAsync, saveKey, forgetKeyAsync }
}
