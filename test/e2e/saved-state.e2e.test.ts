import { describe, expect, it } from 'vitest'
import { TEST_KEY } from '../openrouter-stand-in/server'
import { useBrowserSuite } from './suite'

// Whatever clientStorage holds from an older or broken version, the panel opens.
const suite = useBrowserSuite()

const good = {
  prompt: 'A red fox',
  settings: { model: 'sourceful/riverflow-v2-pro', aspectRatio: '4:5', imageSize: '2K', fontInputs: [] },
  placement: 'new-layer',
}

describe('a saved state the code does not expect', () => {
  it.each([
    ['an unknown model', { ...good, settings: { ...good.settings, model: 'sourceful/riverflow-v1' } }, /not offered/],
    ['an aspect ratio of 2:1', { ...good, settings: { ...good.settings, aspectRatio: '2:1' } }, /aspect ratio \(2:1\)/],
    ['settings without fontInputs', { ...good, settings: { model: 'sourceful/riverflow-v2-pro', aspectRatio: '4:5', imageSize: '2K' } }, null],
    ['settings: null', { ...good, settings: null }, /could not be read/],
    ['prompt: 42', { ...good, prompt: 42 }, /prompt could not be read/],
    ['fontInputs: [null]', { ...good, settings: { ...good.settings, fontInputs: [null] } }, /left out/],
  ])('opens the panel with %s, says what changed, and Settings is reachable', async (_name, saved, note) => {
    const session = await suite.open({ key: TEST_KEY, setup: (fake, state) => void fake.storage.set('saved-state', state), setupArg: saved })
    const { ui } = session
    await ui.getByRole('textbox', { name: 'Prompt' }).waitFor()
    if (note) expect(await ui.getByRole('status', { name: 'Settings changed' }).textContent()).toMatch(note)
    else expect(await ui.getByRole('status', { name: 'Settings changed' }).count()).toBe(0)
    await ui.getByRole('button', { name: 'Settings' }).click()
    await ui.getByRole('button', { name: /Replace key|Forget/ }).first().waitFor()
    await session.close()
  })
})

describe('the panel breaking while it draws', () => {
  it('offers Reset settings, which keeps the prompt and brings the panel back', async () => {
    const session = await suite.open({ key: TEST_KEY, setup: (fake, state) => void fake.storage.set('saved-state', state), setupArg: good })
    const { ui } = session
    await ui.getByRole('textbox', { name: 'Prompt' }).waitFor()
    // A selection the UI cannot draw: a message from a sandbox that went wrong.
    await session.figma((fake) => fake.figma.ui.postMessage({ type: 'selection-changed', selection: [null] }))
    await ui.getByRole('button', { name: 'Reset settings' }).click()
    expect(await ui.getByRole('textbox', { name: 'Prompt' }).inputValue()).toBe('A red fox')
    await session.close().catch((error: Error) => expect(error.message).toMatch(/page threw/))
  })
})

describe('a prompt longer than is kept for next time', () => {
  it('says, while it is, that only its start is kept', async () => {
    const session = await suite.open({ key: TEST_KEY })
    const prompt = session.ui.getByRole('textbox', { name: 'Prompt' })
    const note = session.ui.getByRole('status', { name: 'Prompt kept' })
    await prompt.fill('a'.repeat(100_000))
    expect(await note.count()).toBe(0)
    await prompt.fill('a'.repeat(100_001))
    expect(await note.textContent()).toBe('Only the first 100,000 characters are kept for next time.')
    await prompt.fill('A red fox')
    await note.waitFor({ state: 'detached' })
    await session.close()
  })
})
