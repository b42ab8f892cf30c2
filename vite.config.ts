import { createHash } from 'node:crypto'
import { relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import { viteSingleFile } from 'vite-plugin-singlefile'
import { roundIconPathsPlugin } from './scripts/round-icon-paths.ts'
import { workerSourcePlugin } from './scripts/worker-source-plugin.ts'

/**
 * Names for the UI kit's CSS module classes: the class and a hash of its file, `button_6f9c`, where
 * Vite's default is `_button_avmy7_1`. Each is written twice (in the CSS, and in the script's map
 * of them); these shorter ones take 0.34 KB off the gzipped panel. The same on every build and every
 * machine (the path is the project's, not the disk's), and the build fails should two files' classes
 * ever meet in one name.
 */
function shortClassName(): (name: string, file: string) => string {
  const root = fileURLToPath(new URL('.', import.meta.url))
  const owners = new Map<string, string>()
  return (name, file) => {
    const source = relative(root, file.split('?')[0])
    const scoped = `${name}_${createHash('sha256').update(source).digest('hex').slice(0, 4)}`
    const owner = owners.get(scoped)
    if (owner !== undefined && owner !== source) throw new Error(`CSS class ${scoped} names ${name} in both ${owner} and ${source}: take more of the hash in vite.config.ts`)
    owners.set(scoped, source)
    return scoped
  }
}

// One config, two builds, switched on --mode:
// - default: the UI, ui/index.html inlined into one self-contained dist/index.html
//   (Figma loads the UI as a single HTML string), its image worker in it as a string;
// - `plugin`: the sandbox, plugin/main.ts as one ES2017 IIFE in dist/code.js
//   (no import/export; older Figma clients reject newer syntax).
// Both write 'hidden' source maps beside their output (dist/*.map): no comment points at them and
// the bundles are byte for byte what they are without; test/e2e/generate-walk.e2e.test.ts reads them
// to name the source files a click runs.
export default defineConfig(({ mode }) => {
  if (mode === 'plugin') {
    return {
      build: {
        target: 'es2017',
        outDir: 'dist',
        emptyOutDir: false,
        minify: false,
        sourcemap: 'hidden',
        lib: {
          entry: 'plugin/main.ts',
          formats: ['iife'],
          name: 'RiverflowPlugin',
          fileName: () => 'code.js',
        },
      },
    }
  }
  return {
    root: 'ui',
    // @create-figma-plugin/ui imports '!../css/base.css', a convention of its own
    // build tool that Vite cannot resolve: drop the '!'.
    resolve: { alias: [{ find: /^!(.+\.css)$/, replacement: '$1' }] },
    css: { modules: { generateScopedName: shortClassName() } },
    // A preview-only setting: `npm run preview` points the UI at the local
    // OpenRouter stand-in. Unset in `npm run build`, so the product has no switch.
    envPrefix: 'RIVERFLOW_',
    build: {
      // ES2022 keeps class fields as they are (Figma's iframe is a current Chromium or
      // WebKit); es2020 wrapped each in Babel helpers, here and in the worker's string.
      target: 'es2022',
      outDir: '../dist',
      // One inlined script: nothing is preloaded, so the polyfill was dead weight.
      modulePreload: { polyfill: false },
      emptyOutDir: false,
      sourcemap: 'hidden',
      rolldownOptions: {
        // The script is inlined into index.html; its map is a file, named for it: dist/index.js.map.
        output: { entryFileNames: 'index.js' },
        onwarn(warning, warn) {
          // The library's numeric-expression helper uses eval; it is tree-shaken out
          // of our bundle (no component of ours uses it), so its warning is noise.
          if (warning.code === 'EVAL' && warning.id?.includes('@create-figma-plugin/utilities')) return
          warn(warning)
        },
      },
    },
    plugins: [roundIconPathsPlugin(), workerSourcePlugin(), viteSingleFile()],
  }
})
