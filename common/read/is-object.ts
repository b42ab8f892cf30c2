/**
 * Whether a value read from outside (a JSON answer, plugin data, a saved state)
 * is an object whose fields can be read: not null, not an array.
 */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
