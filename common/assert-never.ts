/**
 * The end of an exhaustive switch: a case left out is a compile error here,
 * and a value from outside the types (an old UI, a corrupt message) a runtime one.
 */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`)
}
