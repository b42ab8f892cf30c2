/**
 * How many cases a property test tries: its full count in `npm test` (run with
 * `--mode full`), a few in `npm run test:unit`, the loop a developer keeps
 * running while they work. The loop catches a broken property in a few cases;
 * the full run looks harder.
 */
export function propertyRuns(full: number): number {
  // Vitest's mode, read without the Vite typings: the sandbox's tests are type-checked without them.
  const mode = (import.meta as unknown as { env?: { MODE?: string } }).env?.MODE
  return mode === 'full' ? full : Math.max(3, Math.ceil(full / 6))
}
