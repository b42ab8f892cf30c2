import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// `npm run bench`: its own include, so `npm test` (test/** only) never runs a bench.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['bench/**/*.bench.ts'],
    // One file at a time: timing figures are meaningless while another bench loads the CPU.
    fileParallelism: false,
    // Measuring 4K images several times over takes a while; a bench is never retried.
    testTimeout: 300_000,
    hookTimeout: 120_000,
    // Builds the bench page and the plugin's host page once per run (dist/ is built by `npm run bench`).
    globalSetup: ['bench/global-setup.ts'],
    // By path, so that vitest loads it (and the figures module it shares with the benches) itself.
    reporters: ['default', './bench/figures-reporter.ts'],
  },
})
