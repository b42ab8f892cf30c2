/**
 * How the plugin reaches OpenRouter: made once per job from the designer's key
 * and handed down as is to every request of the job. Only the key is needed;
 * the rest is for the tests, which point at a local stand-in and wait less.
 */
export interface Connection {
  key: string
  /** OpenRouter's origin; OPENROUTER_URL when absent. */
  baseUrl?: string
  /** How long one request may take, retries included, before it is given up. */
  timeoutMs?: number
  /** The first wait before a retry; it doubles each attempt. */
  backoffMs?: number
}
