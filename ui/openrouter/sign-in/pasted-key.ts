/**
 * The text of a pasted key. Copying from a web page, a chat or a password manager
 * brings along quotes, spaces and invisible characters that no key holds; and a key
 * that fetch cannot put in a header (anything outside Latin-1) fails as if offline.
 */

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
