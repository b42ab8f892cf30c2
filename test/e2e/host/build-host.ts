import { fileURLToPath } from 'node:url'
import { build } from 'vite'

export const HOST_ROOT = fileURLToPath(new URL('.', import.meta.url))
export const HOST_OUT = fileURLToPath(new URL('../../../test-results/host/', import.meta.url))

/** Builds the host page (the fake figma and the relay) for the browser. */
export async function buildHostAsync(outDir = HOST_OUT): Promise<string> {
  await build({
    configFile: false,
    root: HOST_ROOT,
    base: './',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022', minify: false },
  })
  return outDir
}
