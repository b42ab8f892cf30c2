import { defineConfig } from 'vitest/config'

// Tests run from the repository root (vite.config.ts roots the UI build in ui/).
export default defineConfig({
  test: {
    root: '.',
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 20_000,
  },
})
