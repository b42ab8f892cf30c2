import { describe, expect, it } from 'vitest'
import { propertyRuns } from './property-runs'

// The npm script that started this run (npm passes its name down to what the script runs): the
// scripts are held to what docs/development.md says of them, whatever carries the mode to the tests.
const script = process.env.npm_lifecycle_event

describe('the size of a run', () => {
  it.runIf(script === 'test')('npm test tries every property test at its full count', () => {
    expect(propertyRuns(600)).toBe(600)
  })

  it.runIf(script === 'test:unit')('npm run test:unit, the loop, tries fewer cases', () => {
    expect(propertyRuns(600)).toBeLessThan(600)
    expect(propertyRuns(600)).toBeGreaterThanOrEqual(3)
  })
})
