import { describe, expect, it } from 'vitest'
import { TEST_KEY } from '../openrouter-stand-in/server'
import { useBrowserSuite } from './suite'

// The panel's window: resized from its corner grip, remembered for the next run; focus visible.
const suite = useBrowserSuite()

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
    await session.context.addInitScript(`window.keptStorage = ${JSON.stringify(storage)}`)
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
    await ui.getByRole('button', { name: 'Settings' }).focus()
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
