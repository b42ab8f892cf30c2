import { describe, expect, it } from 'vitest'
import { readImageInfo } from '../images/png'
import { TEST_KEY } from '../openrouter-stand-in/server'
import type { PluginSession } from './harness'
import { useBrowserSuite } from './suite'

// Edit area on the geometry Figma really has: a line with no area, a rotated image or shape,
// an image whose export is larger than it (a stroke outside, a shadow), a region whose shape
// must be the request's, and an answer that comes back another shape. Checked on real pixels.
const suite = useBrowserSuite()

type Box = { x: number; y: number; width: number; height: number }
type Body = { messages: { content: { type: string; image_url?: { url: string } }[] }[]; image_config: Record<string, unknown> }

interface Scene {
  image: Box & { content?: 'flat' | 'photo'; rotation?: number; strokeOutside?: number; shadow?: boolean }
  shape: Box & { kind: 'rectangle' | 'ellipse' | 'vector'; rotation?: number; fillOpacity?: number }
}

/** “Table shot”, an image on the page, and “Area” drawn over it, both selected. */
const openScene = (scene: Scene, uiInitScript?: string) =>
  suite.open({
    key: TEST_KEY,
    uiInitScript,
    setupArg: scene,
    setup: async (fake, { image, shape }) => {
      const photo = await fake.addPhoto({ name: 'Table shot', x: image.x, y: image.y, width: image.width, height: image.height, content: image.content ?? 'flat' })
      photo.rotation = image.rotation ?? 0
      if (image.strokeOutside) {
        photo.strokes = [{ type: 'SOLID' }]
        photo.strokeWeight = image.strokeOutside
        photo.strokeAlign = 'OUTSIDE'
      }
      if (image.shadow) photo.effects = [{ type: 'DROP_SHADOW', visible: true, radius: 10, offset: { x: 20, y: 20 } }]
      const { kind, rotation, fillOpacity, ...box } = shape
      const drawn = kind === 'ellipse' ? fake.addEllipse({ name: 'Area', ...box }) : kind === 'vector' ? fake.addVector({ name: 'Area', ...box }) : fake.addRectangle({ name: 'Area', ...box })
      drawn.rotation = rotation ?? 0
      if (fillOpacity !== undefined) drawn.fills = [{ type: 'SOLID', color: { r: 1, g: 0, b: 0 }, opacity: fillOpacity }]
      fake.select(photo, drawn)
    },
  })

/** A panel where the image worker cannot start: its work is done on the main thread instead. */
const REFUSE_WORKERS = `window.Worker = class { constructor() { throw new DOMException('Workers are not allowed here', 'SecurityError') } }`

/** Small, so that the fake's exports at an area's density stay quick to draw. */
const PHOTO = { x: 0, y: 0, width: 400, height: 300 }

const editGroupCount = (session: PluginSession) => session.figma((fake) => fake.page.children.filter((n) => n.type === 'GROUP').length)

/** Opens the scene, presses Erase area and waits for the edit to land in its group. */
async function eraseAsync(scene: Scene, uiInitScript?: string): Promise<PluginSession> {
  const session = await openScene(scene, uiInitScript)
  await session.ui.getByRole('button', { name: 'Erase area' }).click()
  await expect.poll(() => editGroupCount(session), { timeout: 20_000 }).toBe(1)
  return session
}

/** The edit's answer layer (in its group) and its image's pixel size. */
const placedAnswer = (session: PluginSession) =>
  session.figma((fake) => {
    const answer = fake.page.children.find((n) => n.type === 'GROUP')!.children[1]
    const image = fake.images.get(answer.fills[0].imageHash!)!
    return { x: answer.x, y: answer.y, width: answer.width, height: answer.height, image: { width: image.width, height: image.height } }
  })

/**
 * The edit's pixels at points on the page, as Figma shows its FILL image in its
 * layer: scaled to cover the layer, centred, the rest cropped.
 */
const answerPixelsAt = (session: PluginSession, points: [number, number][]) =>
  session.figma(async (fake, at) => {
    const answer = fake.page.children.find((n) => n.type === 'GROUP')!.children[1]
    const image = fake.images.get(answer.fills[0].imageHash!)!
    const bitmap = await createImageBitmap(new Blob([image.bytes as BlobPart]), { premultiplyAlpha: 'none' })
    const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!
    context.drawImage(bitmap, 0, 0)
    const scale = Math.max(answer.width / bitmap.width, answer.height / bitmap.height)
    const crop = { x: (bitmap.width * scale - answer.width) / 2, y: (bitmap.height * scale - answer.height) / 2 }
    return at.map(([x, y]) => {
      const px = Math.floor((x - answer.x + crop.x) / scale)
      const py = Math.floor((y - answer.y + crop.y) / scale)
      return [...context.getImageData(px, py, 1, 1).data]
    })
  }, points)

const inputUrl = () => (suite.standIn.generations()[0].body as Body).messages[0].content.find((part) => part.image_url)!.image_url!.url

describe('Edit area on the geometry Figma has', () => {
  it('says a straight pen line has no area, offering nothing to erase, and sends nothing', async () => {
    const session = await openScene({ image: PHOTO, shape: { kind: 'vector', x: 50, y: 150, width: 300, height: 0 } })
    await session.ui.getByRole('button', { name: 'Erase area' }).click()
    await expect.poll(() => session.ui.getByRole('alert').first().textContent()).toMatch(/The shape “Area” has no area: draw a closed shape over the part to change\./)
    expect(suite.standIn.generations()).toHaveLength(0)
  })

  it('refuses a rotated image before sending, and says what to do', async () => {
    const session = await openScene({ image: { ...PHOTO, rotation: 30 }, shape: { kind: 'ellipse', x: 150, y: 100, width: 100, height: 100 } })
    await session.ui.getByRole('button', { name: 'Erase area' }).click()
    await expect.poll(() => session.ui.getByRole('alert').first().textContent()).toMatch(/“Table shot” is rotated or flipped on the canvas \(or its frame is\), and Edit area needs it upright: set its rotation to 0°/)
    expect(suite.standIn.generations()).toHaveLength(0)
  })

  // Points on the page: where the edit shows whole, where it shows at all (its soft edge), where nothing.
  it.each<[string, Scene['shape'], { whole: [number, number][]; some: [number, number][]; none: [number, number][] }]>([
    // A 200×100 ellipse at (100, 100): its middle (200, 150); its box's corner (105, 105) and past its end (95, 150) outside it.
    ['an ellipse, by its curve and not its box', { kind: 'ellipse', x: 100, y: 100, width: 200, height: 100 }, { whole: [[200, 150]], some: [], none: [[105, 105], [95, 150]] }],
    // A 100×100 square turned 45° at (150, 150): a diamond from x 150 to 291.4, its middle at (220.7, 150);
    // near its left tip the edit fades in, past its right tip and in the corner of its box nothing shows.
    ['a rotated square, where it is drawn', { kind: 'rectangle', x: 150, y: 150, width: 100, height: 100, rotation: 45 }, { whole: [[220.7, 150]], some: [[168, 150]], none: [[302, 150], [155, 85]] }],
  ])('masks the edit by %s', async (_name, shape, expected) => {
    const session = await eraseAsync({ image: PHOTO, shape })
    const alphaAt = async (points: [number, number][]) => (await answerPixelsAt(session, points)).map((pixel) => pixel[3])
    expect(await alphaAt(expected.whole)).toEqual(expected.whole.map(() => 255))
    for (const alpha of await alphaAt(expected.some)) expect(alpha).toBeGreaterThan(0)
    expect(await alphaAt(expected.none)).toEqual(expected.none.map(() => 0))
  })

  it.each<[string, string | undefined]>([
    ['in the image worker', undefined],
    ['on the main thread, where the worker cannot run', REFUSE_WORKERS],
  ])('fades the edit in from nothing at the shape’s edge to whole inside it, with no step and nothing outside, %s', async (_where, uiInitScript) => {
    // The region is (50, 0) 300×300; the shape fills its middle two thirds: its left edge at x 100, its middle at 200.
    const session = await eraseAsync({ image: PHOTO, shape: { kind: 'rectangle', x: 100, y: 50, width: 200, height: 200 } }, uiInitScript)
    // Each pixel of the answer's row at y 150, as Figma shows its FILL image: scaled to cover the layer, centred.
    const answer = await placedAnswer(session)
    const pixel = Math.max(answer.width / answer.image.width, answer.height / answer.image.height)
    const left = answer.x - (answer.image.width * pixel - answer.width) / 2
    const centreOf = (i: number) => left + (i + 0.5) * pixel
    const alphas = (await answerPixelsAt(session, Array.from({ length: answer.image.width }, (_, i): [number, number] => [centreOf(i), 150]))).map((p) => p[3])
    const middle = Math.floor((200 - left) / pixel)
    // Nothing more than a pixel outside the shape.
    alphas.forEach((alpha, i) => {
      if (centreOf(i) < 100 - pixel) expect(alpha).toBe(0)
    })
    // From the first pixel that shows anything: almost nothing there, then a little more each pixel, up to whole.
    const first = alphas.findIndex((alpha) => alpha > 0)
    const fade = alphas.slice(first, middle + 1)
    expect(fade[0]).toBeLessThan(16)
    for (let i = 1; i < fade.length; i++) {
      expect(fade[i]).toBeGreaterThanOrEqual(fade[i - 1])
      expect(fade[i] - fade[i - 1]).toBeLessThanOrEqual(24)
    }
    expect(alphas[middle]).toBe(255)
  })

  // A thin shape (a strip over a wire to erase): its middle still shows the edit whole, upright or turned.
  it.each<[string, Scene['shape'], { from: [number, number]; across: [number, number] }]>([
    // 2 px wide (6 px or more in the answer): across it at mid-height.
    ['upright', { kind: 'rectangle', x: 150, y: 50, width: 2, height: 200 }, { from: [149, 150], across: [1, 0] }],
    // 200×3 turned 45°: from (100, 220) up to (241.4, 78.6), 3 px thick down and right of that line (its box is large, the strip
    // thin): across it from a pixel before its middle, (170.7, 149.3).
    ['turned 45°', { kind: 'rectangle', x: 100, y: 220, width: 200, height: 3, rotation: 45 }, { from: [170.7 - 0.7, 149.3 - 0.7], across: [Math.SQRT1_2, Math.SQRT1_2] }],
  ])('shows the edit whole in the middle of a thin shape, %s', async (_name, shape, { from, across }) => {
    const session = await eraseAsync({ image: PHOTO, shape })
    // Points 0.05 px apart across the strip, from a pixel before it to a pixel past it.
    const points = Array.from({ length: 101 }, (_, i): [number, number] => [from[0] + across[0] * i * 0.05, from[1] + across[1] * i * 0.05])
    const alphas = (await answerPixelsAt(session, points)).map((pixel) => pixel[3])
    expect(Math.max(...alphas)).toBe(255)
    // Nothing at a pixel or more beside it.
    expect([alphas[0], alphas[alphas.length - 1]]).toEqual([0, 0])
  })

  it('sends the image’s own pixels under the area when a stroke outside and a shadow make its export larger', async () => {
    // Flat colour blocks: each pixel of the input is told apart from its neighbours' colours and from the stroke's.
    const session = await eraseAsync({ image: { ...PHOTO, strokeOutside: 10, shadow: true }, shape: { kind: 'rectangle', x: 30, y: 30, width: 120, height: 120 } })
    const region = await placedAnswer(session)
    const compared = await session.figma(
      async (fake, { url, region }) => {
        const pixelsOf = async (blob: Blob) => {
          const bitmap = await createImageBitmap(blob, { premultiplyAlpha: 'none' })
          const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!
          context.drawImage(bitmap, 0, 0)
          return context.getImageData(0, 0, bitmap.width, bitmap.height)
        }
        // The fake's flat colours and its stroke's magenta; anything mostly transparent is "clear".
        const palette = [
          [240, 240, 240],
          [13, 153, 255],
          [30, 30, 30],
          [255, 199, 0],
          [255, 0, 255],
        ]
        const kind = (data: ImageData, x: number, y: number) => {
          const at = (y * data.width + x) * 4
          if (data.data[at + 3] < 128) return -1
          const distance = (c: number[]) => (c[0] - data.data[at]) ** 2 + (c[1] - data.data[at + 1]) ** 2 + (c[2] - data.data[at + 2]) ** 2
          return palette.indexOf(palette.reduce((a, b) => (distance(b) < distance(a) ? b : a)))
        }
        const input = await pixelsOf(await (await fetch(url)).blob())
        const scale = input.width / region.width
        // The same image without its stroke and shadow, at the input's density: what the area shows.
        const photo = fake.allNodes().find((n) => n.name === 'Table shot')!
        photo.strokes = []
        photo.effects = []
        const clean = await pixelsOf(new Blob([(await photo.exportAsync({ format: 'PNG', constraint: { type: 'SCALE', value: scale } })) as BlobPart]))
        let sampled = 0
        let mismatched = 0
        let stroke = 0
        for (let y = 4; y < input.height - 4; y += 8) {
          for (let x = 4; x < input.width - 4; x += 8) {
            if (kind(input, x, y) === 4) stroke++
            const cx = Math.round(x + (region.x - photo.x) * scale)
            const cy = Math.round(y + (region.y - photo.y) * scale)
            const expected = kind(clean, cx, cy)
            // Only where the colour is the same all around: a pixel's rounding cannot change what is compared.
            const around = [-4, 4].flatMap((dx) => [-4, 4].map((dy) => kind(clean, cx + dx, cy + dy)))
            if (around.some((k) => k !== expected)) continue
            sampled++
            if (kind(input, x, y) !== expected) mismatched++
          }
        }
        return { sampled, mismatched, stroke }
      },
      { url: inputUrl(), region },
    )
    expect(compared.sampled).toBeGreaterThan(1000)
    expect(compared.stroke).toBe(0)
    expect(compared.mismatched).toBe(0)
  })

  it('cuts a region of the very ratio the request asks for on a banner, and lands the answer on it uncropped', async () => {
    // A 1000×200 banner and a 100×150 ellipse: the margin cannot grow upward, yet the region keeps a ratio of the model's.
    const session = await eraseAsync({ image: { x: 0, y: 0, width: 1000, height: 200 }, shape: { kind: 'ellipse', x: 450, y: 25, width: 100, height: 150 } })
    const asked = String((suite.standIn.generations()[0].body as Body).image_config.aspect_ratio)
    const [w, h] = asked.split(':').map(Number)
    const input = readImageInfo(new Uint8Array(Buffer.from(inputUrl().split(',')[1], 'base64')))!
    expect(Math.abs(input.width / input.height - w / h)).toBeLessThan(2 / input.height)
    const answer = await placedAnswer(session)
    expect(answer.width / answer.height).toBeCloseTo(w / h, 6)
    expect(answer.image.width / answer.image.height).toBeCloseTo(w / h, 2)
    // Within the banner.
    expect(answer.y).toBeGreaterThanOrEqual(0)
    expect(answer.y + answer.height).toBeLessThanOrEqual(200 + 1e-6)
  })

  it('fits an answer a pixel or two off the area’s shape, each axis at its own density', async () => {
    // The area is 300×300 (1:1); the answer comes back 1024×1034, every pixel saying where it was.
    suite.standIn.enqueue({ kind: 'success', size: { width: 1024, height: 1034 }, coordinates: true })
    const session = await eraseAsync({ image: PHOTO, shape: { kind: 'rectangle', x: 100, y: 50, width: 200, height: 200 } })
    const answer = await placedAnswer(session)
    expect(answer).toMatchObject({ x: 50, y: 0, width: 300, height: 300 })
    // Placed at the area's own shape: Figma crops nothing of it.
    expect(answer.image.width).toBe(answer.image.height)
    // Each pixel on the page came from the answer's pixel at the same place in the area.
    // Well inside the shape, past its soft edge.
    const points: [number, number][] = [
      [200, 150],
      [155, 100],
      [245, 195],
    ]
    const pixels = await answerPixelsAt(session, points)
    pixels.forEach(([r, g, b, a], i) => {
      expect(a).toBe(255)
      const from = { x: r + 256 * (b % 21), y: g + 256 * Math.floor(b / 21) }
      expect(Math.abs(from.x - ((points[i][0] - 50) / 300) * 1024)).toBeLessThanOrEqual(2)
      expect(Math.abs(from.y - (points[i][1] / 300) * 1034)).toBeLessThanOrEqual(2)
    })
  })

  it('keeps an answer of another shape than its area, saying so, and Retry puts it whole on a new layer', async () => {
    // A wide area asks for a wide ratio; the answer comes back square.
    suite.standIn.enqueue({ kind: 'success', size: { width: 1024, height: 1024 } })
    const session = await openScene({ image: PHOTO, shape: { kind: 'rectangle', x: 100, y: 150, width: 200, height: 60 } })
    const { ui } = session
    await ui.getByRole('button', { name: 'Erase area' }).click()
    const kept = ui.getByRole('region', { name: 'Images not placed' })
    await expect.poll(() => kept.textContent(), { timeout: 20_000 }).toMatch(/The edit came back 1024×1024, another shape than the \d+×\d+ area it was asked for, so it would not line up with the image\. It was paid for and is kept: Retry puts it whole on a new layer, or download it\./)
    expect(await editGroupCount(session)).toBe(0)
    await kept.getByRole('button', { name: 'Retry' }).click()
    await expect
      .poll(() => session.figma((fake) => fake.page.children.filter((n) => n.name === 'Table shot · erased area').map((n) => ({ type: n.type, ratio: n.width / n.height }))), { timeout: 15_000 })
      .toEqual([{ type: 'RECTANGLE', ratio: 1 }])
  })

  it('gives the answer its soft edge in the image worker, not on the panel’s main thread', async () => {
    suite.standIn.enqueue({ kind: 'success', delayMs: 1500 })
    const session = await openScene({ image: PHOTO, shape: { kind: 'ellipse', x: 150, y: 100, width: 100, height: 100 } })
    const jobs = async () => ({
      worker: Number((await session.ui.locator('html').getAttribute('data-image-jobs-worker')) ?? 0),
      main: await session.ui.locator('html').getAttribute('data-image-jobs-main'),
    })
    await session.ui.getByRole('button', { name: 'Erase area' }).click()
    // Sent: the input's encoding is done, and the answer not yet back.
    await expect.poll(() => suite.standIn.generations().length, { timeout: 20_000 }).toBe(1)
    const sent = await jobs()
    await expect.poll(() => editGroupCount(session), { timeout: 20_000 }).toBe(1)
    // The answer fits Figma as it came: the one job after sending is its mask.
    expect(await jobs()).toEqual({ worker: sent.worker + 1, main: null })
  })

  it('covers the whole area when the shape is drawn see-through (its fill at 20%), not at 20%', async () => {
    const session = await eraseAsync({ image: PHOTO, shape: { kind: 'rectangle', x: 100, y: 50, width: 200, height: 200, fillOpacity: 0.2 } })
    // The region is (50, 0) 300×300; the shape fills its middle two thirds.
    const [outside, middle] = await answerPixelsAt(session, [
      [60, 150],
      [200, 150],
    ])
    expect([outside[3], middle[3]]).toEqual([0, 255])
  })

  it('where the image worker cannot run, masks the answer on the main thread as before', async () => {
    const session = await eraseAsync({ image: PHOTO, shape: { kind: 'rectangle', x: 100, y: 50, width: 200, height: 200 } }, REFUSE_WORKERS)
    // The region is (50, 0) 300×300; the shape fills its middle two thirds.
    const [outside, middle] = await answerPixelsAt(session, [
      [60, 150],
      [200, 150],
    ])
    expect([outside[3], middle[3]]).toEqual([0, 255])
    expect(await session.ui.locator('html').getAttribute('data-image-jobs-worker')).toBeNull()
  })
})
