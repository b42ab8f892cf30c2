import { describe, expect, it } from 'vitest'
import { propertyRuns } from './property-runs'

// The npm script that started this run (npm passes its name down to what the script runs): the
// scripts are held to what docs/development.md says of them, whatever carries the mode to the tests.
// One test, never skipped, so CI's count of tests is the same in every run.
const script = process.env.npm_lifecycle_event

describe('the size of a run', () => {
  it(`fits the script that started it (${script ?? 'vitest started directly'}): npm test at the full count, the loop at fewer`, () => {
    const runs = propertyRuns(600)
    if (script === 'test') expect(runs).toBe(600)
    else if (script === 'test:unit') expect(runs).toBeLessThan(600)
    expect(runs).toBeGreaterThanOrEqual(3)
    expect(runs).toBeLessThanOrEqual(600)
  })
})
