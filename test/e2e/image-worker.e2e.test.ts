import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { encodePng } from '../images/png'
import { TEST_KEY } from '../openrouter-stand-in/server'
import type { PluginSession } from './harness'
import { openOptionsAsync, pressActionAsync } from './panel-actions'
import { useBrowserSuite } from './suite'

// The UI's image work (encoding frames for the request, writing each request's body, reading each
// answer's body and its image, re-encoding answers for Figma) runs in a worker started from a
// data: URL; where the worker cannot run, the main thread does it as before.
const suite = useBrowserSuite()

/** In the UI's iframe before it starts: a browser that refuses the worker outright. */
const WORKER_THROWS = `window.Worker = class { constructor() { throw new DOMException('Workers are not allowed here', 'SecurityError') } }`
/** A worker refused after construction, with an 'error' event (as Figma refuses a blob: worker). */
const WORKER_ERRORS = `window.Worker = class extends Worker { constructor() { super('data:text/javascript,throw new Error("refused")') } }`

// A 4K answer wider than Figma takes, with transparency: the left quarter clear, a band half
// transparent, the rest opaque. Sent as a link, as a provider may answer.
const WIDE = { width: 4200, height: 96 }
const WIDE_URL = 'https://images.example.test/gen/wide-transparent.png'
const WIDE_PNG = encodePng(WIDE.width, WIDE.height, (x, y) => [(x >> 4) & 0xff, (y * 2) & 0xff, 140, x < 1050 ? 0 : x < 1400 ? 128 : 255])

/** Compared by digest: a failure then prints two short lines, not megabytes of base64. */
const digest = (text: string) => createHash('sha256').update(text).digest('hex')

interface RunResult {
  /** The request bodies as the stand-in got them: the first one's input image, and a digest of each body. */
  input: string
  requests: string[]
  /** A digest of the bytes of every image Figma got. */
  images: string[]
  /** The alpha of three pixels of the shrunk answer, as Figma got it: clear, half, opaque. */
  alpha: number[]
  /** The image jobs each path ran (the UI's data-image-jobs-* attributes). */
  jobs: { worker: string | null; main: string | null }
  /** The answers each path read (data-answer-jobs-*). */
  answers: { worker: string | null; main: string | null }
  /** The request bodies each path wrote (data-body-jobs-*). */
  bodies: { worker: string | null; main: string | null }
}

/** The alpha of a few pixels of the first placed image, decoded by the browser. */
const alphaAt = (session: PluginSession, points: [number, number][]) =>
  session.figma(async (fake, at) => {
    const bytes = [...fake.images.values()][0].bytes
    const bitmap = await createImageBitmap(new Blob([bytes as BlobPart]), { premultiplyAlpha: 'none' })
    const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!
    context.drawImage(bitmap, 0, 0)
    return at.map(([x, y]) => context.getImageData(x, y, 1, 1).data[3])
  }, points)

/**
 * Refines a photo frame, with a flat frame as a reference (both holding a layer of the designer's:
 * pictures, not empty frames; their exports encoded for the request),
 * answered by the wide transparent PNG (shrunk for Figma); then a new image answered in WebP
 * (re-encoded as PNG).
 */
async function refineAndCreateAsync(uiInitScript?: string): Promise<RunResult> {
  suite.standIn.reset()
  const session = await suite.open({
    key: TEST_KEY,
    uiInitScript,
    setup: (fake) => {
      fake.select(fake.addLayout({ name: 'Photo', x: 0, y: 0, width: 600, height: 400, content: 'photo' }), fake.addLayout({ name: 'Detail', x: 0, y: 500, width: 300, height: 300 }))
    },
  })
  await session.page.route(WIDE_URL, (route) =>
    route.fulfill({ status: 200, contentType: 'image/png', headers: { 'Access-Control-Allow-Origin': '*' }, body: Buffer.from(WIDE_PNG) }),
  )
  const { ui } = session
  suite.standIn.enqueue({ kind: 'https-url', url: WIDE_URL }, { kind: 'webp' })
  await ui.getByRole('textbox', { name: 'Prompt' }).fill('Make it a rainy evening')
  // One request: the photo as the input, Detail as its reference.
  await openOptionsAsync(ui)
  expect(await ui.getByRole('combobox', { name: 'Role of Detail' }).inputValue()).toBe('reference')
  await pressActionAsync(ui, 'Combine into one')
  await expect.poll(() => ui.getByText(/Scaled down from 4200×96 to 4096×94/).count(), { timeout: 20_000 }).toBe(1)

  // Then a new image of its own: nothing selected.
  await session.figma((fake) => fake.select())
  await ui.getByRole('button', { name: /^Generate/ }).click()
  await expect.poll(() => session.figma((fake) => fake.images.size), { timeout: 20_000 }).toBe(2)

  const result: RunResult = {
    input: (suite.standIn.generations()[0].body as { messages: { content: { image_url?: { url: string } }[] }[] }).messages[0].content[1].image_url!.url.slice(0, 30),
    requests: suite.standIn.generations().map((g) => digest(JSON.stringify(g.body))),
    images: (await session.figma((fake) => [...fake.images.values()].map((image) => btoa(Array.from(image.bytes, (b) => String.fromCharCode(b)).join(''))))).map(digest),
    alpha: await alphaAt(session, [
      [10, 10],
      [1200, 50],
      [3000, 90],
    ]),
    jobs: {
      worker: await ui.locator('html').getAttribute('data-image-jobs-worker'),
      main: await ui.locator('html').getAttribute('data-image-jobs-main'),
    },
    answers: {
      worker: await ui.locator('html').getAttribute('data-answer-jobs-worker'),
      main: await ui.locator('html').getAttribute('data-answer-jobs-main'),
    },
    bodies: {
      worker: await ui.locator('html').getAttribute('data-body-jobs-worker'),
      main: await ui.locator('html').getAttribute('data-body-jobs-main'),
    },
  }
  await session.close()
  return result
}

describe('the image worker', () => {
  it('encodes frames and re-encodes answers byte for byte as the main thread does, alpha kept', async () => {
    const inWorker = await refineAndCreateAsync()
    const onMain = await refineAndCreateAsync(WORKER_THROWS)

    // Every encode and re-encode went where it should: the worker, or else the main thread alone.
    expect(Number(inWorker.jobs.worker)).toBeGreaterThanOrEqual(3)
    expect(inWorker.jobs.main).toBeNull()
    expect(onMain.jobs.worker).toBeNull()
    expect(Number(onMain.jobs.main)).toBe(Number(inWorker.jobs.worker))
    // Both answers' bodies (a link, then a WebP as base64) were read off the panel's main thread.
    expect(inWorker.answers).toEqual({ worker: '2', main: null })
    expect(onMain.answers).toEqual({ worker: null, main: '2' })
    // Both requests' bodies were written off it too, and the stand-in got the same JSON either way.
    expect(inWorker.bodies).toEqual({ worker: '2', main: null })
    expect(onMain.bodies).toEqual({ worker: null, main: '2' })

    expect(inWorker.requests).toHaveLength(2)
    expect(inWorker.input).toMatch(/^data:image\/jpeg;base64,/)
    expect(inWorker.requests).toEqual(onMain.requests)
    expect(inWorker.images).toHaveLength(2)
    expect(inWorker.images).toEqual(onMain.images)
    // The shrunk answer keeps its transparency.
    expect(inWorker.alpha).toEqual([0, 128, 255])
  })

  it('falls back to the main thread when the worker errors before it answers', async () => {
    const result = await refineAndCreateAsync(WORKER_ERRORS)
    expect(result.jobs.worker).toBeNull()
    expect(Number(result.jobs.main)).toBeGreaterThanOrEqual(3)
    expect(result.answers).toEqual({ worker: null, main: '2' })
    expect(result.bodies).toEqual({ worker: null, main: '2' })
    expect(result.images).toHaveLength(2)
  })
})

/** What Expand sent: a digest of its input, its size and a few of its pixels, decoded by the browser; and where its canvas was drawn. */
interface ExpandInput {
  digest: string
  width: number
  height: number
  /** RGBA at the left edge (the part to continue) and in the middle (the shot). */
  edge: number[]
  middle: number[]
  canvasJobs: { worker: string | null; main: string | null }
}

/** Expand on a 1200×628 banner frame holding a 628×628 product shot in its middle, on `model`. */
async function expandAsync(model: string, uiInitScript?: string): Promise<ExpandInput> {
  suite.standIn.reset()
  const session = await suite.open({
    key: TEST_KEY,
    uiInitScript,
    setupArg: model,
    setup: async (fake, model) => {
      fake.storage.set('saved-state', { settings: { model } })
      const frame = fake.addFrame({ name: 'Banner', x: 0, y: 0, width: 1200, height: 628 })
      await fake.addPhoto({ name: 'Product', x: 286, y: 0, width: 628, height: 628 }, frame)
      fake.select(frame)
    },
  })
  await session.ui.getByRole('button', { name: 'Expand', exact: true }).click()
  await expect.poll(() => session.figma((fake) => fake.allNodes().find((n) => n.name === 'Banner')!.children.length), { timeout: 20_000 }).toBe(2)
  const body = suite.standIn.generations()[0].body as { messages?: { content: { image_url?: { url: string } }[] }[]; image?: string; images?: string[] }
  const url = JSON.stringify(body).match(/data:image\/[a-z]+;base64,[A-Za-z0-9+/=]+/)![0]
  const pixels = await session.page.evaluate(async (url) => {
    const bitmap = await createImageBitmap(await (await fetch(url)).blob(), { premultiplyAlpha: 'none' })
    const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!
    context.drawImage(bitmap, 0, 0)
    const at = (x: number, y: number) => [...context.getImageData(x, y, 1, 1).data]
    return { width: bitmap.width, height: bitmap.height, edge: at(4, bitmap.height >> 1), middle: at(bitmap.width >> 1, bitmap.height >> 1) }
  }, url)
  const result = {
    digest: digest(url),
    ...pixels,
    canvasJobs: {
      worker: await session.ui.locator('html').getAttribute('data-canvas-jobs-worker'),
      main: await session.ui.locator('html').getAttribute('data-canvas-jobs-main'),
    },
  }
  await session.close()
  return result
}

describe('the input canvas', () => {
  it('is drawn in the worker for Expand, the same pixels as the main thread draws: transparent around the shot, or the named colour', async () => {
    const inWorker = await expandAsync('sourceful/riverflow-v2.5-fast')
    const onMain = await expandAsync('sourceful/riverflow-v2.5-fast', WORKER_THROWS)
    expect(inWorker.canvasJobs).toEqual({ worker: '1', main: null })
    expect(onMain.canvasJobs).toEqual({ worker: null, main: '1' })
    expect(inWorker.width / inWorker.height).toBeCloseTo(1200 / 628, 2)
    // The part to continue is clear; the shot is there, opaque.
    expect(inWorker.edge[3]).toBe(0)
    expect(inWorker.middle[3]).toBe(255)
    expect(inWorker.middle.slice(0, 3)).not.toEqual([0, 0, 0])
    expect(inWorker.digest).toBe(onMain.digest)

    // A model that may not read transparency: the rest is the colour the instruction names.
    const marked = await expandAsync('sourceful/riverflow-v2-fast')
    expect(marked.canvasJobs).toEqual({ worker: '1', main: null })
    expect(marked.edge).toEqual([0, 255, 0, 255])
    expect(marked.middle).toEqual(inWorker.middle)
  })
})

describe('Expand’s input canvas for a shot Figma draws larger than its box', () => {
  it('draws a shot with a drop shadow where Figma draws it: the shot’s own pixels at its place, its shadow beside it', async () => {
    suite.standIn.reset()
    const session = await suite.open({
      key: TEST_KEY,
      setup: async (fake) => {
        fake.storage.set('saved-state', { settings: { model: 'sourceful/riverflow-v2.5-fast' } })
        const frame = fake.addFrame({ name: 'Banner', x: 0, y: 0, width: 1200, height: 628 })
        const shot = await fake.addPhoto({ name: 'Product', x: 286, y: 0, width: 628, height: 628 }, frame)
        // Its export covers (286, 0) to (944, 658) in the frame: the shot, and the shadow 30 px past its right and bottom edges.
        shot.effects = [{ type: 'DROP_SHADOW', visible: true, radius: 10, offset: { x: 20, y: 20 } }]
        fake.select(frame)
      },
    })
    await session.ui.getByRole('button', { name: 'Expand', exact: true }).click()
    await expect.poll(() => suite.standIn.generations().length, { timeout: 20_000 }).toBe(1)
    const url = JSON.stringify(suite.standIn.generations()[0].body).match(/data:image\/[a-z]+;base64,[A-Za-z0-9+/=]+/)![0]
    // The alpha at points of the frame: inside the shot by its right edge (x 914), and in its shadow past it.
    const alpha = await session.page.evaluate(
      async ({ url, points }) => {
        const bitmap = await createImageBitmap(await (await fetch(url)).blob(), { premultiplyAlpha: 'none' })
        const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!
        context.drawImage(bitmap, 0, 0)
        const scale = bitmap.width / 1200
        return points.map(([x, y]) => context.getImageData(Math.floor(x * scale), Math.floor(y * scale), 1, 1).data[3])
      },
      {
        url,
        points: [
          [600, 300],
          [905, 300],
          [925, 300],
          [1000, 300],
        ],
      },
    )
    await session.close()
    // The shot opaque to its edge, the fake's shadow (alpha 64) past it, then the part to continue, clear.
    expect(alpha).toEqual([255, 255, 64, 0])
  })
})
