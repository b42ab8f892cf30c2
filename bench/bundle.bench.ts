import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { it } from 'vitest'
import { formatBytes, recordFigure } from './figures'

// What Figma loads: the UI as one HTML string, the sandbox as one script (built by `npm run bench`).
const DIST = fileURLToPath(new URL('../dist/', import.meta.url))
const UI_TARGET_GZIPPED = 40 * 1024

function sizes(file: string): { raw: number; gzipped: number } {
  const bytes = readFileSync(`${DIST}${file}`)
  return { raw: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length }
}

it('the UI bundle, raw and gzipped', ({ task }) => {
  const ui = sizes('index.html')
  recordFigure(task, {
    group: 'bundle',
    name: 'UI bundle (dist/index.html)',
    value: `${formatBytes(ui.raw)} raw, ${formatBytes(ui.gzipped)} gzipped`,
    ratio: { label: 'gzipped / 40 KB', value: ui.gzipped / UI_TARGET_GZIPPED },
    target: { max: 1, strict: true },
    data: { rawBytes: ui.raw, gzippedBytes: ui.gzipped, targetGzippedBytes: UI_TARGET_GZIPPED },
  })
})

it('the sandbox bundle, raw and gzipped', ({ task }) => {
  const sandbox = sizes('code.js')
  recordFigure(task, {
    group: 'bundle',
    name: 'Sandbox bundle (dist/code.js)',
    value: `${formatBytes(sandbox.raw)} raw, ${formatBytes(sandbox.gzipped)} gzipped`,
    ratio: { label: 'gzipped / raw', value: sandbox.gzipped / sandbox.raw },
    target: null,
    data: { rawBytes: sandbox.raw, gzippedBytes: sandbox.gzipped },
  })
})
