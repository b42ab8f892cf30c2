/**
 * `import source from './worker?worker-source'`: the module and what it
 * imports, bundled on their own as one classic script, given as a string. The UI
 * starts its worker from that string as a `data:` URL (ui/image-worker/), so
 * the worker lives inside the one HTML file Figma loads.
 *
 * Not Vite's `?worker&inline`: it tries a `blob:` URL first and falls back to
 * `data:` only when the constructor throws, while Figma's iframe refuses a
 * `blob:` worker later, with an 'error' event.
 */
import { build, type Plugin, type ResolvedConfig } from 'vite'

const QUERY = '?worker-source'
const PREFIX = '\0worker-source:'
/** The worker's source map in a build that writes maps (test/e2e/generate-walk.e2e.test.ts reads it). */
const WORKER_MAP = 'image-worker.js.map'

export function workerSourcePlugin(): Plugin {
  let config: ResolvedConfig | null = null
  return {
    name: 'riverflow-worker-source',
    enforce: 'pre',
    configResolved(resolved) {
      config = resolved
    },
    async resolveId(source, importer) {
      if (!source.endsWith(QUERY)) return null
      const resolved = await this.resolve(source.slice(0, -QUERY.length), importer, { skipSelf: true })
      if (!resolved) this.error(`Cannot find the worker ${source} imported by ${importer}`)
      return PREFIX + resolved.id
    },
    async load(id) {
      if (!id.startsWith(PREFIX)) return null
      const entry = id.slice(PREFIX.length)
      const mapped = config?.command === 'build' && Boolean(config.build.sourcemap)
      const output = await build({
        configFile: false,
        logLevel: 'warn',
        publicDir: false,
        // The worker's own modules, and nothing that would embed a worker in the worker.
        plugins: [],
        build: {
          write: false,
          // As the page's (vite.config.ts): class fields without Babel helpers.
          target: 'es2022',
          // As the page's bundle is: minified in a build, readable under the test runner.
          minify: config?.command === 'build' ? config.build.minify !== false : false,
          // A build that writes source maps writes the worker's beside the page's; 'hidden' adds no
          // comment to the code, so the worker is the same with or without its map.
          sourcemap: mapped ? 'hidden' : false,
          // Named as its map is, in dist/, so that the map's paths to the sources hold from there.
          rolldownOptions: { input: entry, output: { format: 'iife', entryFileNames: WORKER_MAP.replace(/\.map$/, '') } },
        },
      })
      const outputs = Array.isArray(output) ? output : [output]
      const chunks = outputs.flatMap((o) => ('output' in o ? o.output : [])).filter((item) => item.type === 'chunk')
      if (chunks.length !== 1) this.error(`The worker ${entry} did not bundle into one script`)
      const [chunk] = chunks
      // Rebuild the page when any file of the worker changes (npm run dev, the preview).
      for (const file of chunk.moduleIds) if (!file.startsWith('\0')) this.addWatchFile(file)
      if (mapped && chunk.map) this.emitFile({ type: 'asset', fileName: WORKER_MAP, source: chunk.map.toString() })
      return `export default ${JSON.stringify(chunk.code)}`
    },
  }
}
