import type { Connection } from '../connection'
import { OPENROUTER_URL, authHeaders } from '../endpoint'
import { GenerationError, errorFromStatus } from '../../answer/errors'
import { withTimeout } from '../../deadline'

/** What `GET /api/v1/key` tells about the key itself. */
export interface KeyInfo {
  label: string | null
  /** Credit left under the key's limit, in USD; null when the key has no limit. */
  limitRemaining: number | null
  /** Credit used by this key so far, in USD. */
  usage: number | null
  isFreeTier: boolean
}

/**
 * A key's record is a few hundred bytes: past this it counts as not answered.
 * Saving a pasted key and a relaunch (which waits for the key's credit) wait on it.
 */
export const KEY_CHECK_TIMEOUT_MS = 30_000

/** Checks a key and reads its remaining credit. Throws a GenerationError (401: 'bad-key'). */
export async function checkKeyAsync(
  key: string,
  options: Pick<Connection, 'baseUrl' | 'timeoutMs'> & { signal?: AbortSignal } = {},
): Promise<KeyInfo> {
  // Outside the try: a key that cannot be sent is its own problem, not a network one.
  const headers = authHeaders(key)
  const deadline = withTimeout(options.signal, options.timeoutMs ?? KEY_CHECK_TIMEOUT_MS)
  let response: Response
  let text: string
  try {
    response = await fetch(`${options.baseUrl ?? OPENROUTER_URL}/api/v1/key`, { headers, signal: deadline.signal })
    text = await response.text()
  } catch {
    throw new GenerationError('network', 'Could not reach OpenRouter to check the key. Check your internet connection, then try again.')
  } finally {
    deadline.dispose()
  }
  if (!response.ok) throw errorFromStatus(response.status, text, response.headers.get('Retry-After'))
  let data: Record<string, unknown> = {}
  try {
    const body = JSON.parse(text)
    if (body && typeof body.data === 'object' && body.data !== null) data = body.data
  } catch {
    throw new GenerationError('not-json', 'OpenRouter’s answer about the key could not be read. Try again.')
  }
  return {
    label: typeof data.label === 'string' ? data.label : null,
    limitRemaining: typeof data.limit_remaining === 'number' ? data.limit_remaining : null,
    usage: typeof data.usage === 'number' ? data.usage : null,
    isFreeTier: data.is_free_tier === true,
  }
}
