/**
 * An OpenRouter key as text: one pasted into Settings, cleaned and checked
 * before it is sent anywhere; and one turning up where no key belongs, pasted
 * into a prompt, echoed back in an error, or held in a record a file brought
 * in. The key lives only in figma.clientStorage (docs/contracts.md#figma-clientstorage),
 * so text the plugin shows or writes into the document never carries one.
 */

// A pasted key. Copying from a web page, a chat or a password manager brings along quotes, spaces
// and invisible characters that no key holds; and a key that fetch cannot put in a header (anything
// outside Latin-1) fails as if offline.

/** Zero-width spaces and joiners, the word joiner, the byte order mark, the soft hyphen: unseen, so removed wherever they are. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g
/** Whitespace (`\s` covers no-break spaces) and quotes, straight or typographic, around the key. */
const EDGES = /^[\s"'`“”„‟‘’‚‛«»‹›]+|[\s"'`“”„‟‘’‚‛«»‹›]+$/g
/** Printable ASCII without spaces: what keys are made of, and safe in a header. */
const KEY_TEXT = /^[\x21-\x7E]*$/

export function cleanPastedKey(text: string): string {
  return text.replace(INVISIBLE, '').replace(EDGES, '').replace(/^Bearer\s+/i, '').replace(EDGES, '')
}

/** Why this cannot be a key, checked before it is sent anywhere; null when it may be one. */
export function keyProblem(key: string): string | null {
  if (KEY_TEXT.test(key)) return null
  return 'That does not look like an OpenRouter key: it has spaces or characters a key cannot contain. Copy it again from openrouter.ai/settings/keys.'
}

// A key where none belongs, found from a word's start: `risk-or-reward` is not a key; `sk-or-v1` alone is the start of one.
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
