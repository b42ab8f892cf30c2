import { defineConfig } from 'vitest/config'

// Tests run from the repository root (vite.config.ts roots the UI build in ui/).
export default defineConfig({
  test: {
    root: '.',
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 20_000,
    // Builds the browser tests' host page once per run.
    globalSetup: ['test/e2e/global-setup.ts'],
    // The JSON report is what .ci/summary.mjs turns into CI's "N passed, N failed".
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
})
