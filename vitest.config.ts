import { defineConfig } from 'vitest/config'
import { workerSourcePlugin } from './scripts/worker-source-plugin.ts'

// Tests run from the repository root (vite.config.ts roots the UI build in ui/).
export default defineConfig({
  // UI modules import the image worker's source (ui/image-worker/image-worker.ts).
  plugins: [workerSourcePlugin()],
  test: {
    root: '.',
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Generous: browser tests share two cores with the rest of the suite on CI machines.
    testTimeout: 60_000,
    // Builds the browser tests' host page once per run.
    globalSetup: ['test/e2e/global-setup.ts'],
    // The JSON report is what .ci/summary.mjs turns into CI's "N passed, N failed".
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
})
