import { readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { TEST_KEY } from '../openrouter-stand-in/server'
import { MEASURED_WORKERS_PRELUDE, openCoverageWindowAsync } from './precise-coverage'
import { countMessages, QUIET_PRELUDE, waitForQuietAsync } from './quiet'
import { useBrowserSuite } from './suite'
import { calledFunctions, productFilesRun, readBundles, walkMarkdown } from './walk'

// The walk of a Generate click, measured: V8's precise coverage of the built plugin (dist/code.js in
// the host page, dist/index.html's script in the UI's iframe, the image worker) from the press until
// the layer is placed and the panel is quiet, mapped back to source files through the maps the same
// `npm run build` wrote. docs/architecture.md shows it between the markers; `npm run walk` (WALK_WRITE
// set, scripts/walk.mjs) rewrites it there, any other run fails when the doc's walk is not the measured one.

/**
 * At most this many product files run in the click. Today's count, so the walk can only get
 * shorter: lower it as the code is reshaped. Issue 28's target is 45.
 */
const WALK_LIMIT = 104

const DOC = 'docs/architecture.md'
const START = '<!-- walk:start: written by test/e2e/generate-walk.e2e.test.ts, npm run walk -->'
const END = '<!-- walk:end -->'
const WRITE = process.env.WALK_WRITE === '1'

const suite = useBrowserSuite()

describe('the walk of a Generate click onto a new layer', () => {
  it(`runs the product files ${DOC} lists, at most ${WALK_LIMIT}`, async () => {
    const session = await suite.open({ key: TEST_KEY, uiInitScript: MEASURED_WORKERS_PRELUDE + QUIET_PRELUDE, setup: countMessages })
    const { ui } = session
    // Nothing selected and a prompt typed: the main action generates onto a new layer.
    await ui.getByRole('textbox', { name: 'Prompt' }).fill('A lighthouse at dusk, oil painting')
    await ui.getByText('$7.50 credit left on this key').waitFor()
    // Start-up and the prompt's own saving are done before the window opens.
    await waitForQuietAsync(session)

    const window = await openCoverageWindowAsync(session.page)
    await ui.getByRole('button', { name: /^Generate/ }).click()
    await ui.getByText(/Placed 1 image/).waitFor()
    await waitForQuietAsync(session)
    const { scripts, lostWorkers } = await window.takeAsync()

    // The click did what the walk is of: one new layer with the image, its answer read in the worker.
    expect(await session.figma((fake) => fake.page.children.map((node) => node.fills[0]?.type))).toEqual(['IMAGE'])
    const jobs = await ui.locator(':root').evaluate((root) => ({ ...(root as HTMLElement).dataset }))
    expect(jobs, 'the answer was read on the main thread: the image worker did not start in time').toMatchObject({ answerJobsWorker: '1' })
    expect(jobs.answerJobsMain).toBeUndefined()

    const files = productFilesRun(calledFunctions(scripts, readBundles()))
    const walk = walkMarkdown(files)
    console.log(`The Generate click ran ${files.length} product files (limit ${WALK_LIMIT}, issue 28's target 45):\n${files.join('\n')}`)

    const doc = readFileSync(DOC, 'utf8')
    const start = doc.indexOf(START)
    const end = doc.indexOf(END)
    expect(start >= 0 && end > start, `${DOC} has the walk's markers`).toBe(true)
    const shown = doc.slice(start + START.length, end).trim()
    // A worker that ended before its counts were taken took them along: said, in case the walk is short of its files.
    const lost = lostWorkers > 0 ? ` (${lostWorkers} worker${lostWorkers === 1 ? '' : 's'} ended before the coverage was taken; their files may be missing)` : ''
    if (WRITE && lostWorkers > 0) throw new Error(`Not written${lost}: run npm run walk again`)
    if (WRITE) writeFileSync(DOC, `${doc.slice(0, start + START.length)}\n${walk}\n${doc.slice(end)}`)
    else expect(shown, `${DOC} shows another walk than the measured one: npm run walk writes it${lost}`).toBe(walk)
    expect(files.length).toBeLessThanOrEqual(WALK_LIMIT)
  })
})
