// Prints vitest's JSON report as the one line CI reads: "N passed, N failed".
import { existsSync, readFileSync } from 'node:fs'

const file = process.argv[2]
if (!file || !existsSync(file)) {
  // No report: the build or the runner failed before any test ran.
  console.log('0 passed, 1 failed')
  process.exit(1)
}
const report = JSON.parse(readFileSync(file, 'utf8'))
// A test file that fails to load has no tests in it: count it as one failure.
const brokenFiles = (report.testResults ?? []).filter((f) => f.status === 'failed' && f.assertionResults.length === 0)
const failed = report.numFailedTests + brokenFiles.length
const skipped = report.numPendingTests + (report.numTodoTests ?? 0)
console.log(`${report.numPassedTests} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`)
process.exit(failed > 0 || report.numTotalTests === 0 ? 1 : 0)
