import { mkdirSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { TEST_KEY } from '../openrouter-stand-in/server'
import { useBrowserSuite } from './suite'

// Light and dark, as Figma themes the UI; screenshots are kept in test-results/screenshots.
const SHOTS = 'test-results/screenshots'
const suite = useBrowserSuite()
beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true })
})

describe.each(['light', 'dark'] as const)('the %s theme', (theme) => {
  it('uses Figma’s colour tokens, and every control has a name', async () => {
    const session = await suite.open({
      theme,
      key: TEST_KEY,
      setup: (fake) => fake.select(fake.addFrame({ name: 'Card', width: 600, height: 400 })),
    })
    const { ui, page } = session
    await ui.getByRole('textbox', { name: 'Prompt' }).fill('A paper boat on a pond')
    const background = await ui.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor)
    expect(background).toBe(theme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(44, 44, 44)')
    // Every button, field and select has an accessible name that says what it is.
    const unnamed = await ui.locator('button, input, select, textarea').evaluateAll((elements) =>
      elements
        .filter((e) => !(e.getAttribute('aria-label') || e.textContent?.trim() || e.closest('label')?.textContent?.trim()))
        .map((e) => e.outerHTML.slice(0, 80)),
    )
    expect(unnamed).toEqual([])
    await page.locator('#plugin').screenshot({ path: `${SHOTS}/generate-${theme}.png` })
    await ui.getByRole('button', { name: 'Settings' }).click()
    await ui.getByRole('button', { name: 'Replace key' }).waitFor()
    await page.locator('#plugin').screenshot({ path: `${SHOTS}/settings-${theme}.png` })
    // The key never shows on screen.
    expect(await ui.locator('body').textContent()).not.toContain('sk-or-')
    await session.close()
  })
})
