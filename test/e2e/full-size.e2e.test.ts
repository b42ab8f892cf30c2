import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { decodePng } from '../images/png'
import { coordinatePixel, imageUrl } from '../openrouter-stand-in/answer-images'
import { TEST_KEY } from '../openrouter-stand-in/server'
import type { PluginSession } from './harness'
import { openOptionsAsync } from './panel-actions'
import { useBrowserSuite } from './suite'

// A 4K 16:9 answer is 5120×2880, over Figma's 4096 px: it lands shrunk with its original to
// download, or with Keep full resolution in tiles that together hold every one of its pixels.
const suite = useBrowserSuite()

const SIZE = { width: 5120, height: 2880 }
const PROMPT = 'A wide mountain panorama'
/** The bytes the stand-in answers with (its images are made once per size and look, and kept). */
const answerBytes = (coordinates: boolean) => Buffer.from(imageUrl(SIZE, false, coordinates).split(',')[1], 'base64')

async function generate4kAsync(session: PluginSession, keepFullResolution: boolean) {
  await openOptionsAsync(session.ui)
  await session.ui.getByRole('combobox', { name: 'Model' }).selectOption('sourceful/riverflow-v2-pro')
  // A tier rather than Fit the frame: then the ratio is the designer's to choose.
  await session.ui.getByRole('combobox', { name: 'Size' }).selectOption('4K')
  await session.ui.getByRole('combobox', { name: 'Aspect ratio' }).selectOption('16:9')
  if (keepFullResolution) await session.ui.getByRole('checkbox', { name: 'Keep full resolution' }).check()
  await session.ui.getByRole('textbox', { name: 'Prompt' }).fill(PROMPT)
  await session.ui.getByRole('button', { name: /^Generate/ }).click()
}

/** Presses Download full size and answers the bytes the browser saved, and the file's name. */
async function downloadFullSizeAsync(session: PluginSession) {
  const [download] = await Promise.all([session.page.waitForEvent('download'), session.ui.getByRole('button', { name: 'Download full size' }).click()])
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) }
}

/** What went on the page: each top layer with its tiles (their place within it and their image's bytes, as base64). */
const placedLayers = (session: PluginSession) =>
  session.figma((fake) => {
    const base64 = (bytes: Uint8Array) => {
      let text = ''
      for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
      return btoa(text)
    }
    return fake.page.children.map((layer) => ({
      type: layer.type,
      name: layer.name,
      box: [layer.x, layer.y, layer.width, layer.height],
      record: layer.getPluginData('riverflow') !== '',
      relaunch: Object.keys(layer.getRelaunchData()),
      tiles: layer.type !== 'GROUP' ? [] : layer.children.map((tile) => ({
        rect: { x: tile.x - layer.x, y: tile.y - layer.y, width: tile.width, height: tile.height },
        png: base64(fake.images.get(tile.fills[0].imageHash!)!.bytes),
      })),
    }))
  })

/** How many pixels of the tiles differ from the answer's pixel at the same place in the whole image. */
function pixelsOff(tiles: { rect: { x: number; y: number }; width: number; height: number; rgba: Uint8Array }[]): number {
  let off = 0
  for (const { rect, width, height, rgba } of tiles) {
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const want = coordinatePixel(rect.x + x, rect.y + y)
        const i = (y * width + x) * 4
        if (rgba[i] !== want[0] || rgba[i + 1] !== want[1] || rgba[i + 2] !== want[2] || rgba[i + 3] !== want[3]) off++
      }
    }
  }
  return off
}

describe('images larger than Figma takes', () => {
  it('offers Keep full resolution only with a model that makes 4K, the one size larger than Figma takes', async () => {
    const session = await suite.open({ key: TEST_KEY })
    const checkbox = session.ui.getByRole('checkbox', { name: 'Keep full resolution' })
    await openOptionsAsync(session.ui)
    await session.ui.getByRole('combobox', { name: 'Model' }).selectOption('sourceful/riverflow-v2-fast')
    expect(await checkbox.count()).toBe(0)
    await session.ui.getByRole('combobox', { name: 'Model' }).selectOption('sourceful/riverflow-v2-pro')
    expect(await checkbox.count()).toBe(1)
    // What it changes is said before it is ticked, as after.
    const field = session.ui.locator('.field').filter({ has: checkbox })
    expect(await field.textContent()).toContain('An image over 4096 px is scaled down to fit Figma; the panel keeps its original to download.')
    await checkbox.check()
    expect(await field.textContent()).toContain('An image over 4096 px goes on a new layer as tiles, every pixel kept.')
    await session.close()
  })

  it('lands a 5120×2880 answer shrunk, and Download full size saves the very bytes of the answer', async () => {
    const session = await suite.open({ key: TEST_KEY })
    await generate4kAsync(session, false)
    await expect.poll(() => session.ui.getByText(/Scaled down from 5120×2880 to 4096×2304/).count(), { timeout: 30_000 }).toBe(1)
    expect((await placedLayers(session)).map((l) => [l.type, l.box[2], l.box[3]])).toEqual([['RECTANGLE', 4096, 2304]])
    const saved = await downloadFullSizeAsync(session)
    expect(saved.name).toBe(`${PROMPT} (full size).png`)
    expect(saved.bytes.equals(answerBytes(false))).toBe(true)
    await session.close()
  })

  it('keeps an earlier original reachable after the next job: listed with its own Download while the panel is open', async () => {
    const session = await suite.open({ key: TEST_KEY })
    await generate4kAsync(session, false)
    await expect.poll(() => session.ui.getByText(/Scaled down from 5120×2880/).count(), { timeout: 30_000 }).toBe(1)
    // The next job's result line no longer mentions the first image. The first is selected as it lands: nothing selected for the next.
    await session.figma((fake) => fake.select())
    await openOptionsAsync(session.ui)
    await session.ui.getByRole('combobox', { name: 'Size' }).selectOption('1K')
    await session.ui.getByRole('textbox', { name: 'Prompt' }).fill('A small sketch')
    await session.ui.getByRole('button', { name: /^Generate/ }).click()
    await expect.poll(() => session.figma((fake) => fake.page.children.length), { timeout: 30_000 }).toBe(2)
    await expect.poll(() => session.ui.getByText(/Scaled down from/).count()).toBe(0)
    await session.ui.getByText(/Full-size originals from earlier \(1\)/).click()
    const [download] = await Promise.all([
      session.page.waitForEvent('download'),
      session.ui.getByRole('button', { name: `Download ${PROMPT} at full size` }).click(),
    ])
    expect((await readFile(await download.path())).equals(answerBytes(false))).toBe(true)
  })

  it.each([
    ['in the image worker', undefined, { worker: '2', main: null }],
    // A browser that refuses the worker: the main thread shrinks and cuts.
    ['on the main thread', `window.Worker = class { constructor() { throw new DOMException('No workers here', 'SecurityError') } }`, { worker: null, main: '2' }],
  ])('with Keep full resolution, lands a 5120×2880 answer as tiles that hold every pixel (cut %s)', async (_, uiInitScript, jobs) => {
    const session = await suite.open({ key: TEST_KEY, uiInitScript })
    suite.standIn.enqueue({ kind: 'success', size: SIZE, coordinates: true })
    await generate4kAsync(session, true)
    await expect.poll(() => session.ui.getByText(/Kept at full resolution: 5120×2880 in 2 tiles/).count(), { timeout: 40_000 }).toBe(1)

    const [group, ...others] = await placedLayers(session)
    expect(others).toEqual([])
    expect(group).toMatchObject({ type: 'GROUP', name: PROMPT, record: true, relaunch: ['regenerate', 'more-like-this', 'edit-prompt'] })
    expect(group.box.slice(2)).toEqual([SIZE.width, SIZE.height])
    // Each tile within Figma's limit, at its pixel size, the two abutting: together the whole image, no overlap.
    const tiles = group.tiles.map(({ rect, png }) => ({ rect, ...decodePng(Buffer.from(png, 'base64')) }))
    expect(tiles.map((t) => [t.rect, t.width, t.height])).toEqual([
      [{ x: 0, y: 0, width: 2560, height: 2880 }, 2560, 2880],
      [{ x: 2560, y: 0, width: 2560, height: 2880 }, 2560, 2880],
    ])
    // Every pixel where it belongs, the transparent rows still transparent.
    expect(pixelsOff(tiles)).toBe(0)
    expect(await session.figma((fake) => fake.undoSteps())).toBe(1)
    expect({
      worker: await session.ui.locator('html').getAttribute('data-image-jobs-worker'),
      main: await session.ui.locator('html').getAttribute('data-image-jobs-main'),
    }).toEqual(jobs)

    const saved = await downloadFullSizeAsync(session)
    expect(saved.bytes.equals(answerBytes(true))).toBe(true)
    await session.close()
  })

  it('with Keep full resolution, puts tiles meant to fill a layer beside it instead, and says so', async () => {
    const session = await suite.open({ key: TEST_KEY, setup: (fake) => fake.select(fake.addFrame({ name: 'Hero', x: 0, y: 0, width: 1600, height: 900 })) })
    await session.ui.getByText('As the fill of “Hero”.').waitFor()
    await generate4kAsync(session, true)
    await expect.poll(() => session.ui.getByText(/in 2 tiles, grouped on a new layer \(tiles cannot fill a layer\)/).count(), { timeout: 40_000 }).toBe(1)
    const [hero, group] = await placedLayers(session)
    expect(await session.figma((fake) => fake.page.children[0].fills.length)).toBe(0)
    expect(hero).toMatchObject({ type: 'FRAME', name: 'Hero' })
    expect(group).toMatchObject({ type: 'GROUP', box: [1600 + 40, 0, 5120, 2880] })
    await session.close()
  })
})
