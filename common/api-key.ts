/**
 * An OpenRouter key as it may turn up in text: `sk-or-v1-<hex>` pasted into a
 * prompt, echoed back in an error, or held in a record a file brought in. The
 * key lives only in figma.clientStorage (docs/contracts.md#figma-clientstorage), so text
 * the plugin shows or writes into the document never carries one.
 */
// From a word's start: `risk-or-reward` is not a key; `sk-or-v1` alone is the start of one.
const KEY_IN_TEXT = /\bsk-or-[A-Za-z0-9_-]+/g

/** True when the text holds something shaped like an OpenRouter key. */
export function holdsKey(text: string): boolean {
  // `search`, not `test`: a global pattern's `test` goes on from where the last call stopped.
  return text.search(KEY_IN_TEXT) >= 0
}

/** The text with every key in it replaced by words saying one was there. */
export function hideKeys(text: string): string {
  return text.replace(KEY_IN_TEXT, '[key hidden]')
}
