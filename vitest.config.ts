import { defineConfig } from 'vitest/config'
import { workerSourcePlugin } from './scripts/worker-source-plugin.ts'

// Tests run from the repository root (vite.config.ts roots the UI build in ui/).
// Three projects: `unit` needs no build and no browser (`npm run test:unit`, the fast loop);
// `browser` drives the built plugin in headless Chromium and checks the bundles (`npm test`
// builds first and runs both, with `--mode full`: test/support/property-runs.ts); `live` asks the
// real OpenRouter (`npm run test:live`, with a key).
// Vitest starts each project with its own mode, `test`, unless the project names one: each is given
// the run's mode, so that `--mode full` reaches the tests.
export default defineConfig(({ mode }) => ({
  // UI modules import the image worker's source (ui/image-worker/image-worker.ts).
  plugins: [workerSourcePlugin()],
  test: {
    root: '.',
    // Generous: browser tests share two cores with the rest of the suite on CI machines.
    testTimeout: 60_000,
    // The JSON report is what .ci/summary.mjs turns into CI's "N passed, N failed".
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        extends: true,
        mode,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/e2e/**', 'test/build/**'],
          // Threads start faster than processes, and every unit test runs in one.
          pool: 'threads',
          // The loop runs the files one after another in each thread, each with its modules fresh
          // (test/support/fresh-modules.ts) but sharing the globals and the packages: well under half
          // the time of starting every file alone. The full run starts every file alone, so that
          // nothing one file leaves behind can make another pass.
          isolate: mode === 'full',
          setupFiles: mode === 'full' ? [] : ['test/support/fresh-modules.ts'],
          // Unit files use a core each: on a 2-core machine the default is one worker for the whole run.
          maxWorkers: 2,
          // First, alone: the browser tests then run one file at a time, each with the machine to itself.
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        mode,
        // The real OpenRouter with a maintainer's key: `npm run test:live` only, never `npm test`,
        // since it spends (test/contract/openrouter.live.ts).
        test: {
          name: 'live',
          include: ['test/**/*.live.ts'],
        },
      },
      {
        extends: true,
        mode,
        // Builds the browser tests' host page once per run.
        test: {
          name: 'browser',
          include: ['test/e2e/**/*.test.ts', 'test/build/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          // One file at a time, after the unit files: each opens a Chromium and measures what it draws.
          // Two at a time saved little on a 2-core machine (the whole run 695 s against 759 s: each file
          // ran about 70% slower beside another), and load is what made browser tests flaky before
          // (a frame reached late, its first requests missing the stand-ins' routes: test/e2e/chromium.ts).
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
}))
