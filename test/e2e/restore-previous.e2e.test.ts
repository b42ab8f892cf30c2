import { describe, expect, it } from 'vitest'
import { TEST_KEY } from '../openrouter-stand-in/server'
import type { FakeFigmaView } from './fake-view'
import type { PluginSession } from './harness'
import { pressActionAsync } from './panel-actions'
import { useBrowserSuite } from './suite'

// Restore previous is a swap: nothing paid is stranded in plugin data.
const suite = useBrowserSuite()

/**
 * Figma runs the plugin again, as after a press on a relaunch button (or a
 * plain run, ''): the sandbox bundle loads anew on the same document; a panel
 * it opens replaces the closed one.
 */
function runAgain(session: PluginSession, command: string): Promise<void> {
  return session.page.evaluate(async (command) => {
    const fake = (window as unknown as { fake: FakeFigmaView & { run(): void } }).fake
    document.querySelectorAll('iframe').forEach((frame) => frame.remove())
    fake.figma.command = command
    await new Promise((resolve, reject) => {
      const script = document.createElement('script')
      script.src = '/dist/code.js'
      script.onload = resolve
      script.onerror = reject
      document.body.appendChild(script)
    })
    fake.run()
  }, command)
}

const layerState = (session: PluginSession) =>
  session.figma((fake) => {
    const node = fake.page.children[0]
    return { hash: node.fills[0]?.imageHash, record: node.getPluginData('riverflow'), buttons: Object.keys(node.getRelaunchData()) }
  })

describe('Restore previous on the designer’s own layer', () => {
  it('brings the designer’s photo back with the swap button kept, Place again copies the generated image, and pressing again brings it back', async () => {
    const session = await suite.open({
      key: TEST_KEY,
      setup: async (fake) => {
        const layer = fake.addFrame({ name: 'Hero', x: 0, y: 0, width: 400, height: 300, content: 'photo' })
        const image = fake.figma.createImage(await layer.exportAsync())
        ;(layer as { fills: unknown }).fills = [{ type: 'IMAGE', imageHash: image.hash, scaleMode: 'FILL' }]
        fake.select(layer)
      },
    })
    const { ui } = session
    const own = (await layerState(session)).hash
    await ui.getByRole('textbox', { name: 'Prompt' }).fill('A paper boat')
    // The designer's photo is never replaced by default: replacing it is an action of its own, under More.
    await pressActionAsync(ui, 'Replace with a new image')
    await expect.poll(async () => (await layerState(session)).hash, { timeout: 15_000 }).not.toBe(own)
    const generated = (await layerState(session)).hash

    await runAgain(session, 'restore-previous')
    expect(await layerState(session)).toEqual({ hash: own, record: '', buttons: ['restore-previous'] })

    // The history does not call the layer deleted, and Place again copies the generated image, not the photo.
    await runAgain(session, '')
    await ui.getByRole('button', { name: 'History' }).click()
    const row = ui.getByRole('list', { name: 'Generations' }).getByRole('listitem').first()
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toMatch(/A paper boat.*swapped out/)
    expect(await row.textContent()).not.toMatch(/layer deleted/)
    await row.getByRole('button', { name: 'Place again' }).click()
    await expect.poll(() => session.figma((fake) => fake.page.children.length)).toBe(2)
    const copy = await session.figma((fake) => ({ hash: fake.page.children[1].fills[0].imageHash, record: JSON.parse(fake.page.children[1].getPluginData('riverflow')) as { prompt: string } }))
    expect(copy.hash).toBe(generated)
    expect(copy.record.prompt).toBe('A paper boat')

    await session.figma((fake) => fake.select(fake.page.children[0]))
    await runAgain(session, 'restore-previous')
    const back = await layerState(session)
    expect(back.hash).toBe(generated)
    expect(JSON.parse(back.record)).toMatchObject({ prompt: 'A paper boat' })
    expect(back.buttons).toEqual(['regenerate', 'more-like-this', 'edit-prompt', 'edit-an-area', 'erase-an-area', 'restore-previous'])
    await session.close()
  }, 60_000)
})
