/**
 * Whether this is the full run: `npm test`, run with `--mode full`, rather than
 * `npm run test:unit`, the loop a developer keeps running while they work. The
 * tests that take longest (property tests, the real encoders at the real cap)
 * are sized for the loop there and run at full size here.
 */
export function isFullRun(): boolean {
  // Vitest's mode, read without the Vite typings: the sandbox's tests are type-checked without them.
  const mode = (import.meta as unknown as { env?: { MODE?: string } }).env?.MODE
  return mode === 'full'
}

/**
 * How many cases a property test tries: its full count in the full run, a few
 * in the loop. The loop catches a broken property in a few cases; the full run
 * looks harder.
 */
export function propertyRuns(full: number): number {
  return isFullRun() ? full : Math.max(3, Math.ceil(full / 6))
}
