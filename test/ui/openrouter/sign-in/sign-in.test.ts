import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPkcePairAsync } from '../../../../ui/openrouter/sign-in/pkce'
import { SignInError, type SignInFailure, authUrl, exchangeCodeAsync } from '../../../../ui/openrouter/sign-in/sign-in'
import { type OpenRouterStandIn, TEST_KEY, startOpenRouterStandIn } from '../../../openrouter-stand-in/server'

let standIn: OpenRouterStandIn
beforeAll(async () => {
  standIn = await startOpenRouterStandIn()
})
afterAll(() => standIn.close())
beforeEach(() => standIn.reset())
afterEach(() => vi.restoreAllMocks())

const exchange = (code: string, verifier: string) => exchangeCodeAsync(code, verifier, { baseUrl: standIn.url })

/** A sign-in attempt whose code OpenRouter's page has shown. */
async function signedInAttemptAsync() {
  const pair = await createPkcePairAsync()
  return { ...pair, code: standIn.auth.mint(pair.challenge) }
}

describe('authUrl', () => {
  it('is OpenRouter’s sign-in page with the S256 challenge, the key’s label and no callback', () => {
    expect(authUrl('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM')).toBe(
      'https://openrouter.ai/auth?code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&key_label=Riverflow%20for%20Figma',
    )
  })
})

describe('exchangeCodeAsync against the OpenRouter stand-in', () => {
  it('trades the code and its verifier for a key, as OpenRouter documents', async () => {
    const { code, verifier } = await signedInAttemptAsync()
    expect(await exchange(code, verifier)).toBe(TEST_KEY)
    const sent = standIn.requests.at(-1)!
    expect(sent).toMatchObject({ method: 'POST', path: '/api/v1/auth/keys', status: 200 })
    expect(sent.body).toEqual({ code, code_verifier: verifier, code_challenge_method: 'S256' })
    expect(sent.headers['content-type']).toBe('application/json')
  })

  it.each<[string, () => Promise<{ code: string; verifier: string }>]>([
    ['a wrong code', async () => ({ ...(await signedInAttemptAsync()), code: 'auth_code_not-a-real-one' })],
    [
      'an expired code',
      async () => {
        const attempt = await signedInAttemptAsync()
        standIn.auth.expire(attempt.code)
        return attempt
      },
    ],
    [
      'a code pasted twice',
      async () => {
        const attempt = await signedInAttemptAsync()
        await exchange(attempt.code, attempt.verifier)
        return attempt
      },
    ],
    [
      'a code from another attempt',
      async () => {
        const earlier = await signedInAttemptAsync()
        const now = await createPkcePairAsync()
        return { code: earlier.code, verifier: now.verifier }
      },
    ],
  ])('refuses %s with one message that says to start again', async (_name, attemptAsync) => {
    const { code, verifier } = await attemptAsync()
    const error = exchange(code, verifier)
    await expect(error).rejects.toBeInstanceOf(SignInError)
    await expect(error).rejects.toMatchObject({ kind: 'bad-code', message: expect.stringMatching(/did not accept this code.*works once, for 10 minutes.*start again/) })
    expect(standIn.requests.at(-1)!.status).toBe(403)
  })

  it.each<[string, Parameters<OpenRouterStandIn['auth']['failNext']>[0], SignInFailure, RegExp]>([
    ['no network', { kind: 'drop' }, 'network', /Could not reach OpenRouter.*internet connection/],
    ['a 503', { kind: 'error', status: 503 }, 'busy', /just now\. Wait a minute.*\(HTTP 503\)/],
    ['a 429', { kind: 'error', status: 429 }, 'busy', /HTTP 429/],
    ['a 400', { kind: 'error', status: 400 }, 'bad-code', /did not accept this code/],
    ['a 404', { kind: 'error', status: 404 }, 'unexpected', /Press Sign in with OpenRouter to start again\. \(HTTP 404\)/],
  ])('reports %s, and the same code still works afterwards when it was not spent', async (_name, fault, kind, message) => {
    const { code, verifier } = await signedInAttemptAsync()
    standIn.auth.failNext(fault)
    await expect(exchange(code, verifier)).rejects.toMatchObject({ name: 'SignInError', kind, message: expect.stringMatching(message) })
    expect(await exchange(code, verifier)).toBe(TEST_KEY)
  })

  it.each([
    ['not JSON', new Response('<html>upstream said something odd</html>', { status: 200 })],
    ['JSON without a key', Response.json({ user_id: 'user_1' })],
    ['an empty key', Response.json({ key: '', user_id: 'user_1' })],
  ])('says the answer could not be read when it is %s', async (_name, response) => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(response)
    await expect(exchangeCodeAsync('auth_code_x', 'v'.repeat(43))).rejects.toMatchObject({
      name: 'SignInError',
      kind: 'unexpected',
      message: 'OpenRouter’s answer could not be read. Start again.',
    })
  })

  it('goes to openrouter.ai itself when no stand-in is named', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockResolvedValue(Response.json({ key: 'sk-or-v1-abc', user_id: 'u' }))
    expect(await exchangeCodeAsync('auth_code_x', 'v'.repeat(43))).toBe('sk-or-v1-abc')
    expect(fetch.mock.calls[0][0]).toBe('https://openrouter.ai/api/v1/auth/keys')
  })
})
