import { describe, expect, it } from 'vitest'
import { decodePng, readImageInfo } from '../images/png'
import { TEST_KEY } from '../openrouter-stand-in/server'
import type { PluginSession } from './harness'
import { openOptionsAsync, pressActionAsync } from './panel-actions'
import { measurePanelAsync } from './panel-layout'
import { useBrowserSuite } from './suite'

// The canvas as input, in the real browser: the sandbox exports, the UI re-encodes on a canvas.
const suite = useBrowserSuite({ fonts: true })

type Body = { messages: { content: string | { type: string; image_url?: { url: string } }[] }[]; image_config: Record<string, unknown> }
const decode = (url: string) => readImageInfo(new Uint8Array(Buffer.from(url.split(',')[1], 'base64')))
const layer = (session: PluginSession, name: string) =>
  session.figma((fake, wanted: string) => {
    const node = fake.allNodes().find((n) => n.name === wanted)
    if (!node) return null
    const hash = node.fills[0]?.imageHash
    const image = hash ? fake.images.get(hash) : null
    return { x: node.x, y: node.y, width: node.width, height: node.height, image: image ? { width: image.width, height: image.height } : null }
  }, name)

/** A poster of this size and a logo beside it, selected; the saved settings when given. */
const openPosterAsync = (poster: { width: number; height: number }, saved: unknown = null) =>
  suite.open({
    key: TEST_KEY,
    setupArg: { poster, saved },
    setup: (fake, arg) => {
      if (arg.saved) fake.storage.set('saved-state', arg.saved)
      fake.select(fake.addLayout({ name: 'Poster', x: 0, y: 0, ...arg.poster }), fake.addLayout({ name: 'Logo', x: arg.poster.width + 100, y: 0, width: 200, height: 200, content: 'photo' }))
    },
  })

describe('the selection as input', () => {
  it('combines two frames as the designer set them: a picture, its reference left out; the result beside the picture at its size', async () => {
    const session = await suite.open({
      key: TEST_KEY,
      setup: (fake) => {
        fake.select(fake.addLayout({ name: 'Card', x: 0, y: 0, width: 600, height: 400, content: 'photo' }), fake.addLayout({ name: 'Detail', x: 0, y: 500, width: 200, height: 200 }))
      },
    })
    const { ui } = session
    // Combine into one: the first the picture, the next a reference, shown with their thumbnails under the request.
    await openOptionsAsync(ui)
    expect(await ui.getByRole('combobox', { name: 'Role of Card' }).inputValue()).toBe('input')
    expect(await ui.getByRole('combobox', { name: 'Role of Detail' }).inputValue()).toBe('reference')
    await expect.poll(() => ui.getByRole('region', { name: 'Selected layers' }).locator('img').count()).toBe(2)
    await ui.getByRole('combobox', { name: 'Role of Detail' }).selectOption('unused')
    await ui.getByRole('textbox', { name: 'Prompt' }).fill('Make it a rainy evening')
    await pressActionAsync(ui, 'Combine into one')

    await expect.poll(() => layer(session, 'Card · Riverflow'), { timeout: 15_000 }).toMatchObject({ x: 640, y: 0, width: 600, height: 400 })
    // Listed as the designer finds it in the layers panel: the new layer, not the frame it was made from.
    await expect.poll(() => ui.getByRole('list', { name: 'Placed images' }).locator('.layer-name').allTextContents()).toEqual(['Card · Riverflow'])
    const body = suite.standIn.generations()[0].body as Body
    const content = body.messages[0].content as { type: string; image_url?: { url: string } }[]
    expect(content.map((c) => c.type)).toEqual(['text', 'image_url'])
    // The input went at a long side of 1024 px, in the format that fit best.
    expect(decode(content[1].image_url!.url)).toMatchObject({ width: 1024, height: 683 })
    expect(body.image_config.super_resolution_references).toBeUndefined()
    expect(body.image_config.aspect_ratio).toBe('3:2')
    await session.close()
  })

  it('upscales 2× with a reference: the sharper image at twice the pixels, the frame’s canvas size', async () => {
    const session = await suite.open({
      key: TEST_KEY,
      setup: (fake) => {
        fake.select(fake.addLayout({ name: 'Hero', x: 0, y: 0, width: 640, height: 360 }), fake.addLayout({ name: 'Texture', x: 0, y: 500, width: 300, height: 300, content: 'photo' }))
      },
    })
    await pressActionAsync(session.ui, 'Upscale with 1 reference')
    await expect.poll(() => layer(session, 'Hero @2x'), { timeout: 15_000 }).toMatchObject({ width: 640, height: 360, image: { width: 1280, height: 720 } })
    const body = suite.standIn.generations()[0].body as Body
    expect(body.image_config.super_resolution_references).toHaveLength(1)
    const content = body.messages[0].content as { image_url?: { url: string } }[]
    expect(decode(content[1].image_url!.url)).toMatchObject({ width: 1280, height: 720 })
    await expect.poll(() => session.ui.getByText(/Placed 1 image · cost \$0\.22/).count()).toBe(1)
    await session.close()
  })

  it('upscales a Poster with the other two frames as its references in one click, with no roles to set', async () => {
    const session = await suite.open({
      key: TEST_KEY,
      setup: (fake) => {
        fake.select(
          fake.addLayout({ name: 'Logo', x: 0, y: 0, width: 200, height: 200, content: 'photo' }),
          fake.addLayout({ name: 'Poster', x: 300, y: 0, width: 600, height: 800 }),
          fake.addLayout({ name: 'Product', x: 1000, y: 0, width: 300, height: 300, content: 'photo' }),
        )
      },
    })
    // A poster with its logo and product: the main action, with the price of its two references.
    const main = session.ui.getByRole('region', { name: 'Actions on the selection' }).locator('.primary-action').getByRole('button')
    await expect.poll(() => main.getAttribute('aria-label')).toBe('Upscale with 2 references')
    expect(await main.textContent()).toMatch(/\$0\.44/)
    // Beside Refine each's $0.06, what makes it $0.44 is said where the designer reads what it does.
    expect(await session.ui.locator('[aria-label="Where it lands"]').textContent()).toContain('The price includes the 2 references, $0.20 each.')
    await main.click()
    await expect.poll(() => layer(session, 'Poster @2x'), { timeout: 15_000 }).toMatchObject({ width: 600, height: 800, image: { width: 1200, height: 1600 } })
    expect(suite.standIn.generations()).toHaveLength(1)
    const body = suite.standIn.generations()[0].body as Body
    expect(body.image_config.super_resolution_references).toHaveLength(2)
    const content = body.messages[0].content as { image_url?: { url: string } }[]
    expect(decode(content[1].image_url!.url)).toMatchObject({ width: 1200, height: 1600 })
  })

  it('a Poster over 2048 px says how far it is upscaled, and lands at those very pixels', async () => {
    const session = await openPosterAsync({ width: 2400, height: 3000 })
    const { ui } = session
    // 2× would be 4800×6000: Figma exports and holds 4096 px a side, and refSR answers at the input's size.
    await expect.poll(() => ui.locator('[aria-label="Where it lands"]').textContent()).toContain('Upscales “Poster” 1.4×, to 3277×4096 (Figma holds 4096 px a side at most), with “Logo” as a reference.')
    expect(await ui.getByRole('region', { name: 'What is sent' }).textContent()).toContain('Riverflow 2 Fast · 1.4× sharper · 1 image')
    await pressActionAsync(ui, 'Upscale with 1 reference')
    await expect.poll(() => layer(session, 'Poster @1.4x'), { timeout: 20_000 }).toMatchObject({ width: 2400, height: 3000, image: { width: 3277, height: 4096 } })
    await session.close()
  })

  it('a Poster on a model that takes no references: nothing claims a switch before the press; the press switches, says so, and the next sends', async () => {
    const session = await openPosterAsync({ width: 600, height: 800 }, { settings: { model: 'sourceful/riverflow-v2.5-pro', imageSize: '2K', fontInputs: [] } })
    const { ui } = session
    const main = ui.getByRole('region', { name: 'Actions on the selection' }).locator('.primary-action').getByRole('button')
    await expect.poll(() => main.getAttribute('aria-label')).toBe('Upscale with references')
    // Only selected: the model is as the designer set it, and no alert says otherwise.
    expect(await ui.getByRole('alert').count()).toBe(0)
    expect(await ui.getByRole('region', { name: 'What is sent' }).textContent()).toMatch(/Riverflow 2\.5 Pro/)
    // Nothing is planned until the switch: no line names a layer it would land beside.
    expect(await ui.locator('[aria-label="Where it lands"]').textContent()).not.toMatch(/On a new layer|the layer/)
    await main.click()
    await expect.poll(() => ui.getByRole('alert').textContent()).toMatch(/Switched to Riverflow 2 Fast: press again to upscale/)
    await expect.poll(() => main.getAttribute('aria-label')).toBe('Upscale with 1 reference')
    expect(suite.standIn.generations()).toHaveLength(0)
    await main.click()
    await expect.poll(() => layer(session, 'Poster @2x'), { timeout: 15_000 }).toMatchObject({ width: 600, height: 800 })
    expect(suite.standIn.generations()).toHaveLength(1)
    await session.close()
  })

  it('a Poster whose model is down names one that takes references, and the switch to it upscales with them', async () => {
    const session = await openPosterAsync({ width: 600, height: 800 })
    const { ui } = session
    // Down on every attempt (at once, no wait between them): Riverflow 2 Fast gives up.
    suite.standIn.enqueue(...Array.from({ length: 4 }, () => ({ kind: 'error' as const, status: 503, retryAfter: 0 })))
    await pressActionAsync(ui, 'Upscale with 1 reference')
    // Not a model that takes no references: switched to, its press would only switch back to the one that is down.
    await expect.poll(() => ui.getByRole('alert').first().textContent(), { timeout: 15_000 }).toMatch(/or try Riverflow 2 Pro\./)
    await ui.getByRole('button', { name: 'Switch to Riverflow 2 Pro' }).click()
    const main = ui.getByRole('region', { name: 'Actions on the selection' }).locator('.primary-action').getByRole('button')
    await expect.poll(() => main.getAttribute('aria-label')).toBe('Upscale with 1 reference')
    await main.click()
    await expect.poll(() => layer(session, 'Poster @2x'), { timeout: 15_000 }).toMatchObject({ width: 600, height: 800 })
    const sent = suite.standIn.generations().at(-1)!.body as Body & { model: string }
    expect(sent.model).toBe('sourceful/riverflow-v2-pro')
    expect(sent.image_config.super_resolution_references).toHaveLength(1)
    await session.close()
  })

  it('a Poster out of credit is not offered the free model, which takes no references and would only switch back', async () => {
    const session = await openPosterAsync({ width: 600, height: 800 })
    const { ui } = session
    suite.standIn.enqueue({ kind: 'error', status: 402 })
    await pressActionAsync(ui, 'Upscale with 1 reference')
    await expect.poll(() => ui.getByRole('alert').first().textContent(), { timeout: 15_000 }).toMatch(/^Not enough OpenRouter credit.*Add credit at openrouter\.ai\/settings\/credits/)
    expect(await ui.getByRole('alert').first().textContent()).not.toMatch(/free model/)
    expect(await ui.getByRole('button', { name: /^Switch to/ }).count()).toBe(0)
    await session.close()
  })

  it('runs a batch, each frame on its own, keeping the successes when one fails', async () => {
    const session = await suite.open({
      key: TEST_KEY,
      setup: (fake) => {
        fake.select(...[0, 1, 2].map((i) => fake.addLayout({ name: `Frame ${i}`, x: i * 300, y: 0, width: 200, height: 200 })))
      },
    })
    const { ui } = session
    suite.standIn.setLatency(300)
    suite.standIn.enqueue({ kind: 'success' }, { kind: 'error', status: 402 }, { kind: 'success' })
    await ui.getByRole('textbox', { name: 'Prompt' }).fill('Isometric style')
    expect(await ui.getByRole('button', { name: 'Refine each (3)' }).textContent()).toMatch(/\$0\.06/)
    await ui.getByRole('button', { name: 'Refine each (3)' }).click()
    await expect.poll(() => ui.getByRole('list', { name: 'Frames' }).textContent()).toMatch(/Frame 0.*Frame 1.*Frame 2/)
    await expect.poll(() => ui.getByRole('alert').first().textContent(), { timeout: 15_000 }).toMatch(/1 of 3 frames failed; the others were placed/)
    expect(await ui.getByText(/Frame \d: Not enough OpenRouter credit/).count()).toBe(1)
    const results = await session.figma((fake) => fake.page.children.filter((n) => n.name.endsWith('· Riverflow')).length)
    expect(results).toBe(2)
    suite.standIn.setLatency(0)
    await session.close()
  })

  it('lists the first 50 layers of a large selection with their part in Combine, and sums up the rest', async () => {
    const session = await suite.open({
      key: TEST_KEY,
      setup: (fake) => fake.select(...Array.from({ length: 60 }, (_, i) => fake.addLayout({ name: `Card ${i}`, x: i * 120, y: 0, width: 100, height: 100 }))),
    })
    const { ui } = session
    await openOptionsAsync(ui)
    await expect.poll(() => ui.getByRole('combobox', { name: /^Role of Card/ }).count()).toBe(50)
    expect(await ui.getByText('and 10 more: 10 left out').count()).toBe(1)
    await session.close()
  })

  it('keeps the designer’s defaults through Settings and a reopen of the plugin; a layer’s part in Combine belongs to its selection', async () => {
    const session = await suite.open({
      key: TEST_KEY,
      setup: (fake) => {
        // What clientStorage held when the plugin last closed, set by the test before a reload.
        const kept = (window as unknown as { keptStorage?: [string, unknown][] }).keptStorage ?? []
        for (const [key, value] of kept) fake.storage.set(key, value)
        fake.select(...[0, 1, 2].map((i) => fake.addLayout({ name: `Frame ${i}`, x: i * 300, y: 0, width: 200, height: 200 })))
      },
    })
    const { ui, page } = session
    await ui.getByRole('button', { name: 'Settings' }).click()
    await ui.getByRole('combobox', { name: 'Requests at a time, for several frames' }).selectOption('5')
    await ui.getByRole('button', { name: 'Done' }).click()
    await openOptionsAsync(ui)
    await ui.getByRole('combobox', { name: 'Role of Frame 1' }).selectOption('input')
    // A trip to Settings keeps the part given; the defaults are saved for next time.
    await ui.getByRole('button', { name: 'Settings' }).click()
    await ui.getByRole('button', { name: 'Done' }).click()
    await openOptionsAsync(ui)
    expect(await ui.getByRole('combobox', { name: 'Role of Frame 1' }).inputValue()).toBe('input')
    const saved = () => session.figma((fake) => fake.storage.get('saved-state'))
    await expect.poll(saved).toMatchObject({ concurrency: 5 })

    // Close and reopen on the same storage: the page reloads, and its setup puts back what was stored.
    const storage = await session.figma((fake) => [...fake.storage.entries()])
    await session.page.addInitScript(`window.keptStorage = ${JSON.stringify(storage)}`)
    await page.reload()
    await page.evaluate('window.hostReady')
    await openOptionsAsync(ui)
    // Roles belong to a selection, not to the designer's defaults: Frame 1 starts as a reference again.
    expect(await ui.getByRole('combobox', { name: 'Role of Frame 1' }).inputValue()).toBe('reference')
    expect(suite.standIn.generations()).toHaveLength(0)
    await ui.getByRole('button', { name: 'Settings' }).click()
    expect(await ui.getByRole('combobox', { name: 'Requests at a time, for several frames' }).inputValue()).toBe('5')
    await session.close()
  })

  /** The panel with a key, the Google Fonts stand-in, and a headline in Inter Semi Bold selected. */
  const openOnHeadlineAsync = () =>
    suite.open({
      fonts: suite.fonts,
      key: TEST_KEY,
      setup: (fake) => {
        fake.select(fake.addText({ name: 'Headline', characters: 'Big Sale', font: { family: 'Inter', style: 'Semi Bold' } }))
      },
    })

  it('sets text in the font of a selected text layer, found through Google Fonts', async () => {
    const session = await openOnHeadlineAsync()
    const { ui } = session
    await ui.getByRole('textbox', { name: 'Prompt' }).fill('A shop window poster')
    await openOptionsAsync(ui)
    await ui.getByRole('button', { name: 'Add a font' }).click()
    await ui.getByRole('button', { name: 'Use the selected text’s font' }).click()
    await expect.poll(() => ui.getByRole('textbox', { name: 'Font 1 link' }).inputValue()).toBe('https://fonts.gstatic.com/l/font?kit=inter600&skey=test&v=v1')
    expect(await ui.getByRole('textbox', { name: 'Font 1 text' }).inputValue()).toBe('Big Sale')
    await ui.getByRole('button', { name: 'Add it to the prompt' }).click()
    expect(await ui.getByRole('textbox', { name: 'Prompt' }).inputValue()).toBe('A shop window poster Big Sale')
    expect(await ui.getByLabel('Estimated cost').textContent()).toBe('$0.05')
    await ui.getByRole('button', { name: /^Generate/ }).click()
    await expect.poll(() => suite.standIn.generations().length, { timeout: 10_000 }).toBe(1)
    expect((suite.standIn.generations()[0].body as Body).image_config.font_inputs).toEqual([
      { font_url: 'https://fonts.gstatic.com/l/font?kit=inter600&skey=test&v=v1', text: 'Big Sale' },
    ])
    await session.close()
  })

  it('keeps what the designer changed while the font was being looked up', async () => {
    const session = await openOnHeadlineAsync()
    const { ui } = session
    await openOptionsAsync(ui)
    await ui.getByRole('button', { name: 'Add a font' }).click()
    await ui.getByRole('button', { name: 'Add a font' }).click()
    suite.fonts.slow(1500)
    try {
      await ui.getByRole('button', { name: 'Use the selected text’s font' }).first().click()
      // Google is slow today: meanwhile the designer picks another model and writes the second row.
      await ui.getByRole('combobox', { name: 'Model' }).selectOption('sourceful/riverflow-v2-pro')
      await ui.getByRole('textbox', { name: 'Font 2 text' }).fill('Fresh')
      await expect.poll(() => ui.getByRole('textbox', { name: 'Font 1 link' }).inputValue(), { timeout: 10_000 }).toBe('https://fonts.gstatic.com/l/font?kit=inter600&skey=test&v=v1')
    } finally {
      suite.fonts.slow(0)
    }
    expect(await ui.getByRole('combobox', { name: 'Model' }).inputValue()).toBe('sourceful/riverflow-v2-pro')
    expect(await ui.getByRole('textbox', { name: 'Font 2 text' }).inputValue()).toBe('Fresh')
    expect(await ui.getByRole('textbox', { name: 'Font 1 text' }).inputValue()).toBe('Big Sale')
    await session.close()
  })
})

type Box = { name: string; x: number; y: number; width: number; height: number }

/** With 2.5 Fast (which reads transparency): a photo showing an image in a frame, and the frame or the photo selected. */
const openWithShot = (arg: { frame: Box; shot: Box; select: 'frame' | 'shot' }) =>
  suite.open({
    key: TEST_KEY,
    setupArg: arg,
    setup: async (fake, { frame: frameBox, shot: shotBox, select }) => {
      fake.storage.set('saved-state', { settings: { model: 'sourceful/riverflow-v2.5-fast' } })
      const frame = fake.addFrame(frameBox)
      const shot = await fake.addPhoto(shotBox, frame)
      fake.select(select === 'frame' ? frame : shot)
    },
  })

describe('Expand', () => {
  it('continues a product shot to the edges of its banner frame: the input has the frame’s shape, the result goes behind the unchanged shot', async () => {
    const session = await openWithShot({
      frame: { name: 'Banner', x: 0, y: 0, width: 1200, height: 628 },
      shot: { name: 'Product', x: 286, y: 0, width: 628, height: 628 },
      select: 'frame',
    })
    const shotBefore = await session.figma((fake) => JSON.stringify(fake.allNodes().find((n) => n.name === 'Product')!.fills))
    await session.ui.getByRole('button', { name: 'Expand', exact: true }).click()
    await expect.poll(() => session.figma((fake) => fake.allNodes().find((n) => n.name === 'Banner')!.children.length), { timeout: 15_000 }).toBe(2)

    // The input: the banner's shape, the shot where it sits, the rest transparent for the model to fill.
    expect(suite.standIn.generations()).toHaveLength(1)
    const body = suite.standIn.generations()[0].body as Body
    const url = (body.messages[0].content as { image_url?: { url: string } }[]).find((part) => part.image_url)!.image_url!.url
    const input = decodePng(new Uint8Array(Buffer.from(url.split(',')[1], 'base64')))
    expect(input.width / input.height).toBeCloseTo(1200 / 628, 2)
    const alpha = (x: number, y: number) => input.rgba[(y * input.width + x) * 4 + 3]
    expect(alpha(10, Math.round(input.height / 2))).toBe(0)
    expect(alpha(Math.round(input.width / 2), Math.round(input.height / 2))).toBe(255)
    expect(body.image_config).toMatchObject({ aspect_ratio: '16:9' })

    const frame = await session.figma((fake) =>
      fake.allNodes().find((n) => n.name === 'Banner')!.children.map((n) => ({ name: n.name, x: n.x, y: n.y, width: n.width, height: n.height, fill: n.fills[0]?.type, fills: JSON.stringify(n.fills) })),
    )
    expect(frame.map(({ fills: _, ...layer }) => layer)).toEqual([
      { name: 'Banner · expanded', x: 0, y: 0, width: 1200, height: 628, fill: 'IMAGE' },
      { name: 'Product', x: 286, y: 0, width: 628, height: 628, fill: 'IMAGE' },
    ])
    expect(frame[1].fills).toBe(shotBefore)
    expect(await session.figma((fake) => fake.undoSteps())).toBe(1)
  })
})

describe('Expand, where it cannot be made', () => {
  it('a card with auto layout its shot fills: the panel says to make the card larger, not to select the shot, which offers no ratio there', async () => {
    const session = await suite.open({
      key: TEST_KEY,
      setup: async (fake) => {
        const card = Object.assign(fake.addFrame({ name: 'Card', width: 800, height: 10 }), { layoutMode: 'VERTICAL', primaryAxisSizingMode: 'AUTO' })
        await fake.addPhoto({ name: 'Shot', width: 800, height: 800 }, card)
        fake.select(card)
      },
    })
    const { ui } = session
    const hint = ui.getByText(/already fills/)
    await expect.poll(() => hint.textContent()).toBe('“Shot” already fills “Card”: to expand it, make the frame larger than the image.')
    // As the panel no longer suggests: the shot alone, in the card's flow, is offered no Expand.
    await session.figma((fake) => fake.select(fake.allNodes().find((n) => n.name === 'Shot')!))
    await expect.poll(() => ui.getByRole('button', { name: 'Refine', exact: true }).count()).toBe(1)
    expect(await ui.getByRole('combobox', { name: 'Ratio to expand to' }).count()).toBe(0)
  })

  it('a shot in a card with auto layout, selected alone: the panel says why it has no Expand, and that the card, which it leaves room in, has', async () => {
    const session = await suite.open({
      key: TEST_KEY,
      setup: async (fake) => {
        const card = Object.assign(fake.addFrame({ name: 'Card', width: 848, height: 848 }), { layoutMode: 'VERTICAL', paddingTop: 24, paddingBottom: 24, paddingLeft: 24, paddingRight: 24 })
        fake.select(await fake.addPhoto({ name: 'Shot', width: 800, height: 800 }, card))
      },
    })
    const { ui } = session
    const hint = ui.getByText(/^Expand is not offered/)
    await expect.poll(() => hint.allTextContents()).toEqual(['Expand is not offered for an image in an auto layout: move it out of the auto layout frame, or select “Card” to expand into it.'])
    expect(await ui.getByRole('combobox', { name: 'Ratio to expand to' }).count()).toBe(0)
    // As it says: the card continues the shot into its padding.
    await session.figma((fake) => fake.select(fake.allNodes().find((n) => n.name === 'Card')!))
    await expect.poll(() => ui.getByRole('button', { name: 'Expand', exact: true }).count()).toBe(1)
    expect(await hint.count()).toBe(0)
    await session.close()
  })

  for (const { why, change, hint } of [
    { why: 'rotated', change: { rotation: 15 }, hint: 'Expand is not offered for a rotated image: straighten it (rotation 0°) to expand it.' },
    { why: 'locked', change: { locked: true }, hint: 'Expand is not offered for a locked image: unlock it to expand it.' },
  ] as const) {
    it(`a ${why} shot selected alone: the panel says why it has no Expand and what to do, and once done offers it, saying nothing`, async () => {
      const session = await suite.open({
        key: TEST_KEY,
        setupArg: change,
        setup: async (fake, props) => fake.select(await fake.addPhoto({ name: 'Shot', width: 800, height: 800, ...props })),
      })
      const { ui } = session
      const line = ui.getByText(/^Expand is not offered/)
      await expect.poll(() => line.allTextContents()).toEqual([hint])
      expect(await ui.getByRole('combobox', { name: 'Ratio to expand to' }).count()).toBe(0)
      // Done as it says (straightened, unlocked): Expand to a ratio, and no line about it.
      await session.figma((fake) => {
        const shot = fake.allNodes().find((n) => n.name === 'Shot')!
        Object.assign(shot, { rotation: 0, locked: false })
        fake.select(shot)
      })
      await expect.poll(() => ui.getByRole('combobox', { name: 'Ratio to expand to' }).count()).toBe(1)
      expect(await line.count()).toBe(0)
      await session.close()
    })
  }
})

/** An input's size and its alpha at a few points, decoded by the browser: PNG or WebP, whichever fitted the request. */
const decodedAlpha = (session: PluginSession, url: string, points: [number, number][]) =>
  session.page.evaluate(
    async ({ url, points }) => {
      const bitmap = await createImageBitmap(await (await fetch(url)).blob())
      const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!
      context.drawImage(bitmap, 0, 0)
      return { width: bitmap.width, height: bitmap.height, alpha: points.map(([x, y]) => context.getImageData(x, y, 1, 1).data[3]) }
    },
    { url, points },
  )

describe('Expand to a ratio', () => {
  it('frames a lone product shot at the ratio chosen on the action: the input has that ratio, transparent where it is empty, and the shot keeps its place on the page', async () => {
    const session = await openWithShot({
      frame: { name: 'Board', x: 100, y: 50, width: 3000, height: 2000 },
      shot: { name: 'Shot', x: 200, y: 300, width: 800, height: 800 },
      select: 'shot',
    })
    const { ui } = session
    const shot = () =>
      session.figma((fake) => {
        const node = fake.allNodes().find((n) => n.name === 'Shot')!
        return { parent: node.parent?.name, box: node.absoluteBoundingBox, fills: JSON.stringify(node.fills) }
      })
    const before = await shot()
    // Offered at 16:9 (the panel's own ratio is the shot's); the choice is on the action, with the frame's size.
    const ratio = ui.getByRole('combobox', { name: 'Ratio to expand to' })
    await expect.poll(() => ratio.inputValue()).toBe('16:9')
    expect(await ratio.locator('option').allTextContents()).toContain('4:5 · 800×1000')
    // The shot's own ratio: nothing to expand.
    expect(await ratio.locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value))).not.toContain('1:1')
    await ratio.selectOption('4:5')
    await ui.getByRole('button', { name: 'Expand', exact: true }).click()
    await expect.poll(() => session.figma((fake) => fake.allNodes().some((n) => n.name === 'Shot · expanded')), { timeout: 15_000 }).toBe(true)

    // The input: the new frame's shape (4:5), the shot in its middle, transparent above and below it.
    expect(suite.standIn.generations()).toHaveLength(1)
    const body = suite.standIn.generations()[0].body as Body
    const url = (body.messages[0].content as { image_url?: { url: string } }[]).find((part) => part.image_url)!.image_url!.url
    // Above the shot, below it, in its middle.
    expect(await decodedAlpha(session, url, [[819, 10], [819, 2037], [819, 1024]])).toEqual({ width: 1638, height: 2048, alpha: [0, 0, 255] })
    expect(body.image_config).toMatchObject({ aspect_ratio: '4:5' })

    // The frame where the shot was, in the board; the result behind the shot, covering it; the shot unchanged on the page.
    const board = await session.figma((fake) =>
      fake.allNodes().find((n) => n.name === 'Board')!.children.map((n) => ({ name: n.name, type: n.type, x: n.x, y: n.y, width: n.width, height: n.height, children: n.children.map((c) => ({ name: c.name, x: c.x, y: c.y, width: c.width, height: c.height, fill: c.fills[0]?.type })) })),
    )
    expect(board).toEqual([
      {
        name: 'Shot · 4:5',
        type: 'FRAME',
        x: 200,
        y: 200,
        width: 800,
        height: 1000,
        children: [
          { name: 'Shot · expanded', x: 0, y: 0, width: 800, height: 1000, fill: 'IMAGE' },
          { name: 'Shot', x: 0, y: 100, width: 800, height: 800, fill: 'IMAGE' },
        ],
      },
    ])
    expect(await shot()).toEqual({ ...before, parent: 'Shot · 4:5' })
    expect(await session.figma((fake) => fake.undoSteps())).toBe(1)
  })
})

describe('Edit area', () => {
  /** An 800×600 photo with a shape drawn over (or beside) it, both selected. */
  const openWithShape = (shape: { kind: 'rectangle' | 'ellipse'; x: number; y: number; width: number; height: number }) =>
    suite.open({
      key: TEST_KEY,
      setupArg: shape,
      setup: async (fake, { kind, ...box }) => {
        const photo = await fake.addPhoto({ name: 'Table shot', x: 0, y: 0, width: 800, height: 600 })
        fake.select(photo, kind === 'ellipse' ? fake.addEllipse({ name: 'Area', ...box }) : fake.addRectangle({ name: 'Area', ...box }))
      },
    })

  it('sends the part under the drawn shape with its margin, lands the edit over the image masked by the shape with a soft edge, in one undo step', async () => {
    // The cup to change, boxed with Figma's rectangle tool.
    const session = await openWithShape({ kind: 'rectangle', x: 300, y: 200, width: 200, height: 200 })
    const { ui } = session
    const photoBefore = await session.figma((fake) => JSON.stringify(fake.allNodes().find((n) => n.name === 'Table shot')!.fills))
    await ui.getByRole('textbox', { name: 'Prompt' }).fill('a glass of orange juice')
    await ui.getByRole('button', { name: 'Edit area' }).click()
    await expect.poll(() => session.figma((fake) => fake.page.children.some((n) => n.type === 'GROUP')), { timeout: 15_000 }).toBe(true)

    // The region: the shape's 200×200 box with a 50 px margin on each side, 300×300 at (250, 150), sent at 1:1.
    const body = suite.standIn.generations()[0].body as Body
    expect(body.image_config).toMatchObject({ aspect_ratio: '1:1' })
    const url = (body.messages[0].content as { image_url?: { url: string } }[]).find((part) => part.image_url)!.image_url!.url
    const input = decode(url)!
    expect(input.width).toBe(input.height)
    // No lower density than the image shows: twice the region's 300 px.
    expect(input.width).toBeGreaterThanOrEqual(600)

    const placed = await session.figma((fake) => {
      const group = fake.page.children.find((n) => n.type === 'GROUP')!
      return {
        group: { name: group.name, record: group.getPluginData('riverflow') !== '' },
        children: group.children.map((n) => ({ name: n.name, x: n.x, y: n.y, width: n.width, height: n.height, isMask: (n as unknown as { isMask?: boolean }).isMask === true })),
        hash: (group.children[1].fills[0] as { imageHash: string }).imageHash,
      }
    })
    expect(placed.group).toEqual({ name: 'Table shot · edited area', record: true })
    expect(placed.children).toEqual([
      { name: 'Area', x: 300, y: 200, width: 200, height: 200, isMask: true },
      { name: 'Table shot · edited area', x: 250, y: 150, width: 300, height: 300, isMask: false },
    ])
    // Real pixels: outside the shape nothing, inside the edit, and a soft edge between.
    const pixels = await session.figma(async (fake, hash) => {
      const image = fake.images.get(hash)!
      const bitmap = await createImageBitmap(new Blob([image.bytes as BlobPart]), { premultiplyAlpha: 'none' })
      const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!
      context.drawImage(bitmap, 0, 0)
      const at = (fx: number, fy: number) => context.getImageData(Math.floor(fx * bitmap.width), Math.floor(fy * bitmap.height), 1, 1).data[3]
      // The shape spans 1/6 to 5/6 of the 300 px region.
      return { corner: at(0.05, 0.05), outside: at(0.1, 0.5), centre: at(0.5, 0.5), edge: at(1 / 6 + 0.005, 0.5) }
    }, placed.hash)
    expect(pixels.corner).toBe(0)
    expect(pixels.outside).toBe(0)
    expect(pixels.centre).toBe(255)
    expect(pixels.edge).toBeGreaterThan(0)
    expect(pixels.edge).toBeLessThan(255)
    expect(await session.figma((fake) => JSON.stringify(fake.allNodes().find((n) => n.name === 'Table shot')!.fills))).toBe(photoBefore)
    expect(await session.figma((fake) => fake.undoSteps())).toBe(1)
  })

  it('in a card with auto layout: a shape in the flow is refused before sending, saying how; taken out of it, the edit lands and no layer moves', async () => {
    const session = await suite.open({
      key: TEST_KEY,
      setup: async (fake) => {
        const card = Object.assign(fake.addFrame({ name: 'Card', width: 800, height: 10 }), { layoutMode: 'VERTICAL', primaryAxisSizingMode: 'AUTO' })
        const photo = await fake.addPhoto({ name: 'Table shot', width: 800, height: 600 }, card)
        fake.addRectangle({ name: 'Caption', width: 800, height: 100 }, card)
        // Drawn in the card, the shape joined its flow, after the caption.
        fake.select(photo, fake.addRectangle({ name: 'Area', width: 200, height: 200 }, card))
      },
    })
    const { ui } = session
    const card = () =>
      session.figma((fake) => {
        const frame = fake.allNodes().find((n) => n.name === 'Card')!
        return { size: [frame.width, frame.height], layers: frame.children.map((n) => ({ name: n.name, type: n.type, positioning: n.layoutPositioning, box: [n.x, n.y, n.width, n.height] })) }
      })
    await ui.getByRole('textbox', { name: 'Prompt' }).fill('a glass of orange juice')
    // Said at once, the main button held until it is fixed.
    expect(await ui.getByRole('button', { name: 'Edit area' }).isDisabled()).toBe(true)
    await expect.poll(() => ui.getByRole('alert').first().textContent()).toMatch(/“Area” is part of its frame’s auto layout: as the edit’s mask it would leave a gap and move the layers after it\. Turn on Absolute position for “Area”/)
    expect(suite.standIn.generations()).toHaveLength(0)
    expect((await card()).size).toEqual([800, 900])

    // As the panel says: Absolute position, the shape over the cup, and both selected again.
    await session.figma((fake) => {
      const [photo, , area] = fake.allNodes().find((n) => n.name === 'Card')!.children
      area.layoutPositioning = 'ABSOLUTE'
      Object.assign(area, { x: 300, y: 200 })
      fake.select(photo, area)
    })
    await expect.poll(async () => (await card()).size).toEqual([800, 700])
    await ui.getByRole('button', { name: 'Edit area' }).click()
    await expect.poll(async () => (await card()).layers.some((n) => n.type === 'GROUP'), { timeout: 15_000 }).toBe(true)
    expect(await card()).toEqual({
      size: [800, 700],
      layers: [
        { name: 'Table shot', type: 'RECTANGLE', positioning: 'AUTO', box: [0, 0, 800, 600] },
        { name: 'Table shot · edited area', type: 'GROUP', positioning: 'ABSOLUTE', box: [250, 150, 300, 300] },
        { name: 'Caption', type: 'RECTANGLE', positioning: 'AUTO', box: [0, 600, 800, 100] },
      ],
    })
    expect(await session.figma((fake) => fake.undoSteps())).toBe(1)
  })

  /**
   * The photo and a rectangle drawn over its cup, both selected; `change` is
   * done to the shape as the answer comes back, when the panel asks Figma for
   * the shape to fit the answer to it (a designer at work meanwhile).
   */
  const openWithShapeChanged = (change: 'nudge' | 'delete') =>
    suite.open({
      key: TEST_KEY,
      setupArg: change,
      setup: async (fake, change) => {
        const photo = await fake.addPhoto({ name: 'Table shot', x: 0, y: 0, width: 800, height: 600 })
        const area = fake.addRectangle({ name: 'Area', x: 300, y: 200, width: 200, height: 200 })
        fake.select(photo, area)
        const send = fake.sendFromUi.bind(fake)
        let done = false
        fake.sendFromUi = (message: { type: string; layerId?: string }) => {
          if (!done && message.type === 'export-layer' && message.layerId === area.id) {
            done = true
            if (change === 'nudge') area.x += 40
            else area.remove()
          }
          return send(message)
        }
      },
    })
  /** The layer the edit landed on, if a lone one: its box and its image's alpha in the middle and near a corner (outside the shape). */
  const editLayer = (session: PluginSession) =>
    session.figma(async (fake) => {
      const node = fake.page.children.find((n) => n.name === 'Table shot · edited area')
      if (!node || node.type !== 'RECTANGLE') return null
      const bitmap = await createImageBitmap(new Blob([fake.images.get(node.fills[0].imageHash!)!.bytes as BlobPart]), { premultiplyAlpha: 'none' })
      const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!
      context.drawImage(bitmap, 0, 0)
      const alpha = (fx: number, fy: number) => context.getImageData(Math.floor(fx * bitmap.width), Math.floor(fy * bitmap.height), 1, 1).data[3]
      const layers = fake.page.children.map((n) => n.name)
      return { box: [node.x, node.y, node.width, node.height], centre: alpha(0.5, 0.5), corner: alpha(0.05, 0.05), above: layers.indexOf(node.name) === layers.indexOf('Table shot') + 1 }
    })

  it('a shape nudged while the edit was generating: the edit lands where it was made, over the photo, visible; the shape stays where it was moved', async () => {
    const session = await openWithShapeChanged('nudge')
    await session.ui.getByRole('textbox', { name: 'Prompt' }).fill('a glass of orange juice')
    await session.ui.getByRole('button', { name: 'Edit area' }).click()
    await expect.poll(() => editLayer(session), { timeout: 15_000 }).not.toBeNull()
    // Fitted to the shape where it was drawn, at the box the answer was made for.
    expect(await editLayer(session)).toEqual({ box: [250, 150, 300, 300], centre: 255, corner: 0, above: true })
    const area = await session.figma((fake) => fake.page.children.filter((n) => n.name === 'Area').map((n) => ({ x: n.x, y: n.y, isMask: (n as unknown as { isMask?: boolean }).isMask === true })))
    expect(area).toEqual([{ x: 340, y: 200, isMask: false }])
    expect(await session.figma((fake) => fake.notifications.at(-1)?.message)).toMatch(/“Area” was moved or resized while the edit was generating, so the edit went over “Table shot” where the shape was, on a layer of its own/)
    expect(await session.figma((fake) => fake.undoSteps())).toBe(1)
  })

  it('a shape deleted while the edit was generating: the paid edit is kept, and Retry puts it over the photo unmasked without paying again', async () => {
    const session = await openWithShapeChanged('delete')
    await session.ui.getByRole('textbox', { name: 'Prompt' }).fill('a glass of orange juice')
    await session.ui.getByRole('button', { name: 'Edit area' }).click()
    const kept = session.ui.getByRole('region', { name: 'Images not placed' })
    await expect.poll(() => kept.textContent(), { timeout: 15_000 }).toMatch(/The shape of the area was deleted or could not be read.*Retry puts it over the image unmasked, on a layer of its own/)
    expect(await editLayer(session)).toBeNull()
    await kept.getByRole('button', { name: 'Retry' }).click()
    await expect.poll(() => editLayer(session), { timeout: 15_000 }).not.toBeNull()
    // The whole answer, unmasked, over the photo where it was made for.
    expect(await editLayer(session)).toEqual({ box: [250, 150, 300, 300], centre: 255, corner: 255, above: true })
    expect(await kept.count()).toBe(0)
    expect(suite.standIn.generations()).toHaveLength(1)
    expect(await session.figma((fake) => fake.notifications.at(-1)?.message)).toMatch(/The shape of the area was deleted, so the edit went over “Table shot”/)
  })

  it('a locked shape is said before sending, with what to do; unlocked and selected again, the edit lands masked by it', async () => {
    const session = await suite.open({
      key: TEST_KEY,
      setup: async (fake) => {
        const photo = await fake.addPhoto({ name: 'Table shot', x: 0, y: 0, width: 800, height: 600 })
        const area = fake.addRectangle({ name: 'Area', x: 300, y: 200, width: 200, height: 200 })
        ;(area as unknown as { locked: boolean }).locked = true
        fake.select(photo, area)
      },
    })
    const { ui } = session
    await ui.getByRole('textbox', { name: 'Prompt' }).fill('a glass of orange juice')
    await expect.poll(() => ui.getByRole('alert').first().textContent()).toMatch(/“Area” is locked, and the edit makes it its mask: unlock it, then select it and “Table shot” again\./)
    expect(await ui.getByRole('button', { name: 'Edit area' }).isDisabled()).toBe(true)
    await ui.getByRole('button', { name: 'Erase area' }).click()
    expect(suite.standIn.generations()).toHaveLength(0)
    expect(await measurePanelAsync(ui)).toMatchObject({ cutMessages: [], scrollsSideways: false })

    await session.figma((fake) => {
      const [photo, area] = fake.page.children
      ;(area as unknown as { locked: boolean }).locked = false
      fake.select(photo, area)
    })
    await ui.getByRole('button', { name: 'Edit area' }).click()
    await expect.poll(() => session.figma((fake) => fake.page.children.find((n) => n.type === 'GROUP')?.children.map((n) => n.name)), { timeout: 15_000 }).toEqual(['Area', 'Table shot · edited area'])
    expect(suite.standIn.generations()).toHaveLength(1)
  })

  it('a shape Figma put inside the frame that shows the image, as it does when one draws over it: says to drag it out, and sends nothing', async () => {
    const session = await suite.open({
      key: TEST_KEY,
      setup: async (fake) => {
        const hero = fake.addFrame({ name: 'Hero', x: 0, y: 0, width: 800, height: 600, content: 'photo' })
        hero.fills = [{ type: 'IMAGE', imageHash: fake.figma.createImage(await hero.exportAsync()).hash, scaleMode: 'FILL' }]
        fake.select(hero, fake.addRectangle({ name: 'Area', x: 300, y: 200, width: 200, height: 200 }, hero))
      },
    })
    const { ui } = session
    await ui.getByRole('textbox', { name: 'Prompt' }).fill('a glass of orange juice')
    await expect.poll(() => ui.getByRole('alert').first().textContent()).toBe('“Area” is inside “Hero”, and Edit area needs it beside the image in the layers: drag “Area” out of “Hero” in the layers panel, to just above it, then select both again.')
    await ui.getByRole('button', { name: 'Erase area' }).click()
    expect(suite.standIn.generations()).toHaveLength(0)
  })

  it('says before sending when the shape is outside the image, and sends nothing', async () => {
    const session = await openWithShape({ kind: 'ellipse', x: 1000, y: 0, width: 100, height: 100 })
    await session.ui.getByRole('button', { name: 'Erase area' }).click()
    await expect.poll(() => session.ui.getByRole('alert').first().textContent()).toMatch(/The shape is outside “Table shot”: draw it over the part of the image to change/)
    expect(suite.standIn.generations()).toHaveLength(0)
  })
})
