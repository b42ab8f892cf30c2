/**
 * The stand-in's half of "Sign in with OpenRouter" (headless PKCE,
 * docs/contracts.md#openrouter-sign-in-pkce): `POST /api/v1/auth/keys` with `{code, code_verifier,
 * code_challenge_method}` answers `{key, user_id}` only when the code exists,
 * is unused, is under 10 minutes old, and was minted for the S256 challenge of
 * that verifier; otherwise 403, as OpenRouter answers a bad or expired code.
 *
 * OpenRouter's page mints a code once the designer allows access; here a test
 * does, with the challenge it read from the URL the plugin opened.
 */
import { createHash, randomBytes } from 'node:crypto'

/** Codes expire after 10 minutes (docs/contracts.md#openrouter-sign-in-pkce). */
export const CODE_LIFETIME_MS = 10 * 60 * 1000

/** What the next exchange answers instead of checking anything. */
export type ExchangeFault =
  /** An OpenRouter error body with this HTTP status. */
  | { kind: 'error'; status: number; message?: string }
  /** The connection is destroyed without an answer: the network failed. */
  | { kind: 'drop' }

/** The test's hooks on sign-in codes. */
export interface AuthCodes {
  /** Mints a code for a challenge, as OpenRouter's page does once the designer allows access. */
  mint: (challenge: string) => string
  /** Ages a code past its 10 minutes. */
  expire: (code: string) => void
  /** The next exchanges answer with these faults, in order (before the code is looked at or spent). */
  failNext: (...faults: ExchangeFault[]) => void
}

export type ExchangeAnswer = { kind: 'answer'; status: number; body: unknown } | { kind: 'drop' }

export interface AuthKeysEndpoint extends AuthCodes {
  /** Answers one `POST /api/v1/auth/keys` body (already parsed, or null when it was not JSON). */
  exchange: (body: unknown) => ExchangeAnswer
  reset: () => void
}

interface MintedCode {
  challenge: string
  mintedAt: number
  used: boolean
}

/** RFC 7636: a verifier is 43 to 128 unreserved characters. */
const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/
/** An S256 challenge: 32 bytes in unpadded base64url. */
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/

/** `key` is what a good exchange hands out: a key the stand-in's `/key` accepts. */
export function createAuthKeysEndpoint(key: string, now: () => number = Date.now): AuthKeysEndpoint {
  const codes = new Map<string, MintedCode>()
  const faults: ExchangeFault[] = []
  const refuse = (status: number, message: string): ExchangeAnswer => ({ kind: 'answer', status, body: { error: { code: status, message } } })

  return {
    mint(challenge) {
      // A padded or standard-base64 challenge would never match on OpenRouter either: say so at once.
      if (!S256_CHALLENGE.test(challenge)) throw new Error(`Not an unpadded base64url S256 challenge: ${challenge}`)
      const code = `auth_code_${randomBytes(12).toString('hex')}`
      codes.set(code, { challenge, mintedAt: now(), used: false })
      return code
    },
    expire(code) {
      const minted = codes.get(code)
      if (!minted) throw new Error(`No such code: ${code}`)
      minted.mintedAt = now() - CODE_LIFETIME_MS - 1
    },
    failNext: (...next) => void faults.push(...next),
    exchange(body) {
      const fault = faults.shift()
      if (fault?.kind === 'drop') return fault
      if (fault) return refuse(fault.status, fault.message ?? `HTTP ${fault.status}`)
      const { code, code_verifier: verifier, code_challenge_method: method } = (body ?? {}) as Record<string, unknown>
      if (typeof code !== 'string' || code === '') return refuse(400, 'code is required')
      if (typeof verifier !== 'string' || !VERIFIER.test(verifier)) return refuse(400, 'code_verifier must be 43 to 128 unreserved characters')
      if (method !== 'S256') return refuse(400, 'code_challenge_method must be S256 for this code')
      const minted = codes.get(code)
      if (!minted) return refuse(403, 'Invalid code')
      if (minted.used) return refuse(403, 'Code already used')
      if (now() - minted.mintedAt > CODE_LIFETIME_MS) return refuse(403, 'Code expired')
      if (createHash('sha256').update(verifier).digest('base64url') !== minted.challenge) {
        return refuse(403, 'code_verifier does not match the code_challenge')
      }
      minted.used = true
      return { kind: 'answer', status: 200, body: { key, user_id: 'user_stand_in' } }
    },
    reset() {
      codes.clear()
      faults.length = 0
    },
  }
}
