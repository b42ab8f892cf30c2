declare global {
  interface Window {
    /** Present when Chromium runs with --js-flags=--expose-gc (the benches launch it so). */
    gc?: () => void
  }
}

/**
 * A full collection before each timed section, so that a collection owed by an
 * earlier section does not land in the next one's time, and so that a heap
 * reading counts what is held, not garbage waiting for the collector.
 */
export function collectGarbage(): void {
  if (!window.gc) throw new Error('Chromium was launched without --js-flags=--expose-gc')
  window.gc()
}

/**
 * A collection, then a pause: freeing tens of megabytes goes on in background
 * threads after gc() returns, and on a machine of two cores it would otherwise
 * compete with the section being timed.
 */
export async function settleAsync(): Promise<void> {
  collectGarbage()
  await new Promise((resolve) => setTimeout(resolve, 50))
}
