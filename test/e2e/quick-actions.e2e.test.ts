import { describe, expect, it } from 'vitest'
import { TEST_KEY } from '../openrouter-stand-in/server'
import type { PluginSession } from './harness'
import { useBrowserSuite } from './suite'

// Figma's quick actions: the plugin launched for a command with parameters, its UI hidden.
const suite = useBrowserSuite()

const outcome = (session: PluginSession) =>
  session.figma((fake) => ({
    toasts: fake.notifications.map((n) => n.message),
    closed: fake.closed(),
    visible: fake.uiVisible(),
    layers: fake.page.children.map((n) => ({ name: n.name, width: n.width, height: n.height, fill: n.fills[0]?.type ?? null })),
  }))

describe('quick actions', () => {
  it('“Generate image” fills the selected frame as the panel would, reports with toasts and closes', async () => {
    const session = await suite.open({
      key: TEST_KEY,
      setup: (fake) => fake.select(fake.addFrame({ name: 'Hero', x: 0, y: 0, width: 800, height: 1000 })),
      launch: { command: 'generate-image', parameters: { prompt: 'A lighthouse at dusk', 'aspect-ratio': 'match-selection' } },
    })
    await expect.poll(async () => (await outcome(session)).closed, { timeout: 15_000 }).toBe(true)
    const { toasts, visible, layers } = await outcome(session)
    expect(visible).toBe(false)
    expect(toasts).toEqual(['Generating with Riverflow 2 Fast…', 'Placed 1 image · cost $0.02.'])
    expect(layers).toEqual([{ name: 'Hero', width: 800, height: 1000, fill: 'IMAGE' }])
    expect(suite.standIn.generations()[0].body).toMatchObject({ model: 'sourceful/riverflow-v2-fast', image_config: { aspect_ratio: '4:5' } })
    await session.close()
  })

  it('with nothing selected, puts the image on a new layer in view, with the model and ratio chosen', async () => {
    const session = await suite.open({
      key: TEST_KEY,
      launch: { command: 'generate-image', parameters: { prompt: 'A paper boat', model: 'sourceful/riverflow-v2-pro', 'aspect-ratio': '16:9' } },
    })
    await expect.poll(async () => (await outcome(session)).closed, { timeout: 15_000 }).toBe(true)
    const { toasts, layers } = await outcome(session)
    expect(toasts).toEqual(['Generating with Riverflow 2 Pro…', 'Placed 1 image · cost $0.15.'])
    expect(layers).toEqual([{ name: 'A paper boat', width: 1280, height: 720, fill: 'IMAGE' }])
    await session.close()
  })

  it('“Upscale selection 2×” puts the sharper copy beside the frame', async () => {
    const session = await suite.open({
      key: TEST_KEY,
      setup: (fake) => fake.select(fake.addFrame({ name: 'Card', x: 0, y: 0, width: 400, height: 300 })),
      launch: { command: 'upscale-selection' },
    })
    await expect.poll(async () => (await outcome(session)).closed, { timeout: 15_000 }).toBe(true)
    const { toasts, layers } = await outcome(session)
    expect(toasts).toEqual(['Upscaling the selection 2× with Riverflow 2 Fast…', 'Placed 1 image · cost $0.02.'])
    expect(layers[1]).toEqual({ name: 'Card @2x', width: 400, height: 300, fill: 'IMAGE' })
    await session.close()
  })

  it('with nothing to upscale, says so and sends nothing', async () => {
    const session = await suite.open({ key: TEST_KEY, launch: { command: 'upscale-selection' } })
    await expect.poll(async () => (await outcome(session)).closed, { timeout: 10_000 }).toBe(true)
    expect((await outcome(session)).toasts).toEqual(['Select the frames or images to upscale, then run it again: nothing was sent.'])
    expect(suite.standIn.generations()).toHaveLength(0)
    await session.close()
  })

  it('with no key stored, opens the key view and says why', async () => {
    const session = await suite.open({ launch: { command: 'generate-image', parameters: { prompt: 'A paper boat' } } })
    await session.ui.getByRole('textbox', { name: 'OpenRouter API key' }).waitFor()
    expect(await session.ui.getByText('Quick actions need your OpenRouter key: paste it here, then run the quick action again.').count()).toBe(1)
    expect((await outcome(session)).visible).toBe(true)
    expect(await session.page.locator('iframe[title="Riverflow for Figma"]').isVisible()).toBe(true)
    expect(suite.standIn.generations()).toHaveLength(0)
    await session.close()
  })
})
