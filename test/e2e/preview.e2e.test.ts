import { type ChildProcess, spawn } from 'node:child_process'
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core'
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

async function saveKeyAsync(page: Page): Promise<FrameLocator> {
  const ui = page.frameLocator('iframe[title="Riverflow for Figma"]')
  await ui.getByRole('textbox', { name: 'OpenRouter API key' }).fill(TEST_KEY)
  await ui.getByRole('button', { name: 'Save key' }).click()
  return ui
}

/** The dollars the top bar says are left on the key. */
async function creditLeftAsync(ui: FrameLocator): Promise<number> {
  const line = ui.getByText(/credit left on this key/)
  await line.waitFor({ timeout: 10_000 })
  return Number(/\$(\d+(?:\.\d+)?) credit left/.exec((await line.textContent()) ?? '')?.[1])
}

/** The layer of that name on the emulated canvas (its box, which takes clicks). */
const layer = (page: Page, name: string) => page.locator(`#layers .node[data-name="${name}"]`)

/** A layer's box on the emulated canvas, in the page's pixels. */
async function boxOf(layer: Locator) {
  const box = await layer.boundingBox()
  if (!box) throw new Error('The layer is not on the canvas')
  return box
}

/** What the emulated canvas shows at this point of the page (RGBA; alpha 0 where nothing is drawn). */
function pixelAt(page: Page, point: { x: number; y: number }): Promise<number[]> {
  return page.evaluate(({ x, y }) => {
    const canvas = document.getElementById('pixels') as HTMLCanvasElement
    const area = canvas.getBoundingClientRect()
    const ratio = canvas.width / area.width
    return [...canvas.getContext('2d')!.getImageData(Math.floor((x - area.left) * ratio), Math.floor((y - area.top) * ratio), 1, 1).data]
  }, point)
}

/** A shape's middle, and a point inside its box near the top left corner but outside an ellipse or the pen shape's outline. */
const middleOf = (box: { x: number; y: number; width: number; height: number }) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 })
const cornerOf = (box: { x: number; y: number; width: number; height: number }) => ({ x: box.x + box.width * 0.12, y: box.y + box.height * 0.12 })
/** Figma's grey for a new shape, as the toolbar draws it. */
const SHAPE_GREY = [217, 217, 217, 255]
const near = (a: number[], b: number[], tolerance = 10) => a.every((value, i) => Math.abs(value - b[i]) <= tolerance)

describe('npm run preview', () => {
  it('runs the plugin against its stand-in: key, generate, the image on the emulated canvas, and the credit spent', async () => {
    const page = await openAsync()
    const ui = await saveKeyAsync(page)
    const before = await creditLeftAsync(ui)

    await ui.getByRole('textbox', { name: 'Prompt' }).fill('A kite over the dunes')
    await ui.getByRole('button', { name: /^Generate/ }).click()
    const kite = page.locator('#layers .node', { hasText: 'A kite over the dunes' })
    await kite.waitFor({ timeout: 10_000 })
    // Its image is drawn: opaque pixels where the layer is.
    await expect.poll(async () => (await pixelAt(page, middleOf(await boxOf(kite))))[3]).toBe(255)
    // The stand-in's key pays for it, as a real key would: the top bar asks again after the charge.
    await expect.poll(() => creditLeftAsync(ui), { timeout: 10_000 }).toBeLessThan(before)
    await page.context().close()
  })

  it('adds and selects layers from the toolbar, and makes the stand-in answer with an error', async () => {
    const page = await openAsync()
    const ui = await saveKeyAsync(page)
    await page.getByRole('button', { name: 'Add photo frame' }).click()
    await page.getByRole('button', { name: 'Add photo frame' }).click()
    await page.locator('#layers .node', { hasText: 'Photo 1' }).click({ modifiers: ['Shift'] })
    // Combine into one: the first in selection order the picture, the next its reference.
    await openOptionsAsync(ui)
    expect(await ui.getByRole('combobox', { name: 'Role of Photo 2' }).inputValue()).toBe('input')
    expect(await ui.getByRole('combobox', { name: 'Role of Photo 1' }).inputValue()).toBe('reference')

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
    const ui = await saveKeyAsync(page)
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
  it('adds an image and shapes drawn as their shapes, and shows only the current page of the file', async () => {
    const page = await openAsync()
    const ui = await saveKeyAsync(page)
    await page.getByRole('button', { name: 'Add image' }).click()
    const image = layer(page, 'Image 1')
    await image.waitFor()
    await page.getByRole('button', { name: 'Add pen shape' }).click()
    // The pen shape goes over the image, selected with it: Edit area and Erase area can be tried.
    await ui.getByRole('button', { name: /^Erase area/ }).waitFor()
    const pen = await boxOf(layer(page, 'Vector 1'))
    // Inside the pen's outline, the shape's grey; outside it, in its box, the picture under it (once decoded).
    await expect.poll(async () => near(await pixelAt(page, middleOf(pen)), SHAPE_GREY, 2)).toBe(true)
    await expect.poll(async () => (await pixelAt(page, cornerOf(pen)))[3]).toBe(255)
    expect(near(await pixelAt(page, cornerOf(pen)), SHAPE_GREY)).toBe(false)
    await image.click({ position: { x: 5, y: 5 } })
    await page.getByRole('button', { name: 'Add ellipse' }).click()
    await page.getByRole('button', { name: 'Add rectangle' }).click()
    // The rectangle is grey to its corners; the ellipse, drawn in the same frame, is not.
    await expect.poll(async () => near(await pixelAt(page, cornerOf(await boxOf(layer(page, 'Rectangle 1')))), SHAPE_GREY, 2)).toBe(true)
    expect(near(await pixelAt(page, cornerOf(await boxOf(layer(page, 'Ellipse 1')))), SHAPE_GREY)).toBe(false)

    // A brand kit adds a page; the designer stays on theirs, and the canvas shows only it.
    const named = () => page.locator('#layers .node').evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).dataset.name))
    const onPage1 = await named()
    expect(onPage1).toEqual(['Image 1', 'Vector 1', 'Ellipse 1', 'Rectangle 1'])
    await image.click({ position: { x: 5, y: 5 } })
    await ui.getByRole('button', { name: 'Settings' }).click()
    await ui.getByRole('textbox', { name: 'Kit name' }).fill('Acme')
    await ui.getByRole('button', { name: 'Make brand kit' }).click()
    const pages = page.getByRole('combobox', { name: 'Page' })
    await expect.poll(() => pages.locator('option').allTextContents(), { timeout: 10_000 }).toEqual(['Page 1', 'Brand kit: Acme'])
    expect(await pages.locator('option:checked').textContent()).toBe('Page 1')
    expect(await named()).toEqual(onPage1)
    await pages.selectOption({ label: 'Brand kit: Acme' })
    await expect.poll(named).toContain('Note')
    expect(await named()).not.toContain('Image 1')
    await pages.selectOption({ label: 'Page 1' })
    await expect.poll(named).toEqual(onPage1)
    await page.context().close()
  })

  it('draws an edit masked to its shape, and the edit’s relaunch buttons run the plugin again for it', async () => {
    const page = await openAsync()
    const ui = await saveKeyAsync(page)
    await page.getByRole('button', { name: 'Add image' }).click()
    await layer(page, 'Image 1').waitFor()
    await page.getByRole('button', { name: 'Add ellipse' }).click()
    const ellipse = await boxOf(layer(page, 'Ellipse 1'))
    await expect.poll(async () => near(await pixelAt(page, middleOf(ellipse)), SHAPE_GREY, 2)).toBe(true)
    await expect.poll(async () => (await pixelAt(page, cornerOf(ellipse)))[3]).toBe(255)
    const picture = await pixelAt(page, cornerOf(ellipse))

    await ui.getByRole('textbox', { name: 'Prompt' }).fill('A red balloon')
    await ui.getByRole('button', { name: /^Edit area/ }).click()
    const edits = page.locator('#layers .node.top[data-name$="edited area"]')
    await edits.first().waitFor({ timeout: 10_000 })
    // The answer shows inside the ellipse; outside it, in the ellipse's box, the picture is as it was.
    await expect.poll(async () => near(await pixelAt(page, middleOf(ellipse)), SHAPE_GREY)).toBe(false)
    expect(near(await pixelAt(page, cornerOf(ellipse)), picture)).toBe(true)

    await edits.first().click()
    const buttons = page.getByRole('group', { name: 'Riverflow for Figma relaunch buttons' }).getByRole('button')
    expect(await buttons.allTextContents()).toEqual(['Regenerate', 'More like this', 'Edit prompt'])
    await buttons.filter({ hasText: 'More like this' }).click()
    // Figma runs the plugin for that command with the edit selected: another edit of the same area, above it.
    await expect.poll(() => edits.count(), { timeout: 10_000 }).toBe(2)
    await page.context().close()
  })
})
