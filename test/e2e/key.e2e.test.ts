import { describe, expect, it } from 'vitest'
import type { FrameLocator } from 'playwright-core'
import { TEST_KEY } from '../openrouter-stand-in/server'
import { useBrowserSuite } from './suite'

const suite = useBrowserSuite()

/** Forget key, and its question answered. */
async function forgetKeyAsync(ui: FrameLocator): Promise<void> {
  await ui.getByRole('button', { name: 'Forget key' }).click()
  await ui.getByRole('alertdialog').getByRole('button', { name: 'Forget key' }).click()
}

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

describe('forgetting the key', () => {
  it('asks once, saying the key still works on OpenRouter until revoked there; Back keeps it', async () => {
    const session = await suite.open({ key: TEST_KEY })
    const { ui } = session
    await ui.getByRole('button', { name: 'Settings' }).click()
    await ui.getByRole('button', { name: 'Forget key' }).click()
    const question = ui.getByRole('alertdialog', { name: 'Confirm forgetting the key' })
    expect(await question.textContent()).toMatch(/removed from Figma on this computer.*still works on openrouter\.ai until you revoke it there \(openrouter\.ai\/settings\/keys\).*the key or to sign in/)
    expect(await session.figma((fake) => fake.storage.get('openrouter-api-key'))).toBe(TEST_KEY)
    await question.getByRole('button', { name: 'Back' }).click()
    await ui.getByRole('button', { name: 'Replace key' }).waitFor()
    expect(await session.figma((fake) => fake.storage.get('openrouter-api-key'))).toBe(TEST_KEY)
    await forgetKeyAsync(ui)
    await ui.getByRole('textbox', { name: 'OpenRouter API key' }).waitFor()
    expect(await session.figma((fake) => fake.storage.has('openrouter-api-key'))).toBe(false)
    await session.close()
  })

  it('says so when Figma could not remove it, keeps it, and forgets it on the next try', async () => {
    const session = await suite.open({
      key: TEST_KEY,
      setup: (fake) => {
        const remove = fake.storage.delete.bind(fake.storage)
        let fails = 1
        fake.storage.delete = (key: string) => {
          if (fails-- > 0) throw new Error('clientStorage is not available')
          return remove(key)
        }
      },
    })
    const { ui } = session
    await ui.getByRole('button', { name: 'Settings' }).click()
    await forgetKeyAsync(ui)
    await expect.poll(() => ui.getByRole('status').first().textContent()).toMatch(/could not remove the key.*Press Forget key again/)
    expect(await session.figma((fake) => fake.storage.get('openrouter-api-key'))).toBe(TEST_KEY)
    await forgetKeyAsync(ui)
    await ui.getByRole('textbox', { name: 'OpenRouter API key' }).waitFor()
    expect(await session.figma((fake) => fake.storage.has('openrouter-api-key'))).toBe(false)
    await session.close()
  })
})
