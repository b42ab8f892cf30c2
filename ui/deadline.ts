// A wait with an end: the designer's Cancel, or the time it may take, whichever comes first
// (docs/contracts.md#timeouts). A request, an answer's image link and the Image API's list each wait within one.

export interface Deadline {
  signal: AbortSignal
  /** When the time is up (ms since epoch). */
  endsAt: number
  timedOut: () => boolean
  dispose: () => void
}

/** One signal that fires on the caller's abort (Cancel) or when the time is up. */
export function withTimeout(outer: AbortSignal | undefined, timeoutMs: number): Deadline {
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, timeoutMs)
  const onAbort = () => controller.abort()
  if (outer?.aborted) controller.abort()
  outer?.addEventListener('abort', onAbort)
  return {
    signal: controller.signal,
    endsAt: Date.now() + timeoutMs,
    timedOut: () => timedOut,
    dispose: () => {
      clearTimeout(timer)
      outer?.removeEventListener('abort', onAbort)
    },
  }
}
