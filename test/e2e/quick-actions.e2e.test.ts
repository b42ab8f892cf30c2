import { describe, expect, it } from 'vitest'
import { TEST_KEY } from '../openrouter-stand-in/server'
import { REMOVE_BACKGROUND_PROMPT } from '../../ui/generation/plan/cutout-settings'
import { NO_TRANSPARENCY } from '../../ui/quick-action/plan-quick-action'
import type { PluginSession } from './harness'
import { useBrowserSuite } from './suite'

// Figma's quick actions: the plugin launched for a command with parameters, its UI hidden.
const suite = useBrowserSuite()

type RequestBody = {
  model: string
  image_config: Record<string, unknown>
  messages: { content: { type: string; text?: string; image_url?: { url: string } }[] }[]
}

const outcome = (session: PluginSession) =>
  session.figma((fake) => ({
    toasts: fake.notifications.map((n) => n.message),
    closed: fake.closed(),
    visible: fake.uiVisible(),
    layers: fake.page.children.map((n) => ({ name: n.name, width: n.width, height: n.height, fill: n.fills[0]?.type ?? null })),
  }))

/** Runs a command with no parameters on one selected 400×300 frame holding a layer of the designer's (none when `frame` is null) and waits for the plugin to close. */
async function runOnFrame(command: string, frame: string | null) {
  const session = await suite.open({
    key: TEST_KEY,
    setup: (fake, name) => {
      if (name !== null) fake.select(fake.addLayout({ name, x: 0, y: 0, width: 400, height: 300 }))
    },
    setupArg: frame,
    launch: { command },
  })
  await expect.poll(async () => (await outcome(session)).closed, { timeout: 20_000 }).toBe(true)
  return session
}

describe('quick actions', () => {
  it.each([
    ['match-selection', ''],
    // A ratio by name for a fill of another shape would crop: made to fit the frame, and said.
    ['16:9', ' Made to fit “Hero”, so at 4:5, not the 16:9 you chose.'],
  ])('“Generate image” fills the selected frame as the panel would (ratio %s), reports with toasts and closes', async (ratio, note) => {
    const session = await suite.open({
      key: TEST_KEY,
      setup: (fake) => fake.select(fake.addFrame({ name: 'Hero', x: 0, y: 0, width: 800, height: 1000 })),
      launch: { command: 'generate-image', parameters: { prompt: 'A lighthouse at dusk', 'aspect-ratio': ratio } },
    })
    await expect.poll(async () => (await outcome(session)).closed, { timeout: 15_000 }).toBe(true)
    const { toasts, visible, layers } = await outcome(session)
    expect(visible).toBe(false)
    // Fit the frame: 2K (1792×2240) is the smallest size that covers the 800×1000 frame at 2×.
    expect(toasts).toEqual([`Generating with Riverflow 2 Fast…${note}`, 'Placed 1 image · cost $0.04.'])
    expect(layers).toEqual([{ name: 'Hero', width: 800, height: 1000, fill: 'IMAGE' }])
    expect(suite.standIn.generations()[0].body).toMatchObject({ model: 'sourceful/riverflow-v2-fast', image_config: { aspect_ratio: '4:5', image_size: '2K' } })
    await session.close()
  })

  it('with nothing selected, puts the image on a new layer in view, with the model and ratio chosen', async () => {
    const session = await suite.open({
      key: TEST_KEY,
      // The panel's own text in the brand's font, saved: billed, so left out of a quick action, and said.
      setup: (fake) => fake.storage.set('saved-state', { settings: { fontInputs: [{ fontUrl: 'https://fonts.gstatic.com/s/inter/v13/inter.woff2', text: 'SALE' }] } }),
      launch: { command: 'generate-image', parameters: { prompt: 'A paper boat', model: 'sourceful/riverflow-v2-pro', 'aspect-ratio': '16:9' } },
    })
    await expect.poll(async () => (await outcome(session)).closed, { timeout: 15_000 }).toBe(true)
    const { toasts, layers } = await outcome(session)
    expect(toasts).toEqual([
      'Generating with Riverflow 2 Pro… Left out: your text in the brand’s font, +$0.03: send it from the panel, where the price shows first.',
      'Placed 1 image · cost $0.15.',
    ])
    expect(suite.standIn.generations()[0].body).not.toHaveProperty('image_config.font_inputs')
    expect(layers).toEqual([{ name: 'A paper boat', width: 1280, height: 720, fill: 'IMAGE' }])
    await session.close()
  })

  it('“Upscale selection 2×” puts the sharper copy beside the frame', async () => {
    const session = await runOnFrame('upscale-selection', 'Card')
    const { toasts, layers } = await outcome(session)
    expect(toasts).toEqual(['Upscaling the selection 2× with Riverflow 2 Fast…', 'Placed 1 image · cost $0.02.'])
    expect(layers[1]).toEqual({ name: 'Card @2x', width: 400, height: 300, fill: 'IMAGE' })
    await session.close()
  })

  it('“Upscale selection 2×” on two frames that both fail: says none was placed and why, and shows the panel with each reason and Retry', async () => {
    suite.standIn.enqueue({ kind: 'error', status: 402 }, { kind: 'error', status: 402 })
    const session = await suite.open({
      key: TEST_KEY,
      setup: (fake) => fake.select(fake.addLayout({ name: 'Card', width: 400, height: 300 }), fake.addLayout({ name: 'Banner', x: 500, width: 400, height: 300 })),
      launch: { command: 'upscale-selection' },
    })
    await expect.poll(async () => (await outcome(session)).visible, { timeout: 20_000 }).toBe(true)
    const { toasts, closed } = await outcome(session)
    expect(closed).toBe(false)
    expect(toasts.at(-1)).toMatch(/^All 2 frames failed: Not enough OpenRouter credit/)
    expect(await session.ui.getByRole('button', { name: /^Retry Card/ }).count()).toBe(1)
    await session.close()
  })

  it('leaves the designer’s saved model as it was with a key out of credit: the switch to the free model waits for the panel', async () => {
    suite.standIn.setKeyInfo({ limit_remaining: 0 })
    const session = await suite.open({
      key: TEST_KEY,
      setup: (fake) => {
        fake.storage.set('saved-state', { settings: { model: 'sourceful/riverflow-v2-pro', imageSize: '1K' } })
        fake.select(fake.addLayout({ name: 'Card', width: 400, height: 300 }))
      },
      launch: { command: 'upscale-selection' },
    })
    await expect.poll(async () => (await outcome(session)).closed, { timeout: 20_000 }).toBe(true)
    expect(await session.figma((fake) => (fake.storage.get('saved-state') as { settings: { model: string } }).settings.model)).toBe('sourceful/riverflow-v2-pro')
    await session.close()
  })

  it.each([
    ['upscale-selection', { kind: 'error', status: 500 }, 'Upscaling the selection 2× with Riverflow 2 Fast…', 'Riverflow is unavailable or overloaded right now. Try again in a few minutes, or try Riverflow 2.5 Fast.'],
    // The cut-out goes to 2.5 Fast: the one to try also answers on a transparent background, and is not its free twin.
    ['remove-background', { kind: 'error', status: 404, message: 'Model not found' }, 'Removing the background of the selection with Riverflow 2.5 Fast…', 'OpenRouter has no provider for this model and output right now. Try Riverflow 2.5 Pro, or try again later.'],
  ] as const)('“%s” that fails: the toast names the model to try, and no HTTP code, which the panel keeps as a detail', async (command, answer, progress, failure) => {
    suite.standIn.enqueue(answer)
    const session = await runOnFrame(command, 'Card')
    expect((await outcome(session)).toasts).toEqual([progress, failure])
    await session.close()
  })

  it('with nothing to upscale, says so and sends nothing', async () => {
    const session = await runOnFrame('upscale-selection', null)
    expect((await outcome(session)).toasts).toEqual(['Select an image, or a frame with something in it, to upscale, then run it again: nothing was sent.'])
    expect(suite.standIn.generations()).toHaveLength(0)
    await session.close()
  })

  it('“Remove background” sends the selected frame on a transparent background and puts the cut-out beside it', async () => {
    const session = await runOnFrame('remove-background', 'Product')
    const { toasts, visible, layers } = await outcome(session)
    expect(visible).toBe(false)
    // The saved model is 2 Fast, which has no transparent background: the panel's button sends 2.5 Fast, and so does this.
    expect(toasts).toEqual(['Removing the background of the selection with Riverflow 2.5 Fast…', expect.stringMatching(/^Placed 1 image · cost \$\d/)])
    expect(layers).toEqual([
      { name: 'Product', width: 400, height: 300, fill: null },
      { name: 'Product · cut-out', width: 400, height: 300, fill: 'IMAGE' },
    ])
    const placed = await session.figma((fake) => fake.page.children.map((n) => ({ x: n.x, width: n.width })))
    expect(placed[1].x).toBeGreaterThanOrEqual(placed[0].x + placed[0].width)
    const body = suite.standIn.generations()[0].body as RequestBody
    expect(body.model).toBe('sourceful/riverflow-v2.5-fast')
    expect(body.image_config).toMatchObject({ background_mode: 'transparent' })
    const [content] = body.messages.map((m) => m.content)
    expect(content.map((part) => part.type)).toEqual(['text', 'image_url'])
    expect(content[0].text).toBe(REMOVE_BACKGROUND_PROMPT)
    expect(content[1].image_url?.url).toMatch(/^data:image\/(png|jpeg|webp);base64,/)
    expect(suite.standIn.generations()).toHaveLength(1)
    await session.close()
  })

  it('“Remove background” with nothing selected, or no model on offer that does transparency, says so and sends nothing', async () => {
    const empty = await runOnFrame('remove-background', null)
    expect((await outcome(empty)).toasts).toEqual(['Select an image, or a frame with something in it, to remove the background from, then run it again: nothing was sent.'])
    await empty.close()

    // A fresh cached catalog of Riverflow 2 alone: the list the panel would offer has no transparent background.
    const onlyV2 = { fetchedAt: Date.now(), models: ['sourceful/riverflow-v2-fast', 'sourceful/riverflow-v2-pro'].map((id) => ({ id, name: id, pricing: {}, supportedParameters: [] })) }
    const session = await suite.open({
      key: TEST_KEY,
      setup: (fake, catalog) => {
        fake.storage.set('model-catalog', catalog)
        fake.select(fake.addLayout({ name: 'Product', x: 0, y: 0, width: 400, height: 300 }))
      },
      setupArg: onlyV2,
      launch: { command: 'remove-background' },
    })
    await expect.poll(async () => (await outcome(session)).closed, { timeout: 10_000 }).toBe(true)
    expect((await outcome(session)).toasts).toEqual([NO_TRANSPARENCY])
    expect((await outcome(session)).layers).toHaveLength(1)
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

describe('a quick action with the file’s brand kit', () => {
  it('runs and closes when Google Fonts never answers for the kit’s font: the lookup gives up, the kit goes without it', async () => {
    const session = await suite.open({
      key: TEST_KEY,
      setup: (fake) => {
        const mood = fake.addFrame({ name: 'Mood', x: 0, y: 0, width: 300, height: 300 })
        mood.fills = [{ type: 'SOLID', color: { r: 1, g: 1, b: 1 } } as never]
        fake.select(mood, fake.addText({ name: 'Headline', y: 400, characters: 'Fresh', font: { family: 'Inter', style: 'Bold' } }))
      },
    })
    const { ui } = session
    await ui.getByRole('button', { name: 'Settings' }).click()
    await ui.getByRole('textbox', { name: 'Kit name' }).fill('Acme')
    await ui.getByRole('button', { name: 'Make brand kit' }).click()
    await expect.poll(() => ui.getByRole('combobox', { name: 'Use brand kit' }).locator('option:checked').textContent()).toBe('Acme')
    // From here Google holds every lookup for ever, as a stalled connection would.
    await session.page.route(/^https:\/\/fonts\.googleapis\.com\//, () => {})
    await session.page.evaluate(() => (window as unknown as { hostReopen: (launch: unknown) => Promise<void> }).hostReopen({ command: 'generate-image', parameters: { prompt: 'A summer poster' } }))
    await expect.poll(async () => (await outcome(session)).closed, { timeout: 40_000 }).toBe(true)
    const { toasts, visible } = await outcome(session)
    expect(visible).toBe(false)
    expect(toasts).toEqual(['Generating with Riverflow 2 Fast and the brand kit “Acme”… Left out: the kit’s checks: Riverflow 2 Fast does not score its images.', 'Placed 1 image · cost $0.02.'])
    const [content] = (suite.standIn.generations()[0].body as RequestBody).messages.map((m) => m.content)
    expect(content.filter((part) => part.type === 'image_url')).toHaveLength(1)
  })
})

/**
 * Runs in the UI's frame: once the test sets `window.crashNextRender`, the next node Preact
 * inserts throws, as a bug in drawing the panel would; the error boundary then offers Reset.
 */
const CRASH_ON_DEMAND = `
  const insert = Node.prototype.insertBefore
  Node.prototype.insertBefore = function (...args) {
    if (window.crashNextRender) {
      window.crashNextRender = false
      throw new Error('drawing failed')
    }
    return insert.apply(this, args)
  }
`

describe('a quick action and the panel reset after an error', () => {
  it('is run once: Reset settings neither sends it again nor loses the image it paid for', async () => {
    // An answer that does not decode: paid for, so kept in the panel, which shows itself.
    suite.standIn.enqueue({ kind: 'bad-image' })
    const session = await suite.open({
      key: TEST_KEY,
      uiInitScript: CRASH_ON_DEMAND,
      setup: (fake) => fake.select(fake.addFrame({ name: 'Hero', x: 0, y: 0, width: 800, height: 1000 })),
      launch: { command: 'generate-image', parameters: { prompt: 'A lighthouse at dusk' } },
    })
    const { ui } = session
    const kept = ui.getByRole('region', { name: 'Images not placed' }).getByRole('button', { name: 'Download' })
    await expect.poll(() => kept.count(), { timeout: 15_000 }).toBe(1)
    expect(suite.standIn.generations()).toHaveLength(1)

    // Nothing selected, then the frame again: its actions are drawn anew, and drawing them breaks.
    await session.figma((fake) => fake.select())
    await ui.getByRole('button', { name: 'Refine', exact: true }).waitFor({ state: 'detached' })
    await ui.locator('html').evaluate(() => void ((window as unknown as { crashNextRender: boolean }).crashNextRender = true))
    await session.figma((fake) => fake.select(fake.allNodes().find((node) => node.name === 'Hero')!))
    await ui.getByRole('button', { name: 'Reset settings' }).click()
    await ui.getByRole('textbox', { name: 'Prompt' }).waitFor()
    await expect.poll(() => kept.count()).toBe(1)
    // Nothing sent again: the quick action was handed over once, with the page.
    expect(suite.standIn.generations()).toHaveLength(1)
    expect((await outcome(session)).closed).toBe(false)
  })
})

describe('a quick action whose image is larger than Figma takes', () => {
  it('says it was scaled down and shows the panel with its full-size original, instead of closing', async () => {
    const session = await suite.open({
      key: TEST_KEY,
      setup: (fake) => fake.storage.set('saved-state', { settings: { model: 'sourceful/riverflow-v2-pro', imageSize: '4K' } }),
      launch: { command: 'generate-image', parameters: { prompt: 'A wide mountain panorama', 'aspect-ratio': '16:9' } },
    })
    await expect.poll(async () => (await outcome(session)).visible, { timeout: 30_000 }).toBe(true)
    const { toasts, closed, layers } = await outcome(session)
    expect(closed).toBe(false)
    expect(toasts.at(-1)).toBe('Placed 1 image · cost $0.33. It was scaled down to fit Figma’s 4096 px; its full-size original can be downloaded in the panel.')
    expect(layers).toEqual([{ name: 'A wide mountain panorama', width: 4096, height: 2304, fill: 'IMAGE' }])
    await session.ui.getByRole('button', { name: 'Download full size' }).waitFor()
  })
})

describe('Edit area and Erase area as quick actions', () => {
  it.each([
    ['erase-area', undefined, 'Erasing the area with Riverflow 2 Fast…', /Remove what is in the middle/],
    ['edit-area', { prompt: 'a glass of orange juice' }, 'Editing the area with Riverflow 2 Fast…', /Change only what is in the middle of it: a glass of orange juice/],
  ])('“%s” on an image and the shape drawn over it lands the masked edit over the image and closes', async (command, parameters, toast, prompt) => {
    const session = await suite.open({
      key: TEST_KEY,
      setup: async (fake) => {
        const photo = await fake.addPhoto({ name: 'Table shot', x: 0, y: 0, width: 800, height: 600 })
        fake.select(photo, fake.addEllipse({ name: 'Area', x: 300, y: 200, width: 200, height: 200 }))
      },
      launch: { command, parameters },
    })
    await expect.poll(async () => (await outcome(session)).closed, { timeout: 20_000 }).toBe(true)
    const { toasts, layers } = await outcome(session)
    expect(toasts[0]).toBe(toast)
    expect(toasts.at(-1)).toMatch(/^Placed 1 image/)
    expect(layers.map((layer) => layer.name)).toEqual(['Table shot', `Table shot · ${command === 'erase-area' ? 'erased' : 'edited'} area`])
    const body = suite.standIn.generations()[0].body as RequestBody
    expect(body.messages[0].content[0].text).toMatch(prompt)
  })

  it('with no shape drawn over an image, says what to select and sends nothing', async () => {
    const session = await runOnFrame('erase-area', 'Card')
    expect((await outcome(session)).toasts).toEqual(['Select an image and a shape drawn over the part to change, then run it again: nothing was sent.'])
    expect(suite.standIn.generations()).toHaveLength(0)
  })
})
