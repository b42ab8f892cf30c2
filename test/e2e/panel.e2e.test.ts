import { describe, expect, it } from 'vitest'
import { TEST_KEY } from '../openrouter-stand-in/server'
import type { PluginSession } from './harness'
import { pressActionAsync } from './panel-actions'
import { PANEL_STATES, stateOptions } from './panel-states'
import { useBrowserSuite } from './suite'

// The panel's window: resized from its corner grip, remembered for the next run; focus visible.
const suite = useBrowserSuite()

/**
 * Runs in the UI's frame before its script: records what #app holds the first time anything
 * is drawn in it. The UI renders in one go, so the first mutation holds the whole first frame.
 */
const RECORD_FIRST_FRAME = `
  new MutationObserver((_, observer) => {
    const app = document.getElementById('app')
    if (!app || app.childElementCount === 0) return
    observer.disconnect()
    window.firstFrame = { text: app.textContent, prompt: app.querySelector('textarea[aria-label="Prompt"]') !== null }
  }).observe(document, { childList: true, subtree: true })
`
interface FirstFrame {
  text: string
  prompt: boolean
}

/** What the panel drew first, once it has drawn. */
async function firstFrameAsync(session: PluginSession): Promise<FirstFrame> {
  const read = () => session.ui.locator('html').evaluate(() => (window as unknown as { firstFrame?: FirstFrame }).firstFrame ?? null)
  await expect.poll(read, { timeout: 10_000 }).not.toBeNull()
  return (await read())!
}

describe('the first frame', () => {
  it('is the prompt view when a key is stored: never “Loading…”', async () => {
    const session = await suite.open({ key: TEST_KEY, uiInitScript: RECORD_FIRST_FRAME })
    const frame = await firstFrameAsync(session)
    expect(frame.prompt).toBe(true)
    expect(frame.text).not.toContain('Loading')
    await session.close()
  })

  it('is the key view on first run', async () => {
    const session = await suite.open({ uiInitScript: RECORD_FIRST_FRAME })
    const frame = await firstFrameAsync(session)
    expect(frame.prompt).toBe(false)
    expect(frame.text).toMatch(/OpenRouter/)
    expect(frame.text).not.toContain('Loading')
    await session.close()
  })
})

describe('the panel window', () => {
  it('resizes from the corner grip within bounds, and opens at that size next time', async () => {
    const session = await suite.open({
      key: TEST_KEY,
      setup: (fake) => {
        const kept = (window as unknown as { keptStorage?: [string, unknown][] }).keptStorage ?? []
        for (const [key, value] of kept) fake.storage.set(key, value)
      },
    })
    const { ui, page } = session
    const grip = ui.getByRole('button', { name: 'Resize the panel' })
    await ui.getByRole('textbox', { name: 'Prompt' }).waitFor()
    const box = (await grip.boundingBox())!
    const frameSize = () => session.figma((fake) => fake.uiSize())
    expect(await frameSize()).toEqual({ width: 360, height: 640 })

    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    await page.mouse.down()
    // The host page puts the panel at its right edge: drag inwards.
    await page.mouse.move(box.x + box.width / 2 - 40, box.y + box.height / 2 - 100, { steps: 5 })
    await page.mouse.up()
    await expect.poll(frameSize).toEqual({ width: 320, height: 540 })
    const iframe = page.locator('iframe[title="Riverflow for Figma"]')
    expect(await iframe.getAttribute('width')).toBe('320')

    // The keyboard does it too, and the size stays within bounds.
    await grip.focus()
    for (let i = 0; i < 10; i++) await grip.press('Shift+ArrowRight')
    await expect.poll(frameSize).toEqual({ width: 900, height: 540 })
    await expect.poll(() => session.figma((fake) => fake.storage.get('window-size'))).toEqual({ width: 900, height: 540 })

    const storage = await session.figma((fake) => [...fake.storage.entries()])
    await session.page.addInitScript(`window.keptStorage = ${JSON.stringify(storage)}`)
    await page.reload()
    await page.evaluate('window.hostReady')
    expect(await frameSize()).toEqual({ width: 900, height: 540 })
    expect(await iframe.getAttribute('width')).toBe('900')
    await session.close()
  })

  it('shows keyboard focus on the controls in Figma’s selection colour', async () => {
    const session = await suite.open({ key: TEST_KEY })
    const { ui } = session
    await ui.getByRole('textbox', { name: 'Prompt' }).waitFor()
    await ui.getByRole('button', { name: 'History' }).focus()
    await session.page.keyboard.press('Tab')
    await session.page.keyboard.press('Shift+Tab')
    const outline = await ui.locator('html').evaluate(() => {
      const style = getComputedStyle(document.activeElement!)
      return { width: style.outlineWidth, style: style.outlineStyle, tag: document.activeElement!.tagName }
    })
    const selected = await ui.locator('html').evaluate((el) => getComputedStyle(el).getPropertyValue('--figma-color-border-selected').trim())
    expect(outline).toMatchObject({ width: '2px', style: 'solid', tag: 'BUTTON' })
    expect(selected).not.toBe('')
    await session.close()
  })
})

describe('the actions a selection invites', () => {
  it('are inside the panel at its default size without scrolling, and no problem is shown before the designer tries', async () => {
    const session = await suite.open({
      key: TEST_KEY,
      setup: (fake) => {
        fake.storage.set('saved-state', { settings: { model: 'sourceful/riverflow-v2.5-fast' }, selectionUse: 'edit', eachOnItsOwn: false })
        fake.select(...[0, 1, 2].map((i) => fake.addLayout({ name: `Shot ${i}`, x: i * 300, y: 0, width: 200, height: 200 })))
      },
    })
    const { ui } = session
    const actions = ui.getByRole('region', { name: 'Actions on the selection' })
    await actions.waitFor()
    const panel = await session.figma((fake) => fake.uiSize())
    expect(panel).toEqual({ width: 360, height: 640 })
    const box = await actions.evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect)
    expect(box.top).toBeGreaterThanOrEqual(0)
    expect(box.bottom).toBeLessThanOrEqual(panel.height)
    expect(await ui.getByRole('alert').count()).toBe(0)
    // Tried without a prompt: now it is said, where the actions are.
    await pressActionAsync(ui, 'Combine into one')
    const alert = ui.getByRole('alert')
    await expect.poll(() => alert.textContent()).toMatch(/Write a prompt first/)
    const alertBox = await alert.evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect)
    expect(alertBox.bottom).toBeLessThanOrEqual(panel.height)

    // With a prompt, Combine into one on 2.5 Fast (no refSR references): one request, the three shots as its input images.
    await ui.getByRole('textbox', { name: 'Prompt' }).fill('The three shots as one lifestyle photo')
    await pressActionAsync(ui, 'Combine into one')
    await expect.poll(() => suite.standIn.generations().length, { timeout: 20_000 }).toBe(1)
    const body = suite.standIn.generations()[0].body as { messages: { content: { type: string }[] }[]; image_config?: Record<string, unknown> }
    expect(body.messages[0].content.filter((part) => part.type === 'image_url')).toHaveLength(3)
    expect(body.image_config?.super_resolution_references).toBeUndefined()
  })

  it('an empty frame (the kept “frame” state): Generate its fill, priced, and nothing that would send its blank pixels; several: Generate each, or Generate', async () => {
    const state = PANEL_STATES.find((s) => s.name === 'frame')!
    const session = await suite.open(stateOptions(state, 'light'))
    await state.arrange!(session, suite.standIn)
    const { ui } = session
    const actions = ui.getByRole('region', { name: 'Actions on the selection' })
    const labels = () => actions.getByRole('button').evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label')))
    const main = actions.locator('.primary-action').getByRole('button')
    await expect.poll(() => main.getAttribute('aria-label')).toBe('Generate')
    expect(await main.textContent()).toMatch(/\$0\.04/)
    // No Refine, no Upscale 2× beside it, nothing under More: a refine or an upscale of an empty frame pays for a blank.
    expect(await labels()).toEqual(['Generate'])
    expect(await ui.getByText(/^As the fill of “Hero banner”/).count()).toBe(1)

    // Several empty frames: an image for each at its size, or one Generate; still nothing that sends them.
    await session.figma((fake) => fake.select(...['Story', 'Post'].map((name, i) => fake.addFrame({ name, x: 1400 + i * 1200, width: 1080, height: 1920 }))))
    await expect.poll(() => main.getAttribute('aria-label')).toBe('Generate each (2)')
    expect(await labels()).toEqual(['Generate each (2)', 'Generate'])
    expect(suite.standIn.generations()).toHaveLength(0)
    await session.close()
  })

  it('a divider line (600×0) selected: says before sending that it cannot show the image, and the image lands on a layer one can see', async () => {
    const session = await suite.open({ key: TEST_KEY, setup: (fake) => fake.select(fake.addLine({ name: 'Divider', x: 0, y: 100, width: 600 })) })
    const { ui } = session
    await expect.poll(() => ui.getByText('“Divider” is too thin to show an image (600×0), so the image goes on a new layer beside it.').count()).toBe(1)
    await ui.getByRole('textbox', { name: 'Prompt' }).fill('A wave pattern')
    await ui.getByRole('button', { name: /^Generate/ }).click()
    await expect.poll(() => session.figma((fake) => fake.page.children.length), { timeout: 20_000 }).toBe(2)
    const layers = await session.figma((fake) => fake.page.children.map((n) => ({ name: n.name, width: n.width, height: n.height, fills: n.fills.length })))
    expect(layers[0]).toMatchObject({ name: 'Divider', height: 0, fills: 0 })
    expect(layers[1].width).toBeGreaterThan(100)
    expect(layers[1].height).toBeGreaterThan(100)
    expect(layers[1].fills).toBe(1)
  })

  it('a shape drawn over the frame around an image, not the image: says to select the image, and offers no Edit area', async () => {
    const session = await suite.open({
      key: TEST_KEY,
      setup: async (fake) => {
        const post = fake.addFrame({ name: 'Post', x: 0, y: 0, width: 800, height: 600 })
        await fake.addPhoto({ name: 'Table shot', x: 0, y: 0, width: 800, height: 600 }, post)
        fake.select(post, fake.addEllipse({ name: 'Cup', x: 300, y: 200, width: 120, height: 120 }))
      },
    })
    await expect.poll(() => session.ui.getByText('Edit area needs an image under the shape: “Post” shows no image. Select the image itself with “Cup”.').count()).toBe(1)
    expect(await session.ui.getByRole('button', { name: 'Edit area' }).count()).toBe(0)
  })
})
