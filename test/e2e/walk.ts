import { readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type RawSourceMap, SourceMapConsumer } from 'source-map-js'
import type { ScriptCoverage } from './precise-coverage'

/**
 * From V8's coverage of the built bundles to the product's source files: each called function is
 * found in its bundle's source map (written beside the bundle by `npm run build`, see
 * vite.config.ts) and counted for the file it was written in.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const DIST = join(ROOT, 'dist')
/** The product's folders; everything else a map names (node_modules) is not ours. */
const PRODUCT = /^(ui|plugin|common)\//

/** A built script Figma loads and the map the same build wrote for it. */
interface Bundle {
  name: string
  /** Whether a script that ran is this bundle. */
  is(script: ScriptCoverage): boolean
  map: RawSourceMap
}

/** The sandbox (dist/code.js), the UI's one inline script (dist/index.html) and the image worker it carries. */
export function readBundles(): Bundle[] {
  const code = readFileSync(join(DIST, 'code.js'), 'utf8')
  const html = readFileSync(join(DIST, 'index.html'), 'utf8')
  const scripts = [...html.matchAll(/<script type="module"[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1])
  if (scripts.length !== 1) throw new Error(`dist/index.html has ${scripts.length} module scripts; the UI is one`)
  const map = (name: string) => JSON.parse(readFileSync(join(DIST, name), 'utf8')) as RawSourceMap
  return [
    // The page and the UI run these very bytes: the scripts V8 ran are compared whole.
    { name: 'dist/code.js', is: (script) => script.realm === 'page' && script.source === code, map: map('code.js.map') },
    { name: 'dist/index.html', is: (script) => script.realm === 'page' && script.source === scripts[0], map: map('index.js.map') },
    // The worker's code is a string inside the UI's script, started from a base64 data: URL
    // (ui/image-worker/image-worker.ts): the script that ran is the one its URL carries.
    { name: 'the image worker', is: (script) => script.realm === 'worker' && script.source === base64Script(script.url), map: map('image-worker.js.map') },
  ]
}

const BASE64_SCRIPT = 'data:text/javascript;base64,'

function base64Script(url: string): string | null {
  return url.startsWith(BASE64_SCRIPT) ? Buffer.from(url.slice(BASE64_SCRIPT.length), 'base64').toString('utf8') : null
}

/** Where each mapped stretch of a bundle starts (an offset into its source) and the file it came from. */
interface Segments {
  starts: number[]
  files: (string | null)[]
}

function segmentsOf(source: string, map: RawSourceMap): Segments {
  const lineStarts = [0]
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1)
  const consumer = new SourceMapConsumer(map)
  const segments: { start: number; file: string | null }[] = []
  consumer.eachMapping((mapping) => {
    const lineStart = lineStarts[mapping.generatedLine - 1]
    if (lineStart === undefined) throw new Error(`The map names line ${mapping.generatedLine} of a script of ${lineStarts.length} lines: not this script's map`)
    const start = lineStart + mapping.generatedColumn
    const lineEnd = lineStarts[mapping.generatedLine] ?? source.length + 1
    if (start >= lineEnd) throw new Error(`The map names column ${mapping.generatedColumn} of line ${mapping.generatedLine}, past its end: not this script's map`)
    segments.push({ start, file: mapping.source === null ? null : relative(ROOT, resolve(DIST, mapping.source)) })
  })
  segments.sort((a, b) => a.start - b.start)
  return { starts: segments.map((s) => s.start), files: segments.map((s) => s.file) }
}

/** The first mapped stretch at or after `offset`. */
function firstAtOrAfter(segments: Segments, offset: number): number {
  let low = 0
  let high = segments.starts.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (segments.starts[middle] < offset) low = middle + 1
    else high = middle
  }
  return low
}

/** A function called in the window and the file its map gives it (null: code the bundler wrote, no file's). */
interface CalledFunction {
  bundle: string
  file: string | null
  name: string
  count: number
}

/**
 * Every function called in the window, found in the file of the first mapped stretch of code at
 * or after its start and inside it. Left out: the script itself and a bundle's IIFE wrapper,
 * which hold the whole bundle (its first and last stretch) and are no file's function.
 */
export function calledFunctions(scripts: readonly ScriptCoverage[], bundles: readonly Bundle[]): CalledFunction[] {
  return bundles.flatMap((bundle) => {
    const ran = scripts.filter((script) => bundle.is(script))
    // Each bundle ran as one script, byte for byte the built one; else the map is not of what ran.
    if (ran.length !== 1) throw new Error(`${ran.length} scripts that ran are ${bundle.name}, not one: is dist/ the build the page loaded?`)
    return ran.flatMap((script) => {
      const segments = segmentsOf(script.source, bundle.map)
      const first = segments.starts[0]
      const last = segments.starts[segments.starts.length - 1]
      return script.functions.flatMap((fn) => {
        const [whole] = fn.ranges
        if (whole.count === 0) return []
        if (whole.startOffset <= first && last < whole.endOffset) return []
        const index = firstAtOrAfter(segments, whole.startOffset)
        const inside = index < segments.starts.length && segments.starts[index] < whole.endOffset
        return [{ bundle: bundle.name, file: inside ? segments.files[index] : null, name: fn.functionName, count: whole.count }]
      })
    })
  })
}


/** The product files with a function called, sorted. */
export function productFilesRun(functions: readonly CalledFunction[]): string[] {
  const files = functions.flatMap((fn) => (fn.file !== null && PRODUCT.test(fn.file) ? [fn.file] : []))
  return [...new Set(files)].sort()
}

const HALVES = [
  { folder: 'ui', name: 'The UI' },
  { folder: 'plugin', name: 'The sandbox' },
  { folder: 'common', name: 'Both halves' },
]

const folderOf = (file: string) => file.slice(0, file.lastIndexOf('/') + 1)

/** The walk as docs/architecture.md shows it: the count, then each half's files by folder. */
export function walkMarkdown(files: readonly string[]): string {
  const inHalf = (folder: string) => files.filter((file) => file.startsWith(`${folder}/`))
  const counts = HALVES.map(({ folder }) => `${inHalf(folder).length} in \`${folder}/\``).join(', ')
  const lines = [`**${files.length} product files** run in one click: ${counts}.`]
  for (const { folder, name } of HALVES) {
    const half = inHalf(folder)
    if (half.length === 0) continue
    lines.push('', `${name} (\`${folder}/\`, ${half.length}):`)
    const folders = [...new Set(half.map(folderOf))].sort()
    for (const at of folders) {
      const inFolder = half.filter((file) => folderOf(file) === at)
      lines.push(`- \`${at}\` (${inFolder.length}): ${inFolder.map((file) => `\`${file.slice(at.length)}\``).join(', ')}`)
    }
  }
  return lines.join('\n')
}
