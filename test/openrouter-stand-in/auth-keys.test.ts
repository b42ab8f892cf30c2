import { createHash, randomBytes } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { CODE_LIFETIME_MS, createAuthKeysEndpoint } from './auth-keys'
import { type OpenRouterStandIn, TEST_KEY, startOpenRouterStandIn } from './server'

// The sign-in exchange must refuse what OpenRouter refuses, or the plugin's sign-in tests prove nothing.
let standIn: OpenRouterStandIn
beforeAll(async () => {
  standIn = await startOpenRouterStandIn()
})
afterAll(() => standIn.close())
beforeEach(() => standIn.reset())

/** A PKCE pair made here, independently of the plugin's code. */
function pair() {
  const verifier = randomBytes(32).toString('base64url')
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') }
}

async function post(body: unknown) {
  const response = await fetch(`${standIn.url}/api/v1/auth/keys`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: response.status, body: await response.json().catch(() => null) }
}

describe('the stand-in’s POST /api/v1/auth/keys', () => {
  it('gives a key its /key accepts for a code and the verifier of its challenge', async () => {
    const { verifier, challenge } = pair()
    const code = standIn.auth.mint(challenge)
    const answer = await post({ code, code_verifier: verifier, code_challenge_method: 'S256' })
    expect(answer).toEqual({ status: 200, body: { key: TEST_KEY, user_id: expect.any(String) } })
    const key = await fetch(`${standIn.url}/api/v1/key`, { headers: { Authorization: `Bearer ${answer.body.key}` } })
    expect(key.status).toBe(200)
    expect(standIn.requests[0]).toMatchObject({ path: '/api/v1/auth/keys', status: 200, body: { code, code_verifier: verifier } })
  })

  it('lets a browser page call it (CORS preflight for a JSON POST)', async () => {
    const response = await fetch(`${standIn.url}/api/v1/auth/keys`, {
      method: 'OPTIONS',
      headers: { Origin: 'null', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('access-control-allow-headers')).toMatch(/Content-Type/)
  })

  it.each<[string, (code: string, verifier: string, challenge: string) => Promise<unknown>, string]>([
    ['a code nobody minted', async (_code, verifier) => ({ code: 'auth_code_made_up', code_verifier: verifier, code_challenge_method: 'S256' }), 'Invalid code'],
    [
      'a code used before',
      async (code, verifier) => {
        const body = { code, code_verifier: verifier, code_challenge_method: 'S256' }
        expect((await post(body)).status).toBe(200)
        return body
      },
      'Code already used',
    ],
    [
      'an expired code',
      async (code, verifier) => {
        standIn.auth.expire(code)
        return { code, code_verifier: verifier, code_challenge_method: 'S256' }
      },
      'Code expired',
    ],
    ['the verifier of another attempt', async (code) => ({ code, code_verifier: pair().verifier, code_challenge_method: 'S256' }), 'code_verifier does not match the code_challenge'],
    ['the challenge sent as the verifier (plain)', async (code, _verifier, challenge) => ({ code, code_verifier: challenge, code_challenge_method: 'S256' }), 'code_verifier does not match the code_challenge'],
  ])('answers 403 to %s', async (_name, bodyFor, message) => {
    const { verifier, challenge } = pair()
    const code = standIn.auth.mint(challenge)
    const answer = await post(await bodyFor(code, verifier, challenge))
    expect(answer).toEqual({ status: 403, body: { error: { code: 403, message } } })
  })

  it.each([
    ['no code', { code_verifier: 'v'.repeat(43), code_challenge_method: 'S256' }],
    ['a verifier under 43 characters', { code: 'c', code_verifier: 'v'.repeat(42), code_challenge_method: 'S256' }],
    ['a verifier with characters RFC 7636 does not allow', { code: 'c', code_verifier: `${'v'.repeat(42)}=`, code_challenge_method: 'S256' }],
    ['the plain method', { code: 'c', code_verifier: 'v'.repeat(43), code_challenge_method: 'plain' }],
    ['no method', { code: 'c', code_verifier: 'v'.repeat(43) }],
    ['a body that is not JSON', '{"code":'],
  ])('answers 400 to %s', async (_name, body) => {
    expect((await post(body)).status).toBe(400)
  })

  it('answers the scripted faults first, in order, without spending the code', async () => {
    const { verifier, challenge } = pair()
    const body = { code: standIn.auth.mint(challenge), code_verifier: verifier, code_challenge_method: 'S256' }
    standIn.auth.failNext({ kind: 'error', status: 503, message: 'No available provider' }, { kind: 'drop' })
    expect(await post(body)).toEqual({ status: 503, body: { error: { code: 503, message: 'No available provider' } } })
    await expect(post(body)).rejects.toThrow()
    expect((await post(body)).status).toBe(200)
  })

  it('refuses to mint for a challenge that is not unpadded base64url, as no S256 verifier could match it', () => {
    const digest = createHash('sha256').update(pair().verifier).digest()
    expect(() => standIn.auth.mint(digest.toString('base64'))).toThrow(/unpadded base64url/)
    expect(() => standIn.auth.mint(digest.toString('base64url'))).not.toThrow()
  })

  it('forgets its codes and faults on reset', async () => {
    const { verifier, challenge } = pair()
    const code = standIn.auth.mint(challenge)
    standIn.auth.failNext({ kind: 'drop' })
    standIn.reset()
    expect((await post({ code, code_verifier: verifier, code_challenge_method: 'S256' })).body).toEqual({ error: { code: 403, message: 'Invalid code' } })
  })
})

describe('a code’s lifetime', () => {
  it('is 10 minutes to the millisecond', () => {
    let now = 0
    const endpoint = createAuthKeysEndpoint(TEST_KEY, () => now)
    const { verifier, challenge } = pair()
    const body = (code: string) => ({ code, code_verifier: verifier, code_challenge_method: 'S256' })
    const first = endpoint.mint(challenge)
    const second = endpoint.mint(challenge)
    now = CODE_LIFETIME_MS
    expect(endpoint.exchange(body(first))).toMatchObject({ status: 200 })
    now = CODE_LIFETIME_MS + 1
    expect(endpoint.exchange(body(second))).toMatchObject({ status: 403, body: { error: { message: 'Code expired' } } })
  })
})
