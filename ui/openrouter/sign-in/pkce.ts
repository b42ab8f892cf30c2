/**
 * The two halves of an OAuth PKCE sign-in (RFC 7636): a random verifier that
 * never leaves this panel's memory until the code is exchanged, and its S256
 * challenge, which goes in the sign-in URL. Never the `plain` method: it would
 * put the verifier itself in a URL the browser keeps in its history.
 */
import { encodeBase64 } from '../../image/data-url'
import { sha256 } from './sha256'

/** 32 random bytes: 256 bits, 43 base64url characters (RFC 7636 asks for 43 to 128). */
const VERIFIER_BYTES = 32

export interface PkcePair {
  /** The secret proof: sent once, with the code; never shown, logged or stored. */
  verifier: string
  /** base64url(SHA-256(verifier)), unpadded: the public half, in the sign-in URL. */
  challenge: string
}

/** A fresh pair for one sign-in attempt. */
export async function createPkcePairAsync(): Promise<PkcePair> {
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(VERIFIER_BYTES)))
  return { verifier, challenge: await challengeForAsync(verifier) }
}

/**
 * The S256 challenge of a verifier. `crypto.subtle` exists only in secure
 * contexts (Figma's https iframe has it; a page from about:blank does not), so
 * without it, or if it fails, ./sha256.ts gives the same digest.
 */
export async function challengeForAsync(verifier: string, subtle: SubtleCrypto | null = globalThis.crypto?.subtle ?? null): Promise<string> {
  const bytes = new TextEncoder().encode(verifier)
  const digest = subtle
    ? await subtle.digest('SHA-256', bytes).then((buffer) => new Uint8Array(buffer), () => sha256(bytes))
    : sha256(bytes)
  return base64Url(digest)
}

/** base64url without padding (RFC 7636 appendix A): safe in a URL as it is. */
function base64Url(bytes: Uint8Array): string {
  return encodeBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}
