import { describe, expect, it } from 'vitest'
import { TEST_KEY } from '../openrouter-stand-in/server'
import { openOptionsAsync } from './panel-actions'
import { useBrowserSuite } from './suite'

// The built plugin in real Chromium: dist/code.js on the fake figma, dist/index.html
// in a null-origin iframe, OpenRouter answered by the local stand-in.
const suite = useBrowserSuite()

describe('first run to image on the canvas', () => {
  it('asks for a key, checks it, then generates an image onto a new layer', async () => {
    const session = await suite.open({
      // Which messages from the UI to the sandbox carry the key (passed in: this runs in the page).
      setup: (fake, key) => {
        const carriers: string[] = []
        ;(window as unknown as { keyCarriers: string[] }).keyCarriers = carriers
        const send = fake.sendFromUi.bind(fake)
        fake.sendFromUi = (message: { type: string }) => {
          if (JSON.stringify(message).includes(key)) carriers.push(message.type)
          return send(message)
        }
      },
      setupArg: TEST_KEY,
    })
    const { ui } = session
    const keyField = ui.getByRole('textbox', { name: 'OpenRouter API key' })
    await keyField.waitFor()
    expect(await keyField.getAttribute('type')).toBe('password')

    await keyField.fill('sk-or-v1-wrong')
    await ui.getByRole('button', { name: 'Save key' }).click()
    await expect.poll(() => ui.getByRole('alert').textContent()).toMatch(/did not accept this key/)

    await keyField.fill(`  ${TEST_KEY}  `)
    await ui.getByRole('button', { name: 'Save key' }).click()
    await ui.getByRole('textbox', { name: 'Prompt' }).waitFor()
    expect(await session.figma((fake) => fake.storage.get('openrouter-api-key'))).toBe(TEST_KEY)
    await expect.poll(() => ui.getByText('$7.50 credit left on this key').count()).toBe(1)

    await ui.getByRole('textbox', { name: 'Prompt' }).fill('A lighthouse at dusk, oil painting')
    await openOptionsAsync(ui)
    await ui.getByRole('combobox', { name: 'Aspect ratio' }).selectOption('16:9')
    expect(await ui.getByLabel('Estimated cost').textContent()).toBe('$0.02')
    await ui.getByRole('button', { name: /^Generate/ }).click()

    await expect.poll(() => ui.getByText(/Placed 1 image · cost \$0\.02/).count(), { timeout: 10_000 }).toBe(1)
    const layers = await session.figma((fake) =>
      fake.page.children.map((n) => ({
        name: n.name, width: n.width, height: n.height, fill: n.fills[0]?.type,
      })),
    )
    expect(layers).toEqual([{ name: 'A lighthouse at dusk, oil painting', width: 1280, height: 720, fill: 'IMAGE' }])
    expect(await session.figma((fake) => fake.undoSteps())).toBe(1)
    // The key reached the sandbox once, to be stored, and nowhere in the document.
    expect(await session.page.evaluate(() => (window as unknown as { keyCarriers: string[] }).keyCarriers)).toEqual(['save-key'])
    expect(await session.figma((fake) => fake.allNodes().map((n) => n.getPluginData('riverflow')).join())).not.toContain('sk-or-')
    // The request went out as OpenRouter documents it, with the key only in the Authorization header
    // (docs/contracts.md#openrouter-chat-completions-request).
    const sent = suite.standIn.generations()[0]
    expect(sent.body).toMatchObject({ model: 'sourceful/riverflow-v2-fast', modalities: ['image'], image_config: { aspect_ratio: '16:9', image_size: '1K' } })
    await session.close()
  })

  /** The panel with an 800×1000 frame "Hero" selected, once it proposes to fill it. */
  async function openOnHeroAsync() {
    const session = await suite.open({
      key: TEST_KEY,
      setup: (fake) => fake.select(fake.addFrame({ name: 'Hero', x: 0, y: 0, width: 800, height: 1000 })),
    })
    await session.ui.getByText('As the fill of “Hero”.').waitFor()
    return session
  }

  it('fills the selected layer with Cmd/Ctrl+Enter, starting from the nearest aspect ratio', async () => {
    // A frame selected: the main action makes its fill, at the frame's own shape.
    const session = await openOnHeroAsync()
    const { ui } = session
    await ui.getByRole('textbox', { name: 'Prompt' }).fill('Soft morning light')
    await ui.getByRole('textbox', { name: 'Prompt' }).press('Control+Enter')
    await expect.poll(() => session.figma((fake) => fake.page.children[0].fills[0]?.type ?? null), { timeout: 10_000 }).toBe('IMAGE')
    const frame = await session.figma((fake) => {
      const f = fake.page.children[0]
      return { width: f.width, height: f.height, scaleMode: f.fills[0].scaleMode, record: JSON.parse(f.getPluginData('riverflow')) }
    })
    expect(frame).toMatchObject({ width: 800, height: 1000, scaleMode: 'FILL', record: { prompt: 'Soft morning light', settings: { aspectRatio: '4:5' } } })
    expect(JSON.stringify(frame.record)).not.toContain('sk-or-')
    // The frame, still selected, now shows an image: the next press edits it, never fills it over unasked.
    const main = ui.getByRole('region', { name: 'Actions on the selection' }).locator('.primary-action').getByRole('button')
    await expect.poll(() => main.getAttribute('aria-label')).toBe('Refine')
    await session.close()
  })

  it('keeps the ratio the designer picked for a frame across a visit to Settings: only a new frame starts again from its own', async () => {
    const session = await openOnHeroAsync()
    const { ui } = session
    await openOptionsAsync(ui)
    // A tier instead of Fit the frame, so the ratio is the designer's to pick.
    await ui.getByRole('combobox', { name: 'Size' }).selectOption('1K')
    const ratio = ui.getByRole('combobox', { name: 'Aspect ratio' })
    expect(await ratio.inputValue()).toBe('4:5')
    await ratio.selectOption('1:1')
    await ui.getByRole('button', { name: 'Settings' }).click()
    await ui.getByRole('button', { name: 'Done' }).click()
    await openOptionsAsync(ui)
    expect(await ui.getByRole('combobox', { name: 'Aspect ratio' }).inputValue()).toBe('1:1')
    await session.close()
  })
})
