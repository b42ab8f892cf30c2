import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { workerSourcePlugin } from '../../scripts/worker-source-plugin'

export const PAGE_ROOT = fileURLToPath(new URL('.', import.meta.url))
export const PAGE_OUT = fileURLToPath(new URL('../../test-results/bench-page/', import.meta.url))

/**
 * Builds the measuring page: the product's own modules from ui/, bundled as the
 * product bundles them, with functions on `window.bench` for the benches to call.
 */
export async function buildBenchPageAsync(outDir = PAGE_OUT): Promise<string> {
  await build({
    configFile: false,
    root: PAGE_ROOT,
    base: './',
    logLevel: 'warn',
    // The UI's image worker, as the product builds it.
    plugins: [workerSourcePlugin()],
    // Minified like dist/index.html, so the code measured is the code shipped.
    build: { outDir, emptyOutDir: true, target: 'es2020' },
  })
  return outDir
}
