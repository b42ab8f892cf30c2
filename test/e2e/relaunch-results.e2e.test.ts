import { describe, expect, it } from 'vitest'
import { readImageInfo } from '../images/png'
import { TEST_KEY } from '../openrouter-stand-in/server'
import type { PluginSession } from './harness'
import { measurePanelAsync } from './panel-layout'
import { useBrowserSuite } from './suite'

// The relaunch buttons of what Edit area and Expand made, in the real browser:
// Regenerate and More like this redo the same area of the same image (or
// expand the same image again), Restore previous swaps back.
const suite = useBrowserSuite()

type Body = { messages: { content: { type: string; image_url?: { url: string } }[] }[]; image_config: Record<string, unknown> }
const inputOf = (at: number) => {
  const content = (suite.standIn.generations()[at].body as Body).messages[0].content
  const url = content.find((part) => part.image_url)!.image_url!.url
  return readImageInfo(new Uint8Array(Buffer.from(url.split(',')[1], 'base64')))!
}
const reopen = (session: PluginSession, command: string) =>
  session.page.evaluate((command) => (window as unknown as { hostReopen: (launch: unknown) => Promise<void> }).hostReopen({ command }), command)

/** The edits over the photo: each group's answer image, the generation it came from, its alpha outside the shape, in the middle, and the group's buttons. */
const edits = (session: PluginSession) =>
  session.figma(async (fake) => {
    const groups = fake.page.children.filter((n) => n.type === 'GROUP')
    return Promise.all(
      groups.map(async (group) => {
        const hash = (group.children[1].fills[0] as { imageHash: string }).imageHash
        const bitmap = await createImageBitmap(new Blob([fake.images.get(hash)!.bytes as BlobPart]), { premultiplyAlpha: 'none' })
        const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!
        context.drawImage(bitmap, 0, 0)
        const alpha = (fx: number, fy: number) => context.getImageData(Math.floor(fx * bitmap.width), Math.floor(fy * bitmap.height), 1, 1).data[3]
        const mask = group.children[0] as unknown as { isMask?: boolean; x: number; y: number; width: number; height: number }
        const generation = (JSON.parse(group.getPluginData('riverflow')) as { generationId: string }).generationId
        return { hash, generation, previous: group.children[1].getPluginData('riverflow-previous-fills') !== '', outside: alpha(0.05, 0.5), centre: alpha(0.5, 0.5), mask: { isMask: mask.isMask === true, x: mask.x, y: mask.y, width: mask.width }, buttons: Object.keys(group.getRelaunchData()) }
      }),
    )
  })

describe('relaunch buttons on an edit', () => {
  it('Regenerate sends the same area again and puts the answer in the edit’s place; More like this adds an edit above; Restore previous swaps back', async () => {
    const session = await suite.open({
      key: TEST_KEY,
      setup: async (fake) => {
        // The designer's own model and size: a relaunch of the edit runs at once.
        fake.storage.set('saved-state', { settings: { model: 'sourceful/riverflow-v2-fast', imageSize: '1K' }, takes: 1 })
        const photo = await fake.addPhoto({ name: 'Table shot', x: 0, y: 0, width: 800, height: 600 })
        fake.select(photo, fake.addRectangle({ name: 'Area', x: 300, y: 200, width: 200, height: 200 }))
      },
    })
    const photoBefore = await session.figma((fake) => JSON.stringify(fake.allNodes().find((n) => n.name === 'Table shot')!.fills))
    await session.ui.getByRole('textbox', { name: 'Prompt' }).fill('a glass of orange juice')
    await session.ui.getByRole('button', { name: 'Edit area' }).click()
    await expect.poll(async () => (await edits(session)).length, { timeout: 15_000 }).toBe(1)
    const [first] = await edits(session)
    expect(first.buttons).toEqual(['regenerate', 'more-like-this', 'edit-prompt'])

    await session.figma((fake) => fake.select(fake.page.children.find((n) => n.type === 'GROUP')!))
    await reopen(session, 'regenerate')
    // The stand-in answers the same request with the same pixels: the generation tells the answers apart.
    await expect.poll(async () => (await edits(session))[0].generation, { timeout: 20_000 }).not.toBe(first.generation)
    expect(suite.standIn.generations()).toHaveLength(2)
    const [again] = await edits(session)
    // The same region of the same image, with the designer's prompt, landing masked as before.
    expect(inputOf(1)).toEqual(inputOf(0))
    const text = (suite.standIn.generations()[1].body as { messages: { content: { text?: string }[] }[] }).messages[0].content[0].text
    expect(text).toMatch(/Change only what is in the middle of it: a glass of orange juice/)
    expect(again).toMatchObject({ previous: true, outside: 0, centre: 255, mask: { isMask: true, x: 300, y: 200, width: 200 } })
    expect(again.buttons).toContain('restore-previous')
    expect(await session.ui.getByRole('textbox', { name: 'Prompt' }).inputValue()).toBe('a glass of orange juice')

    await reopen(session, 'more-like-this')
    await expect.poll(async () => (await edits(session)).length, { timeout: 20_000 }).toBe(2)
    const [kept, take] = await edits(session)
    expect(kept.generation).toBe(again.generation)
    expect(take.generation).not.toBe(again.generation)
    expect(take).toMatchObject({ outside: 0, mask: { isMask: true, x: 300, y: 200, width: 200 } })

    await session.figma((fake) => fake.select(fake.page.children.find((n) => n.type === 'GROUP')!))
    await reopen(session, 'restore-previous')
    await expect.poll(async () => (await edits(session))[0].generation, { timeout: 10_000 }).toBe(first.generation)
    expect(await session.figma((fake) => JSON.stringify(fake.allNodes().find((n) => n.name === 'Table shot')!.fills))).toBe(photoBefore)
    expect(await session.figma((fake) => fake.undoSteps())).toBe(4)
  })

  it('Erase area pressed on an image with the shape drawn over it: erases at once; with the image alone, says how to draw the area', async () => {
    const session = await suite.open({
      key: TEST_KEY,
      setup: async (fake) => {
        fake.storage.set('saved-state', { settings: { model: 'sourceful/riverflow-v2-fast', imageSize: '1K' } })
        const photo = await fake.addPhoto({ name: 'Table shot', x: 0, y: 0, width: 800, height: 600 })
        photo.setPluginData('riverflow', '{}')
        fake.select(photo)
        fake.figma.command = 'edit-an-area'
      },
    })
    await expect.poll(() => session.ui.getByText(/Draw a rectangle, ellipse or pen shape over the part of “Table shot” to change/).count()).toBe(1)
    expect(suite.standIn.generations()).toHaveLength(0)

    await session.figma((fake) => fake.select(fake.page.children[0], fake.addEllipse({ name: 'Cup', x: 100, y: 100, width: 120, height: 120 })))
    await reopen(session, 'erase-an-area')
    await expect.poll(async () => (await edits(session)).length, { timeout: 20_000 }).toBe(1)
    const text = (suite.standIn.generations()[0].body as { messages: { content: { text?: string }[] }[] }).messages[0].content[0].text
    expect(text).toMatch(/Remove what is in the middle/)
  })
})

describe('Edit area and Erase area with nothing selected', () => {
  it('say what to draw and select, in full at 360 px, not that the layer was deleted', async () => {
    const session = await suite.open({
      key: TEST_KEY,
      setup: (fake) => {
        // The image is there, deselected before the plugin ran (Figma's "Run last plugin" repeats the command).
        fake.addRectangle({ name: 'Table shot', x: 0, y: 0, width: 800, height: 600 })
        fake.figma.command = 'edit-an-area'
      },
    })
    const note = session.ui.getByText(/^Nothing is selected\. Draw a rectangle, ellipse or pen shape over the part of an image to change, then select the shape and the image together/)
    await expect.poll(() => note.count()).toBe(1)
    expect(await session.ui.getByText(/deleted|no longer selected/).count()).toBe(0)
    expect(await measurePanelAsync(session.ui)).toMatchObject({ cutMessages: [], scrollsSideways: false })
    expect(suite.standIn.generations()).toHaveLength(0)
  })
})

describe('relaunch buttons on an expansion', () => {
  it('Regenerate expands the same shot again into the same layer, with the designer’s own words once', async () => {
    const session = await suite.open({
      key: TEST_KEY,
      setup: async (fake) => {
        fake.storage.set('saved-state', { settings: { model: 'sourceful/riverflow-v2-fast', imageSize: '1K' }, takes: 1 })
        const banner = fake.addFrame({ name: 'Banner', x: 0, y: 0, width: 1200, height: 628 })
        await fake.addPhoto({ name: 'Product', x: 286, y: 0, width: 628, height: 628 }, banner)
        fake.select(banner)
      },
    })
    await session.ui.getByRole('textbox', { name: 'Prompt' }).fill('a sunny kitchen counter')
    await session.ui.getByRole('button', { name: 'Expand', exact: true }).click()
    const layers = () => session.figma((fake) => fake.page.children[0].children.map((n) => ({ name: n.name, generation: n.getPluginData('riverflow') && (JSON.parse(n.getPluginData('riverflow')) as { generationId: string }).generationId })))
    await expect.poll(async () => (await layers()).length, { timeout: 15_000 }).toBe(2)
    const [first] = await layers()

    await session.figma((fake) => fake.select(fake.page.children[0].children[0]))
    await reopen(session, 'regenerate')
    await expect.poll(async () => (await layers())[0].generation, { timeout: 20_000 }).not.toBe(first.generation)
    expect((await layers()).map((layer) => layer.name)).toEqual(['Banner · expanded', 'Product'])
    // The same input again: the banner's shape with the shot in it.
    expect(inputOf(1)).toEqual(inputOf(0))
    const text = (suite.standIn.generations()[1].body as { messages: { content: { text?: string }[] }[] }).messages[0].content[0].text!
    expect(text.split('In the new area: a sunny kitchen counter')).toHaveLength(2)
    expect(text.split('Expand this picture')).toHaveLength(2)
    expect(await session.figma((fake) => fake.page.children[0].children[0].getPluginData('riverflow-previous-fills') !== '')).toBe(true)
  })
})

describe('relaunch buttons on an image the designer replaced by hand', () => {
  it('Regenerate opens the panel with why and what to do, sends nothing, keeps what the designer typed, and takes the buttons off', async () => {
    const session = await suite.open({
      key: TEST_KEY,
      setup: (fake) => {
        // The designer's own model and size: a Regenerate of the image would run at once, with no click.
        fake.storage.set('saved-state', { settings: { model: 'sourceful/riverflow-v2-fast', imageSize: '1K' }, takes: 1 })
        fake.select(fake.addFrame({ name: 'Hero', x: 0, y: 0, width: 800, height: 1000 }))
      },
    })
    const { ui } = session
    const prompt = ui.getByRole('textbox', { name: 'Prompt' })
    await ui.getByText('As the fill of “Hero”.').waitFor()
    await prompt.fill('Soft morning light')
    await prompt.press('Control+Enter')
    await expect.poll(() => session.figma((fake) => fake.page.children[0].getPluginData('riverflow') !== ''), { timeout: 15_000 }).toBe(true)
    expect(suite.standIn.generations()).toHaveLength(1)

    // The designer drops their own photo on the frame with Figma's fill controls, and types something new.
    const photo = await session.figma(async (fake) => {
      const shot = fake.addRectangle({ name: 'Shot', x: 2000, y: 0, width: 80, height: 100, content: 'photo' })
      const hash = fake.figma.createImage(await shot.exportAsync()).hash
      shot.remove()
      fake.page.children[0].fills = [{ type: 'IMAGE', imageHash: hash, scaleMode: 'FILL' }]
      return hash
    })
    await prompt.fill('Warmer, with a window')
    await expect.poll(() => session.figma((fake) => (fake.storage.get('saved-state') as { prompt?: string } | undefined)?.prompt)).toBe('Warmer, with a window')

    await session.figma((fake) => fake.select(fake.page.children[0]))
    await reopen(session, 'regenerate')
    await expect.poll(() => ui.getByRole('status', { name: 'Settings changed' }).textContent(), { timeout: 10_000 }).toMatch(/“Hero” no longer shows the image Riverflow made \(its fill was changed by hand\), so nothing was sent/)
    expect(suite.standIn.generations()).toHaveLength(1)
    expect(await prompt.inputValue()).toBe('Warmer, with a window')
    const frame = await session.figma((fake) => ({ hash: fake.page.children[0].fills[0].imageHash, buttons: Object.keys(fake.page.children[0].getRelaunchData()) }))
    expect(frame.hash).toBe(photo)
    expect(frame.buttons).not.toContain('regenerate')
    expect(frame.buttons).not.toContain('edit-prompt')
  })
})
