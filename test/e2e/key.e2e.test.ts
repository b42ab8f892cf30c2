import { describe, expect, it } from 'vitest'
import { TEST_KEY } from '../openrouter-stand-in/server'
import { useBrowserSuite } from './suite'

const suite = useBrowserSuite()

describe('pasting a key', () => {
  it('cleans what copying adds, and refuses what no key holds before asking OpenRouter', async () => {
    const session = await suite.open()
    const { ui } = session
    const keyField = ui.getByRole('textbox', { name: 'OpenRouter API key' })

    await keyField.fill('sk-or-v1-0123 4567')
    await ui.getByRole('button', { name: 'Save key' }).click()
    await expect.poll(() => ui.getByRole('alert').textContent()).toMatch(/does not look like an OpenRouter key.*openrouter\.ai\/settings\/keys/)
    expect(suite.standIn.requests.filter((r) => r.path === '/api/v1/key')).toHaveLength(0)

    await keyField.fill(`\uFEFF“${TEST_KEY}\u200B”\u00A0\n`)
    await ui.getByRole('button', { name: 'Save key' }).click()
    await ui.getByRole('textbox', { name: 'Prompt' }).waitFor()
    expect(await session.figma((fake) => fake.storage.get('openrouter-api-key'))).toBe(TEST_KEY)
    await session.close()
  })
})
