import { describe, expect, it } from 'vitest'
import { TEST_KEY } from '../openrouter-stand-in/server'
import { useBrowserSuite } from './suite'

// Iterating: another take never replaces the last.
const suite = useBrowserSuite()

describe('iterating on an image', () => {
  it('Generate twice gives two layers side by side; Replace this image is an explicit choice', async () => {
    const session = await suite.open({ key: TEST_KEY })
    const { ui } = session
    const prompt = ui.getByRole('textbox', { name: 'Prompt' })
    await prompt.fill('A paper boat')
    await ui.getByRole('button', { name: /^Generate/ }).click()
    await expect.poll(() => session.figma((fake) => fake.page.children.length), { timeout: 10_000 }).toBe(1)
    // The new image is selected: the panel offers a new layer beside it, not a replacement.
    await expect.poll(() => ui.getByRole('radio', { name: 'On a new layer beside it' }).isChecked()).toBe(true)
    await ui.getByRole('button', { name: /^Generate/ }).click()
    await expect.poll(() => session.figma((fake) => fake.page.children.length), { timeout: 10_000 }).toBe(2)
    const [a, b] = await session.figma((fake) => fake.page.children.map((n) => ({ x: n.x, y: n.y, width: n.width, hash: n.fills[0]?.imageHash })))
    expect(b.x).toBeGreaterThanOrEqual(a.x + a.width)
    expect(b.y).toBe(a.y)

    // Now the second is selected; replacing it is asked for, and fills it in place.
    await ui.getByRole('radio', { name: 'Replace this image' }).check()
    await ui.getByRole('button', { name: /^Generate/ }).click()
    await expect.poll(() => suite.standIn.generations().length, { timeout: 10_000 }).toBe(3)
    await expect.poll(() => session.figma((fake) => fake.undoSteps()), { timeout: 10_000 }).toBe(3)
    expect(await session.figma((fake) => fake.page.children.length)).toBe(2)
    await session.close()
  })
})
