import { describe, expect, it } from 'vitest'
import { decodePng, readImageInfo } from '../images/png'
import { TEST_KEY } from '../openrouter-stand-in/server'
import type { PluginSession } from './harness'
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

async function editSelection(session: PluginSession) {
  await session.ui.getByRole('radio', { name: 'What to refine or upscale' }).check()
  await session.ui.getByRole('region', { name: 'Selected layers' }).waitFor()
}

describe('the selection as input', () => {
  it('refines a frame: input and reference roles, result beside its source at the same size', async () => {
    const session = await suite.open({
      key: TEST_KEY,
      setup: (fake) => {
        fake.select(fake.addFrame({ name: 'Card', x: 0, y: 0, width: 600, height: 400, content: 'photo' }), fake.addFrame({ name: 'Detail', x: 0, y: 500, width: 200, height: 200 }))
      },
    })
    const { ui } = session
    await editSelection(session)
    // Refine each: every frame starts as an input; Combine: the first the input, the rest references.
    expect(await ui.getByRole('combobox', { name: 'Role of Card' }).inputValue()).toBe('input')
    expect(await ui.getByRole('combobox', { name: 'Role of Detail' }).inputValue()).toBe('input')
    await ui.getByRole('button', { name: 'Combine into one' }).click()
    expect(await ui.getByRole('combobox', { name: 'Role of Detail' }).inputValue()).toBe('reference')
    await expect.poll(() => ui.getByRole('region', { name: 'Selected layers' }).locator('img').count()).toBe(2)
    await ui.getByRole('combobox', { name: 'Role of Detail' }).selectOption('unused')
    await ui.getByRole('textbox', { name: 'Prompt' }).fill('Make it a rainy evening')
    await ui.getByRole('textbox', { name: 'Prompt' }).press('Control+Enter')

    await expect.poll(() => layer(session, 'Card · Riverflow'), { timeout: 15_000 }).toMatchObject({ x: 640, y: 0, width: 600, height: 400 })
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
        fake.select(fake.addFrame({ name: 'Hero', x: 0, y: 0, width: 640, height: 360 }), fake.addFrame({ name: 'Texture', x: 0, y: 500, width: 300, height: 300, content: 'photo' }))
      },
    })
    await editSelection(session)
    await session.ui.getByRole('combobox', { name: 'Role of Texture' }).selectOption('reference')
    await session.ui.getByRole('button', { name: 'Upscale 2×' }).click()
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
          fake.addFrame({ name: 'Logo', x: 0, y: 0, width: 200, height: 200, content: 'photo' }),
          fake.addFrame({ name: 'Poster', x: 300, y: 0, width: 600, height: 800 }),
          fake.addFrame({ name: 'Product', x: 1000, y: 0, width: 300, height: 300, content: 'photo' }),
        )
      },
    })
    await session.ui.getByRole('button', { name: 'Upscale “Poster” with 2 references' }).click()
    await expect.poll(() => layer(session, 'Poster @2x'), { timeout: 15_000 }).toMatchObject({ width: 600, height: 800, image: { width: 1200, height: 1600 } })
    expect(suite.standIn.generations()).toHaveLength(1)
    const body = suite.standIn.generations()[0].body as Body
    expect(body.image_config.super_resolution_references).toHaveLength(2)
    const content = body.messages[0].content as { image_url?: { url: string } }[]
    expect(decode(content[1].image_url!.url)).toMatchObject({ width: 1200, height: 1600 })
  })

  it('runs a batch, each frame on its own, keeping the successes when one fails', async () => {
    const session = await suite.open({
      key: TEST_KEY,
      setup: (fake) => {
        fake.select(...[0, 1, 2].map((i) => fake.addFrame({ name: `Frame ${i}`, x: i * 300, y: 0, width: 200, height: 200 })))
      },
    })
    const { ui } = session
    suite.standIn.setLatency(300)
    suite.standIn.enqueue({ kind: 'success' }, { kind: 'error', status: 402 }, { kind: 'success' })
    await editSelection(session)
    expect(await ui.getByRole('combobox', { name: 'Requests at a time' }).inputValue()).toBe('3')
    expect(await ui.getByRole('button', { name: 'Refine each (3)' }).textContent()).toMatch(/\$0\.06/)
    await ui.getByRole('textbox', { name: 'Prompt' }).fill('Isometric style')
    await ui.getByRole('button', { name: 'Refine each (3)' }).click()
    await expect.poll(() => ui.getByRole('list', { name: 'Frames' }).textContent()).toMatch(/Frame 0.*Frame 1.*Frame 2/)
    await expect.poll(() => ui.getByRole('alert').first().textContent(), { timeout: 15_000 }).toMatch(/1 of 3 frames failed; the others were placed/)
    expect(await ui.getByText(/Frame \d: Not enough OpenRouter credit/).count()).toBe(1)
    const results = await session.figma((fake) => fake.page.children.filter((n) => n.name.endsWith('· Riverflow')).length)
    expect(results).toBe(2)
    suite.standIn.setLatency(0)
    await session.close()
  })

  it('lists the first 50 layers of a large selection and sums up the rest', async () => {
    const session = await suite.open({
      key: TEST_KEY,
      setup: (fake) => fake.select(...Array.from({ length: 60 }, (_, i) => fake.addFrame({ name: `Card ${i}`, x: i * 120, y: 0, width: 100, height: 100 }))),
    })
    await editSelection(session)
    const { ui } = session
    await expect.poll(() => ui.getByRole('combobox', { name: /^Role of Card/ }).count()).toBe(50)
    expect(await ui.getByText('and 10 more: 10 as input').count()).toBe(1)
    await session.close()
  })

  it('keeps the designer’s choices through Settings and a reopen of the plugin', async () => {
    const session = await suite.open({
      key: TEST_KEY,
      setup: (fake) => {
        // What clientStorage held when the plugin last closed, set by the test before a reload.
        const kept = (window as unknown as { keptStorage?: [string, unknown][] }).keptStorage ?? []
        for (const [key, value] of kept) fake.storage.set(key, value)
        fake.select(...[0, 1, 2].map((i) => fake.addFrame({ name: `Frame ${i}`, x: i * 300, y: 0, width: 200, height: 200 })))
      },
    })
    const { ui, page } = session
    const choices = async () => ({
      edit: await ui.getByRole('radio', { name: 'What to refine or upscale' }).isChecked(),
      eachOnItsOwn: (await ui.getByText('The inputs go in one request').count()) === 0,
    })
    await editSelection(session)
    await ui.getByRole('combobox', { name: 'Requests at a time' }).selectOption('5')
    // With no prompt, Combine sets the panel up and sends nothing.
    await ui.getByRole('button', { name: 'Combine into one' }).click()
    await ui.getByRole('combobox', { name: 'Role of Frame 1' }).selectOption('input')

    await ui.getByRole('button', { name: 'Settings' }).click()
    await ui.getByRole('button', { name: 'Done' }).click()
    expect(await choices()).toEqual({ edit: true, eachOnItsOwn: false })
    const saved = () => session.figma((fake) => fake.storage.get('saved-state'))
    await expect.poll(saved).toMatchObject({ selectionUse: 'edit', eachOnItsOwn: false, concurrency: 5 })

    // Close and reopen on the same storage: the page reloads, and its setup puts back what was stored.
    const storage = await session.figma((fake) => [...fake.storage.entries()])
    await session.context.addInitScript(`window.keptStorage = ${JSON.stringify(storage)}`)
    await page.reload()
    await page.evaluate('window.hostReady')
    await ui.getByRole('region', { name: 'Selected layers' }).waitFor()
    // Roles belong to a selection, not to the designer's choices: Frame 1 starts as a reference again.
    expect(await ui.getByRole('combobox', { name: 'Role of Frame 1' }).inputValue()).toBe('reference')
    await ui.getByRole('combobox', { name: 'Role of Frame 1' }).selectOption('input')
    expect(await choices()).toEqual({ edit: true, eachOnItsOwn: false })
    expect(suite.standIn.generations()).toHaveLength(0)
    await ui.getByRole('button', { name: 'Refine each (3)' }).click()
    expect(await ui.getByRole('combobox', { name: 'Requests at a time' }).inputValue()).toBe('5')
    await session.close()
  })

  it('sets text in the font of a selected text layer, found through Google Fonts', async () => {
    const session = await suite.open({
      fonts: suite.fonts,
      key: TEST_KEY,
      setup: (fake) => {
        fake.select(fake.addText({ name: 'Headline', characters: 'Big Sale', font: { family: 'Inter', style: 'Semi Bold' } }))
      },
    })
    const { ui } = session
    await ui.getByRole('textbox', { name: 'Prompt' }).fill('A shop window poster')
    await ui.getByRole('button', { name: 'Add font' }).click()
    await ui.getByRole('button', { name: 'Use selected text layer' }).click()
    await expect.poll(() => ui.getByRole('textbox', { name: 'Font 1 URL' }).inputValue()).toBe('https://fonts.gstatic.com/l/font?kit=inter600&skey=test&v=v1')
    expect(await ui.getByRole('textbox', { name: 'Font 1 text' }).inputValue()).toBe('Big Sale')
    await ui.getByRole('button', { name: 'Add it to the prompt' }).click()
    expect(await ui.getByRole('textbox', { name: 'Prompt' }).inputValue()).toBe('A shop window poster Big Sale')
    expect(await ui.getByLabel('Estimated cost').textContent()).toBe('Estimated $0.05')
    await ui.getByRole('button', { name: /^Generate/ }).click()
    await expect.poll(() => suite.standIn.generations().length, { timeout: 10_000 }).toBe(1)
    expect((suite.standIn.generations()[0].body as Body).image_config.font_inputs).toEqual([
      { font_url: 'https://fonts.gstatic.com/l/font?kit=inter600&skey=test&v=v1', text: 'Big Sale' },
    ])
    await session.close()
  })
})

describe('Expand', () => {
  it('continues a product shot to the edges of its banner frame: the input has the frame’s shape, the result goes behind the unchanged shot', async () => {
    const session = await suite.open({
      key: TEST_KEY,
      setup: async (fake) => {
        fake.storage.set('saved-state', { settings: { model: 'sourceful/riverflow-v2.5-fast' } })
        const frame = fake.addFrame({ name: 'Banner', x: 0, y: 0, width: 1200, height: 628 })
        const shot = fake.addRectangle({ name: 'Product', x: 286, y: 0, width: 628, height: 628, content: 'photo' }, frame)
        shot.fills = [{ type: 'IMAGE', imageHash: fake.figma.createImage(await shot.exportAsync()).hash, scaleMode: 'FILL' }]
        fake.select(frame)
      },
    })
    const shotBefore = await session.figma((fake) => JSON.stringify(fake.allNodes().find((n) => n.name === 'Product')!.fills))
    await session.ui.getByRole('button', { name: 'Expand “Product” to fill “Banner”' }).click()
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
