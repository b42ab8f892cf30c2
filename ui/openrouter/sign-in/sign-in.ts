/**
 * "Sign in with OpenRouter" without a callback (headless PKCE, docs/contracts.md#openrouter-sign-in-pkce):
 * the designer's browser opens OpenRouter's sign-in page, which shows a code;
 * the designer pastes it back, and the code and the verifier buy a key.
 */
import { APP_TITLE, OPENROUTER_URL } from '../endpoint'

/**
 * OpenRouter's sign-in page. Always the real site, even in the preview: the
 * designer's own browser opens it, and the sandbox opens nothing else.
 */
const AUTH_PAGE = 'https://openrouter.ai/auth'

/** The sign-in page for one attempt; no callback_url, so OpenRouter shows the code instead of redirecting. */
export function authUrl(challenge: string): string {
  // encodeURIComponent, not URLSearchParams: the label's spaces stay %20, not '+'.
  const query = { code_challenge: challenge, code_challenge_method: 'S256', key_label: APP_TITLE }
  return `${AUTH_PAGE}?${Object.entries(query).map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&')}`
}

/**
 * Why an exchange failed: 'bad-code' (wrong, expired, already used or from
 * another attempt: OpenRouter answers 403 to all four), 'network' and 'busy'
 * (the same code may still work), 'unexpected' (an answer without a key, or
 * a status OpenRouter does not document here).
 */
export type SignInFailure = 'bad-code' | 'network' | 'busy' | 'unexpected'

/** A failed exchange; `message` says what to do and never holds the code's verifier or a key. */
export class SignInError extends Error {
  constructor(
    readonly kind: SignInFailure,
    message: string,
  ) {
    super(message)
    this.name = 'SignInError'
  }
}

/** Trades a pasted code, with the verifier of the attempt that showed it, for a key. */
export async function exchangeCodeAsync(
  code: string,
  verifier: string,
  options: { baseUrl?: string; signal?: AbortSignal } = {},
): Promise<string> {
  let response: Response
  try {
    response = await fetch(`${options.baseUrl ?? OPENROUTER_URL}/api/v1/auth/keys`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code, code_verifier: verifier, code_challenge_method: 'S256' }),
      signal: options.signal,
    })
  } catch {
    throw new SignInError('network', 'Could not reach OpenRouter to finish signing in. Check your internet connection, then press Sign in again.')
  }
  if (!response.ok) throw failureFor(response.status)
  const body: unknown = await response.json().catch(() => null)
  const key = (body as { key?: unknown } | null)?.key
  if (typeof key !== 'string' || key === '') {
    throw new SignInError('unexpected', 'OpenRouter’s answer could not be read. Start again.')
  }
  return key
}

function failureFor(status: number): SignInError {
  if (status === 400 || status === 401 || status === 403) {
    return new SignInError(
      'bad-code',
      'OpenRouter did not accept this code. A code works once, for 10 minutes, and only in the sign-in that showed it: check that you pasted all of it, or start again for a new one.',
    )
  }
  if (status === 408 || status === 429 || status >= 500) {
    return new SignInError('busy', `OpenRouter could not finish signing in just now. Wait a minute, then press Sign in again. (HTTP ${status})`)
  }
  return new SignInError('unexpected', `OpenRouter could not finish signing in. Press Sign in with OpenRouter to start again. (HTTP ${status})`)
}
