import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ANSWER_SHAPES, TEST_KEY } from '../openrouter-stand-in/server'
import type { PluginSession } from './harness'
import type { FakeFigmaView } from './fake-view'
import { openOptionsAsync } from './panel-actions'
import { useBrowserSuite } from './suite'

// What only a real browser can do: decode, shrink and re-encode images on a canvas.
const suite = useBrowserSuite()

async function generateAsync(session: PluginSession, prompt: string) {
  await session.ui.getByRole('textbox', { name: 'Prompt' }).fill(prompt)
  await session.ui.getByRole('button', { name: /^Generate/ }).click()
}

/** Figma refuses the first createImage (as it might for a file it cannot read), then takes every one. Runs in the page: its source is sent. */
const refuseFirstImage = (fake: FakeFigmaView) => {
  const createImage = fake.figma.createImage.bind(fake.figma)
  let calls = 0
  fake.figma.createImage = (bytes: Uint8Array) => {
    if (++calls === 1) throw new Error('Image type is unsupported')
    return createImage(bytes)
  }
}

/** Which path re-encoded the answers: the image worker's jobs, and the main thread's (null: none). */
const imageJobs = async (session: PluginSession) => ({
  worker: await session.ui.locator('html').getAttribute('data-image-jobs-worker'),
  main: await session.ui.locator('html').getAttribute('data-image-jobs-main'),
})

/** The format and size of the image in each layer's fill, read from the bytes Figma got. */
const placedImages = (session: PluginSession) =>
  session.figma((fake) =>
    fake.page.children.map((node) => {
      const bytes = fake.images.get(node.fills[0].imageHash!)!.bytes
      const png = bytes[0] === 0x89 && bytes[1] === 0x50
      const view = new DataView(bytes.buffer, bytes.byteOffset)
      return { png, width: png ? view.getUint32(16) : 0, height: png ? view.getUint32(20) : 0, layer: [node.width, node.height] }
    }),
  )

describe('images Figma would refuse as they come', () => {
  it('shrinks a 4K 16:9 answer (5120×2880) to 4096 px and says so', async () => {
    const session = await suite.open({ key: TEST_KEY })
    await openOptionsAsync(session.ui)
    await session.ui.getByRole('combobox', { name: 'Model' }).selectOption('sourceful/riverflow-v2-pro')
    await session.ui.getByRole('combobox', { name: 'Aspect ratio' }).selectOption('16:9')
    await session.ui.getByRole('combobox', { name: 'Size' }).selectOption('4K')
    expect(await session.ui.getByLabel('Estimated cost').textContent()).toBe('$0.33')
    await generateAsync(session, 'A wide mountain panorama')
    await expect.poll(() => session.ui.getByText(/Scaled down from 5120×2880 to 4096×2304/).count(), { timeout: 20_000 }).toBe(1)
    expect(await placedImages(session)).toEqual([{ png: true, width: 4096, height: 2304, layer: [4096, 2304] }])
    // Shrunk off the main thread, so the panel stays responsive meanwhile.
    expect(await imageJobs(session)).toEqual({ worker: '1', main: null })
    await session.close()
  })

  it('re-encodes a WebP answer as PNG', async () => {
    const session = await suite.open({ key: TEST_KEY })
    suite.standIn.enqueue({ kind: 'webp' })
    await generateAsync(session, 'A gradient')
    await expect.poll(() => session.figma((fake) => fake.page.children.length), { timeout: 10_000 }).toBe(1)
    expect(await placedImages(session)).toEqual([{ png: true, width: 640, height: 480, layer: [640, 480] }])
    expect(await imageJobs(session)).toEqual({ worker: '1', main: null })
    await session.close()
  })

  it('places every image of an answer, side by side', async () => {
    const session = await suite.open({ key: TEST_KEY })
    suite.standIn.enqueue({ kind: 'success', images: 3 })
    await generateAsync(session, 'Three variations')
    await expect.poll(() => session.figma((fake) => fake.page.children.length), { timeout: 10_000 }).toBe(3)
    const xs = await session.figma((fake) => fake.page.children.map((n) => n.x))
    expect(xs[1] - xs[0]).toBe(1024 + 40)
    expect(xs[2] - xs[1]).toBe(1024 + 40)
    expect(await session.figma((fake) => fake.undoSteps())).toBe(3)
    await session.close()
  })

  it('keeps a paid image that Figma refused, with Retry and Download', async () => {
    const session = await suite.open({ key: TEST_KEY, setup: refuseFirstImage })
    await generateAsync(session, 'A paid image')
    const kept = session.ui.getByRole('region', { name: 'Images not placed' })
    await expect.poll(() => kept.textContent(), { timeout: 10_000 }).toMatch(/format is not PNG, JPEG or GIF/)
    const [download] = await Promise.all([session.page.waitForEvent('download'), kept.getByRole('button', { name: 'Download' }).click()])
    expect(download.suggestedFilename()).toBe('A paid image.png')
    await kept.getByRole('button', { name: 'Retry' }).click()
    await expect.poll(() => session.figma((fake) => fake.page.children.length)).toBe(1)
    expect(await kept.count()).toBe(0)
    expect(suite.standIn.generations()).toHaveLength(1)
    await session.close()
  })

  it('says a kept image placed by its Retry while another job runs, which counts it not', async () => {
    const session = await suite.open({ key: TEST_KEY, setup: refuseFirstImage })
    await generateAsync(session, 'A red fox')
    const kept = session.ui.getByRole('region', { name: 'Images not placed' })
    await kept.getByRole('button', { name: 'Retry' }).waitFor({ timeout: 10_000 })
    // The next job stays with OpenRouter while the kept image is placed.
    suite.standIn.enqueue({ kind: 'success', delayMs: 30_000 })
    await generateAsync(session, 'A grey wolf')
    await session.ui.getByRole('button', { name: 'Cancel' }).waitFor()
    await kept.getByRole('button', { name: 'Retry' }).click()
    await session.ui.getByRole('status').filter({ hasText: 'Placed “A red fox” from the kept images.' }).waitFor({ timeout: 10_000 })
    expect(await kept.count()).toBe(0)
    await session.ui.getByRole('button', { name: 'Cancel' }).click()
    await session.close()
  })

  it('keeps the message of an image that does not decode', async () => {
    const session = await suite.open({ key: TEST_KEY })
    suite.standIn.enqueue({ kind: 'bad-image' })
    await generateAsync(session, 'Broken')
    const kept = session.ui.getByRole('region', { name: 'Images not placed' })
    await expect.poll(() => kept.textContent(), { timeout: 10_000 }).toMatch(/could not be decoded/)
    // The worker could not decode it either: the main thread had the last word, with today's message.
    expect(await imageJobs(session)).toEqual({ worker: null, main: '1' })
    await session.close()
  })
})

describe('answers in every shape OpenRouter gives them', () => {
  let session: PluginSession
  beforeAll(async () => {
    session = await suite.open({ key: TEST_KEY })
  })
  afterAll(() => session?.close())

  it.each(ANSWER_SHAPES)('places the image of an answer in the %s shape', async (shape) => {
    suite.standIn.enqueue({ kind: 'odd-shape', shape })
    await generateAsync(session, 'A paid image')
    await expect.poll(() => session.figma((fake) => fake.page.children.length), { timeout: 10_000 }).toBe(1)
    expect(await placedImages(session)).toEqual([{ png: true, width: 1024, height: 1024, layer: [1024, 1024] }])
    await session.figma((fake) => fake.page.children.forEach((n) => n.remove()))
  })
})
