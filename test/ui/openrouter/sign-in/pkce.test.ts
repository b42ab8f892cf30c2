import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { challengeForAsync, createPkcePairAsync } from '../../../../ui/openrouter/sign-in/pkce'

// RFC 7636, appendix B: the worked example of an S256 challenge (copied from the RFC's text).
const RFC_VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'
const RFC_CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'

/** An independent S256: Node's own SHA-256 and base64url. */
const nodeChallenge = (verifier: string) => createHash('sha256').update(verifier).digest('base64url')

describe('the S256 challenge', () => {
  it('is RFC 7636’s example with crypto.subtle', async () => {
    expect(globalThis.crypto.subtle).toBeDefined()
    expect(await challengeForAsync(RFC_VERIFIER)).toBe(RFC_CHALLENGE)
  })

  it('is the same without crypto.subtle (outside a secure context), from the fallback digest', async () => {
    expect(await challengeForAsync(RFC_VERIFIER, null)).toBe(RFC_CHALLENGE)
  })

  it('falls back when crypto.subtle refuses, rather than failing or going plain', async () => {
    const refusing = { digest: () => Promise.reject(new DOMException('not allowed', 'NotSupportedError')) } as unknown as SubtleCrypto
    expect(await challengeForAsync(RFC_VERIFIER, refusing)).toBe(RFC_CHALLENGE)
  })

  it('agrees with Node’s SHA-256 on any verifier, both ways', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 200 }), async (verifier) => {
        const expected = nodeChallenge(verifier)
        expect(await challengeForAsync(verifier)).toBe(expected)
        expect(await challengeForAsync(verifier, null)).toBe(expected)
      }),
      { numRuns: 200 },
    )
  })
})

describe('createPkcePairAsync', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('makes a 43-character base64url verifier and its unpadded S256 challenge', async () => {
    const { verifier, challenge } = await createPkcePairAsync()
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(challenge).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(challenge).toBe(nodeChallenge(verifier))
    expect(challenge).not.toBe(verifier)
  })

  it('makes a new verifier every time', async () => {
    const pairs = await Promise.all(Array.from({ length: 50 }, () => createPkcePairAsync()))
    expect(new Set(pairs.map((pair) => pair.verifier)).size).toBe(50)
  })

  it('works in a page that is not a secure context (getRandomValues but no crypto.subtle)', async () => {
    const { getRandomValues } = globalThis.crypto
    vi.stubGlobal('crypto', { getRandomValues: getRandomValues.bind(globalThis.crypto) })
    const { verifier, challenge } = await createPkcePairAsync()
    expect(challenge).toBe(nodeChallenge(verifier))
  })
})

describe('the fallback SHA-256', () => {
  it('agrees with Node’s on each side of its 64-byte blocks (the padding’s edge cases)', async () => {
    for (const length of [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 1000]) {
      const verifier = 'v'.repeat(length)
      expect(await challengeForAsync(verifier, null), `${length} bytes`).toBe(nodeChallenge(verifier))
    }
  })
})
