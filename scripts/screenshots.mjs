// `npm run screenshots`: the real built panel in its main states, light and dark,
// at Figma's default plugin size, drawn into docs/images/ for the README and the
// manual. The states are the browser tests' own (test/e2e/panel-states.ts), so a
// picture shows what the layout test measures.
//
// Runs after `npm run build` (the script in package.json does both); needs Chromium
// at /usr/bin/chromium or CHROMIUM_PATH, as the browser tests do.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { runnerImport } from 'vite'

const root = new URL('..', import.meta.url)
const path = (relative) => new URL(relative, root).pathname
const OUT = path('docs/images/')
// The stand-ins, the harness and the states are TypeScript modules of the tests.
const load = async (file) => (await runnerImport(path(file))).module

const { buildHostAsync } = await load('test/e2e/host/build-host.ts')
const { launchChromiumAsync } = await load('test/e2e/chromium.ts')
const { openPluginAsync, closeHostServerAsync } = await load('test/e2e/harness.ts')
const { startOpenRouterStandIn } = await load('test/openrouter-stand-in/server.ts')
const { PANEL_STATES, stateOptions } = await load('test/e2e/panel-states.ts')
const { decodePng } = await load('test/images/png.ts')

/**
 * Whether a new picture shows what the file already holds. Chromium draws the same panel a level or
 * two apart in a few anti-aliased pixels from run to run; such a picture is left as it is, so that
 * the repository's pictures change only when the panel does.
 */
function samePicture(file, png) {
  if (!existsSync(file)) return false
  const a = decodePng(readFileSync(file))
  const b = decodePng(png)
  if (a.width !== b.width || a.height !== b.height) return false
  return a.rgba.every((value, i) => Math.abs(value - b.rgba[i]) <= 2)
}

mkdirSync(OUT, { recursive: true })
await buildHostAsync()
const browser = await launchChromiumAsync()
// The stand-in answers at once: the pictures are of the panel, not of waiting.
const standIn = await startOpenRouterStandIn({ latencyMs: 0 })
// The time every picture is taken at: History shows when an image was made, and would change the
// picture on every run.
const PICTURE_TIME = new Date('2026-12-07T14:05:00Z')
let failed = 0
try {
  // SCREENSHOTS_ONLY="frame error" draws only those states, for a quick look while working.
  const only = (process.env.SCREENSHOTS_ONLY ?? '').split(/\s+/).filter(Boolean)
  for (const state of PANEL_STATES.filter((s) => only.length === 0 || only.includes(s.name))) {
    for (const theme of ['light', 'dark']) {
      standIn.reset()
      const session = await openPluginAsync(browser, { ...stateOptions(state, theme), standIn, clock: PICTURE_TIME })
      try {
        await state.arrange?.(session, standIn)
        const file = `${OUT}${state.name}-${theme}.png`
        const png = await session.page.locator('iframe[title="Riverflow for Figma"]').screenshot()
        const same = samePicture(file, png)
        if (!same) writeFileSync(file, png)
        console.log(`${file.replace(path(''), '')}: ${state.caption}${same ? ' (unchanged)' : ''}`)
      } catch (error) {
        failed++
        console.error(`${state.name} (${theme}) could not be drawn: ${error instanceof Error ? error.message : error}`)
      } finally {
        await session.close().catch(() => {})
      }
    }
  }
} finally {
  await browser.close()
  await standIn.close()
  await closeHostServerAsync()
}
process.exit(failed === 0 ? 0 : 1)
