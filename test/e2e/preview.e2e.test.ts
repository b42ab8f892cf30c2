import { type ChildProcess, spawn } from 'node:child_process'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_KEY } from '../openrouter-stand-in/server'
import { launchChromiumAsync } from './chromium'
import { openOptionsAsync, pressActionAsync } from './panel-actions'

// `npm run preview` as a developer uses it: the script builds its own bundles
// pointed at its own stand-ins, serves the host page, and the page works with
// no routing by the test (requests to the real openrouter.ai would fail here).
let browser: Browser
let preview: ChildProcess
let pageUrl: string

beforeAll(async () => {
  preview = spawn(process.execPath, ['scripts/preview.mjs', '--port', '0', '--latency', '300'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  pageUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`preview did not start:\n${output}`)), 60_000)
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /preview: (http:\S+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    preview.stdout!.on('data', read)
    preview.stderr!.on('data', read)
    preview.once('exit', (code) => reject(new Error(`preview exited with ${code}:\n${output}`)))
  })
  browser = await launchChromiumAsync()
}, 90_000)

afterAll(async () => {
  await browser?.close()
  if (preview && preview.exitCode === null) {
    const exited = new Promise((resolve) => preview.once('exit', resolve))
    preview.kill('SIGTERM')
    await exited
  }
})

async function openAsync(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  // The preview must never need the real services.
  await context.route(/^https:\/\/(openrouter\.ai|fonts\.googleapis\.com)\//, (route) => route.abort('connectionfailed'))
  const page = await context.newPage()
  await page.goto(pageUrl)
  return page
}

describe('npm run preview', () => {
  it('runs the plugin against its stand-in: key, generate, and the image on the emulated canvas', async () => {
    const page = await openAsync()
    const ui = page.frameLocator('iframe[title="Riverflow for Figma"]')
    await ui.getByRole('textbox', { name: 'OpenRouter API key' }).fill(TEST_KEY)
    await ui.getByRole('button', { name: 'Save key' }).click()
    await expect.poll(() => ui.getByText(/credit left on this key/).count(), { timeout: 10_000 }).toBe(1)

    await ui.getByRole('textbox', { name: 'Prompt' }).fill('A kite over the dunes')
    await ui.getByRole('button', { name: /^Generate/ }).click()
    const layer = page.locator('#layers .node', { hasText: 'A kite over the dunes' })
    await expect.poll(() => layer.evaluate((e) => getComputedStyle(e).backgroundImage), { timeout: 10_000 }).toMatch(/^url\("blob:/)
    await page.context().close()
  })

  it('adds and selects layers from the toolbar, and makes the stand-in answer with an error', async () => {
    const page = await openAsync()
    const ui = page.frameLocator('iframe[title="Riverflow for Figma"]')
    await ui.getByRole('textbox', { name: 'OpenRouter API key' }).fill(TEST_KEY)
    await ui.getByRole('button', { name: 'Save key' }).click()
    await page.getByRole('button', { name: 'Add frame' }).click()
    await page.getByRole('button', { name: 'Add photo frame' }).click()
    await page.locator('#layers .node', { hasText: 'Frame 1' }).click({ modifiers: ['Shift'] })
    // Combine into one: the first in selection order the picture, the next its reference.
    await openOptionsAsync(ui)
    expect(await ui.getByRole('combobox', { name: 'Role of Photo 1' }).inputValue()).toBe('input')
    expect(await ui.getByRole('combobox', { name: 'Role of Frame 1' }).inputValue()).toBe('reference')

    await page.getByRole('combobox', { name: 'Next answer from the stand-in' }).selectOption({ label: '402 no credit' })
    await page.getByRole('button', { name: 'Queue' }).click()
    await page.getByText('Queued: 402 no credit').waitFor()
    await ui.getByRole('textbox', { name: 'Prompt' }).fill('Warmer light')
    await pressActionAsync(ui, 'Combine into one')
    await expect.poll(() => ui.getByRole('alert').first().textContent(), { timeout: 10_000 }).toMatch(/Not enough OpenRouter credit/)
    await page.context().close()
  })

  it('answers with the family’s cases from Next answer: no chat endpoint, so the Image API carries it', async () => {
    const page = await openAsync()
    const ui = page.frameLocator('iframe[title="Riverflow for Figma"]')
    await ui.getByRole('textbox', { name: 'OpenRouter API key' }).fill(TEST_KEY)
    await ui.getByRole('button', { name: 'Save key' }).click()
    await openOptionsAsync(ui)
    await ui.getByRole('combobox', { name: 'Model' }).selectOption('sourceful/riverflow-v2.5-fast')
    await page.getByRole('combobox', { name: 'Next answer from the stand-in' }).selectOption({ label: '404 no chat endpoint (then the Image API)' })
    await page.getByRole('button', { name: 'Queue' }).click()
    await page.getByText('Queued: 404 no chat endpoint (then the Image API)').waitFor()
    await ui.getByRole('textbox', { name: 'Prompt' }).fill('A paper boat')
    await ui.getByRole('button', { name: /^Generate/ }).click()
    await page.locator('#layers .node', { hasText: 'A paper boat' }).waitFor({ timeout: 10_000 })
    expect(await ui.getByRole('note').textContent()).toMatch(/^Not sent with Riverflow 2\.5 Fast: the thinking setting\./)
    await page.context().close()
  })
})
