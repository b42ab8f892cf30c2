import { describe, expect, it } from 'vitest'
import { TEST_KEY } from '../openrouter-stand-in/server'
import type { PluginSession } from './harness'
import { openOptionsAsync, pressActionAsync } from './panel-actions'
import { useBrowserSuite } from './suite'

// Iterating: another take never replaces the last.
const suite = useBrowserSuite()

describe('iterating on an image', () => {
  it('Generate twice gives two layers side by side; Replace with a new image is an explicit choice', async () => {
    const session = await suite.open({ key: TEST_KEY })
    const { ui } = session
    const prompt = ui.getByRole('textbox', { name: 'Prompt' })
    await prompt.fill('A paper boat')
    await ui.getByRole('button', { name: /^Generate/ }).click()
    await expect.poll(() => session.figma((fake) => fake.page.children.length), { timeout: 10_000 }).toBe(1)
    // The new image is selected: the panel proposes to edit it; Generate, under More, goes beside it, never over it.
    await expect.poll(() => ui.getByRole('button', { name: 'Refine', exact: true }).count()).toBe(1)
    await pressActionAsync(ui, 'Generate')
    await expect.poll(() => session.figma((fake) => fake.page.children.length), { timeout: 10_000 }).toBe(2)
    const [a, b] = await session.figma((fake) => fake.page.children.map((n) => ({ x: n.x, y: n.y, width: n.width, hash: n.fills[0]?.imageHash })))
    expect(b.x).toBeGreaterThanOrEqual(a.x + a.width)
    expect(b.y).toBe(a.y)

    // Now the second is selected; replacing it is an action of its own, and fills it in place.
    await pressActionAsync(ui, 'Replace with a new image')
    await expect.poll(() => suite.standIn.generations().length, { timeout: 10_000 }).toBe(3)
    await expect.poll(() => session.figma((fake) => fake.undoSteps()), { timeout: 10_000 }).toBe(3)
    expect(await session.figma((fake) => fake.page.children.length)).toBe(2)
    await session.close()
  })

  it('says at the foot what Upscale 2×, pressed beside Refine, sends while it runs, then Refine’s request again', async () => {
    const session = await suite.open({ key: TEST_KEY, setup: async (fake) => fake.select(await fake.addPhoto({ name: 'Table shot', x: 0, y: 0, width: 800, height: 600 })) })
    const { ui } = session
    const foot = ui.getByRole('region', { name: 'What is sent' }).getByRole('button').first()
    await expect.poll(() => ui.getByRole('button', { name: 'Refine', exact: true }).count()).toBe(1)
    const refine = await foot.textContent()
    expect(refine).toMatch(/^Riverflow 2 Fast · \d+×\d+ · 1 image$/)
    // The answer takes its time: the panel is seen mid-job.
    suite.standIn.enqueue({ kind: 'success', delayMs: 30_000 })
    await pressActionAsync(ui, 'Upscale 2×')
    await ui.getByRole('button', { name: 'Cancel' }).waitFor()
    expect(await foot.textContent()).toBe('Riverflow 2 Fast · 2× sharper · 1 image')
    await ui.getByRole('button', { name: 'Cancel' }).click()
    // The job over, the foot speaks for the selection's main action again.
    await expect.poll(() => foot.textContent(), { timeout: 20_000 }).toBe(refine)
    await session.close()
  })
})

describe('takes', () => {
  it('three takes send three requests and land three layers in a row, none overlapping', async () => {
    const session = await suite.open({ key: TEST_KEY, setup: (fake) => void fake.addFrame({ name: 'Already here', x: 700, y: 0, width: 300, height: 300 }) })
    const { ui } = session
    await ui.getByRole('textbox', { name: 'Prompt' }).fill('A paper boat')
    await openOptionsAsync(ui)
    await ui.getByRole('combobox', { name: 'Variations' }).selectOption('3')
    expect(await ui.getByLabel('Estimated cost').textContent()).toBe('$0.06')
    await ui.getByRole('button', { name: /^Generate/ }).click()
    await expect.poll(() => session.figma((fake) => fake.page.children.length), { timeout: 15_000 }).toBe(4)
    expect(suite.standIn.generations()).toHaveLength(3)
    const boxes = await session.figma((fake) => fake.page.children.map((n) => ({ x: n.x, y: n.y, width: n.width, height: n.height })))
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) expect(a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height).toBe(false)
    }
    const takes = boxes.slice(1)
    expect(new Set(takes.map((b) => b.y)).size).toBe(1)
    expect(await session.figma((fake) => fake.undoSteps())).toBe(3)
    await expect.poll(() => ui.getByText(/Placed 3 images/).count()).toBe(1)
    // Each placed image is named in the result line as its take, told apart from the others, and Show selects it on the canvas.
    const rows = await ui.getByRole('list', { name: 'Placed images' }).locator('.layer-name').allTextContents()
    expect(rows.sort()).toEqual(['A paper boat · variation 1', 'A paper boat · variation 2', 'A paper boat · variation 3'])
    await session.figma((fake) => fake.select())
    await ui.getByRole('button', { name: 'Show A paper boat · variation 2' }).click()
    await expect.poll(() => session.figma((fake) => fake.page.selection.length)).toBe(1)
    await session.close()
  })

  it('a failed take says why and is retried alone; the others land', async () => {
    const session = await suite.open({ key: TEST_KEY })
    const { ui } = session
    await ui.getByRole('textbox', { name: 'Prompt' }).fill('A paper boat')
    await openOptionsAsync(ui)
    await ui.getByRole('combobox', { name: 'Variations' }).selectOption('3')
    suite.standIn.enqueue({ kind: 'success' }, { kind: 'error', status: 402 }, { kind: 'success' })
    await ui.getByRole('button', { name: /^Generate/ }).click()
    await expect.poll(() => ui.getByRole('alert').first().textContent(), { timeout: 15_000 }).toMatch(/1 of 3 variations failed/)
    expect(await session.figma((fake) => fake.page.children.length)).toBe(2)
    const retry = ui.getByRole('button', { name: /^Retry A paper boat · variation \d/ })
    expect(await retry.count()).toBe(1)
    await retry.click()
    await expect.poll(() => session.figma((fake) => fake.page.children.length), { timeout: 15_000 }).toBe(3)
    expect(suite.standIn.generations()).toHaveLength(4)
    const xs = await session.figma((fake) => fake.page.children.map((n) => [n.x, n.y, n.width]))
    expect(new Set(xs.map(([, y]) => y)).size).toBe(1)
    expect(xs[2][0]).toBeGreaterThanOrEqual(Math.max(xs[0][0] + xs[0][2], xs[1][0] + xs[1][2]))
    await session.close()
  })

  it('Refine makes the variations chosen, in a row beside the image, each layer named apart; an action that makes one says so', async () => {
    const session = await suite.open({
      key: TEST_KEY,
      setup: async (fake) => {
        const photo = await fake.addPhoto({ name: 'Table shot', x: 0, y: 0, width: 800, height: 600 })
        fake.select(photo, fake.addEllipse({ name: 'Area', x: 500, y: 300, width: 160, height: 120 }))
      },
    })
    const { ui } = session
    await ui.getByRole('textbox', { name: 'Prompt' }).fill('Warmer light')
    await openOptionsAsync(ui)
    await ui.getByRole('combobox', { name: 'Variations' }).selectOption('3')
    // With a shape drawn, the main action is Edit area, which makes one image: the field says so rather than be ignored.
    const note = ui.getByRole('note').filter({ hasText: 'variations are made by' })
    await expect.poll(() => note.count()).toBe(1)
    expect(await note.textContent()).toBe('Edit area makes one image; variations are made by Generate and Refine.')
    // The image alone: Refine, which makes them.
    await session.figma((fake) => fake.select(fake.page.children[0]))
    await expect.poll(() => note.count()).toBe(0)
    expect(await ui.getByLabel('Estimated cost').textContent()).toBe('$0.12')
    await expect.poll(() => ui.getByText('3 variations, side by side beside “Table shot”, at its size.').count()).toBe(1)
    await ui.getByRole('button', { name: /^Refine/ }).first().click()
    // The photo, the shape, and the three takes.
    await expect.poll(() => session.figma((fake) => fake.page.children.length), { timeout: 15_000 }).toBe(5)
    expect(suite.standIn.generations()).toHaveLength(3)
    const takes = await session.figma((fake) => fake.page.children.slice(2).map((n) => ({ name: n.name, y: n.y })))
    expect(takes.map((t) => t.name).sort()).toEqual(['Table shot · Riverflow · variation 1', 'Table shot · Riverflow · variation 2', 'Table shot · Riverflow · variation 3'])
    expect(new Set(takes.map((t) => t.y)).size).toBe(1)
    // The placed list reads each as the layers panel names it.
    const rows = await ui.getByRole('list', { name: 'Placed images' }).locator('.layer-name').allTextContents()
    expect(rows.sort()).toEqual(takes.map((t) => t.name).sort())
    await session.close()
  })
})

describe('relaunch buttons', () => {
  const record = {
    prompt: 'A lighthouse at dusk',
    settings: { model: 'sourceful/riverflow-v2-pro', aspectRatio: '4:5', imageSize: '2K', fontInputs: [] },
    generationId: 'gen-1',
    cost: 0.15,
    createdAt: '2026-11-24T10:00:00.000Z',
  }
  /** The designer's own settings: the model and size the record asks for, so a Regenerate of it runs at once. */
  const own = { settings: { model: 'sourceful/riverflow-v2-pro', aspectRatio: '1:1', imageSize: '2K' } }
  /** A layer this plugin made, selected, and the plugin run from one of its buttons. */
  const relaunchedOn = (command: string, data: string, saved: unknown = own) =>
    suite.open({
      key: TEST_KEY,
      setupArg: { command, data, saved },
      setup: async (fake, { command, data, saved }) => {
        fake.storage.set('saved-state', saved)
        const layer = fake.addFrame({ name: 'Lighthouse', x: 0, y: 0, width: 400, height: 500 })
        const image = fake.figma.createImage(await layer.exportAsync())
        layer.fills = [{ type: 'IMAGE', imageHash: image.hash, scaleMode: 'FILL' }]
        ;(window as unknown as { firstImage: string }).firstImage = image.hash
        layer.setPluginData('riverflow', data)
        fake.select(layer)
        fake.figma.command = command
      },
    })

  it('Regenerate replaces the layer’s fill in one undo step, with no click, and keeps the old image for Restore previous', async () => {
    const session = await relaunchedOn('regenerate', JSON.stringify(record))
    // It may already have run by now: the layer's first image is known from the setup.
    const before = await session.page.evaluate(() => (window as unknown as { firstImage: string }).firstImage)
    await expect.poll(() => session.figma((fake) => fake.page.children[0].fills[0].imageHash), { timeout: 30_000 }).not.toBe(before)
    expect(suite.standIn.generations()[0].body).toMatchObject({ model: 'sourceful/riverflow-v2-pro', image_config: { aspect_ratio: '4:5', image_size: '2K' } })
    const layer = await session.figma((fake) => {
      const node = fake.page.children[0]
      return { count: fake.page.children.length, previous: node.getPluginData('riverflow-previous-fills'), buttons: Object.keys(node.getRelaunchData()) }
    })
    expect(layer.count).toBe(1)
    expect(JSON.parse(layer.previous)[0].imageHash).toBe(before)
    expect(layer.buttons).toContain('restore-previous')
    expect(await session.figma((fake) => fake.undoSteps())).toBe(1)
    expect(await session.ui.getByRole('textbox', { name: 'Prompt' }).inputValue()).toBe('A lighthouse at dusk')
    await session.close()
  })

  it('says at the foot what Regenerate sends while it runs, the layer’s own request, not the selection’s Refine', async () => {
    // A wide image asked for on a tall layer: Refine of the layer would send another size.
    suite.standIn.enqueue({ kind: 'success', delayMs: 30_000 })
    const session = await relaunchedOn('regenerate', JSON.stringify({ ...record, settings: { ...record.settings, aspectRatio: '16:9' } }))
    const { ui } = session
    await ui.getByRole('button', { name: 'Cancel' }).waitFor({ timeout: 15_000 })
    const foot = ui.getByRole('region', { name: 'What is sent' }).getByRole('button').first()
    await expect.poll(() => suite.standIn.generations().length, { timeout: 15_000 }).toBe(1)
    expect(suite.standIn.generations()[0].body).toMatchObject({ image_config: { aspect_ratio: '16:9', image_size: '2K' } })
    const sent = 'Riverflow 2 Pro · 2560×1440 · 1 image'
    expect(await foot.textContent()).toBe(sent)
    await ui.getByRole('button', { name: 'Cancel' }).click()
    // The job over, the foot speaks for the layer's Refine again, at the layer's own shape.
    await expect.poll(() => foot.textContent(), { timeout: 20_000 }).not.toBe(sent)
    expect(await foot.textContent()).toMatch(/^Riverflow 2 Pro · \d+×\d+ · 1 image$/)
    await session.close()
  })

  it('Regenerate of a record carrying a field of its own writes back only what the plugin reads: the new image lands with its record and buttons', async () => {
    // Anyone who can edit the file can write a layer's record: this one has a junk setting of nearly 100 kB, which
    // fits as it is (and as the previous image's record), but not with the settings a relaunch adds to it.
    const minimal = { prompt: record.prompt, settings: { model: 'sourceful/riverflow-v2-pro', aspectRatio: '4:5', imageSize: '2K', fontInputs: [], junk: '' }, generationId: null, cost: null, createdAt: record.createdAt }
    const junk = 'x'.repeat(99_900 - JSON.stringify(minimal).length)
    const session = await relaunchedOn('regenerate', JSON.stringify({ ...minimal, settings: { ...minimal.settings, junk } }))
    const before = await session.page.evaluate(() => (window as unknown as { firstImage: string }).firstImage)
    await expect.poll(() => session.figma((fake) => fake.page.children[0].fills[0].imageHash), { timeout: 30_000 }).not.toBe(before)
    // The job over: its Cancel gone, the panel back on the layer's actions.
    await session.ui.getByRole('button', { name: 'Cancel' }).waitFor({ state: 'detached', timeout: 15_000 })
    const layer = await session.figma((fake) => {
      const node = fake.page.children[0]
      return { record: node.getPluginData('riverflow'), buttons: Object.keys(node.getRelaunchData()) }
    })
    const written = JSON.parse(layer.record) as { prompt: string; settings: Record<string, unknown> }
    expect(written.settings).not.toHaveProperty('junk')
    expect(written).toMatchObject({ prompt: 'A lighthouse at dusk', settings: { model: 'sourceful/riverflow-v2-pro', aspectRatio: '4:5' } })
    expect(layer.buttons).toEqual(expect.arrayContaining(['regenerate', 'restore-previous']))
    expect(await session.figma((fake) => fake.undoSteps())).toBe(1)
    expect(await session.ui.getByRole('region', { name: 'Images not placed' }).count()).toBe(0)
    await session.close()
  })

  it('Regenerate of a layer asking for more than the designer’s own settings waits for Send, saying why', async () => {
    // Anyone who can edit the file can write a layer's record: this one asks for Pro at 4K with a font from anywhere.
    const fonts = [{ fontUrl: 'https://fonts.example.net/brand.woff2', text: 'SALE' }]
    const costly = { ...record, prompt: 'A lighthouse at dusk, SALE', settings: { ...record.settings, imageSize: '4K', fontInputs: fonts } }
    const session = await relaunchedOn('regenerate', JSON.stringify(costly), { settings: { model: 'sourceful/riverflow-v2-fast', imageSize: '1K' } })
    const { ui } = session
    const confirm = ui.getByRole('alertdialog', { name: 'Confirm the relaunch' })
    await confirm.waitFor()
    const text = await confirm.textContent()
    expect(text).toMatch(/Riverflow 2 Pro, not the model your panel was set to/)
    expect(text).toMatch(/asks for 4K images; your panel was set to 1K/)
    expect(text).toMatch(/font file from https:\/\/fonts\.example\.net\/brand\.woff2/)
    expect(suite.standIn.generations()).toHaveLength(0)
    await confirm.getByRole('button', { name: 'Send' }).click()
    await expect.poll(() => suite.standIn.generations().length, { timeout: 15_000 }).toBe(1)
    expect(suite.standIn.generations()[0].body).toMatchObject({ model: 'sourceful/riverflow-v2-pro', image_config: { image_size: '4K' } })
    await expect.poll(() => confirm.count()).toBe(0)
  })

  it('Not now leaves the panel as the designer had it: their prompt, model, size and price, and saved so', async () => {
    const costly = { ...record, settings: { ...record.settings, imageSize: '4K' } }
    const session = await relaunchedOn('regenerate', JSON.stringify(costly), { prompt: 'A harbour at noon', settings: { model: 'sourceful/riverflow-v2-fast', imageSize: '1K' } })
    const { ui } = session
    const confirm = ui.getByRole('alertdialog', { name: 'Confirm the relaunch' })
    await confirm.waitFor()
    await session.figma((fake) => fake.select())
    const prompt = ui.getByRole('textbox', { name: 'Prompt' })
    const price = ui.getByLabel('Estimated cost')
    // While it asks, the panel shows what the layer asks for.
    expect(await prompt.inputValue()).toBe('A lighthouse at dusk')
    await expect.poll(() => price.textContent()).toBe('$0.33')
    await confirm.getByRole('button', { name: 'Not now' }).click()
    await expect.poll(() => confirm.count()).toBe(0)
    expect(await prompt.inputValue()).toBe('A harbour at noon')
    await expect.poll(() => price.textContent()).toBe('$0.02')
    await openOptionsAsync(ui)
    expect(await ui.getByRole('combobox', { name: 'Model' }).inputValue()).toBe('sourceful/riverflow-v2-fast')
    expect(await ui.getByRole('combobox', { name: 'Size' }).inputValue()).toBe('1K')
    // Kept for next time: the designer's next change saves their own settings, not the layer's.
    await prompt.fill('A harbour at noon, gulls')
    const saved = () => session.figma((fake) => fake.storage.get('saved-state') as { prompt: string; settings: { model: string; imageSize: string } })
    await expect.poll(saved).toMatchObject({ prompt: 'A harbour at noon, gulls', settings: { model: 'sourceful/riverflow-v2-fast', imageSize: '1K' } })
    expect(suite.standIn.generations()).toHaveLength(0)
    await session.close()
  })

  it('a font file from elsewhere goes only with the relaunch it was shown for: after Not now, or a relaunch that sends nothing, the next click leaves it out', async () => {
    const fonts = [{ fontUrl: 'https://fonts.example.net/brand.woff2', text: 'SALE' }]
    const withFont = JSON.stringify({ ...record, prompt: 'A lighthouse at dusk, SALE', settings: { ...record.settings, fontInputs: fonts } })
    const sentFont = () => suite.standIn.generations().some((g) => JSON.stringify(g.body).includes('fonts.example.net'))
    const notes = (session: PluginSession) => session.ui.getByRole('status', { name: 'Settings changed' })
    const refine = async (session: PluginSession) => {
      await session.ui.getByRole('button', { name: /^Refine/ }).first().click()
      await expect.poll(() => suite.standIn.generations().length, { timeout: 15_000 }).toBe(1)
    }

    // Shown with Send, and let go: the panel is the designer's own again, which never had the font.
    const asked = await relaunchedOn('regenerate', withFont, { prompt: 'A harbour at noon', settings: { model: 'sourceful/riverflow-v2-fast', imageSize: '1K' } })
    const confirm = asked.ui.getByRole('alertdialog', { name: 'Confirm the relaunch' })
    await confirm.waitFor()
    expect(await confirm.textContent()).toMatch(/font file from https:\/\/fonts\.example\.net/)
    await confirm.getByRole('button', { name: 'Not now' }).click()
    await refine(asked)
    expect(sentFont()).toBe(false)
    await asked.close()

    // A relaunch that sends nothing (the layer locked) shows nothing to send: it loads as Edit prompt does.
    suite.standIn.reset()
    const locked = await suite.open({
      key: TEST_KEY,
      setupArg: withFont,
      setup: async (fake, data) => {
        const layer = fake.addFrame({ name: 'Lighthouse', x: 0, y: 0, width: 400, height: 500 })
        layer.fills = [{ type: 'IMAGE', imageHash: fake.figma.createImage(await layer.exportAsync()).hash, scaleMode: 'FILL' }]
        layer.setPluginData('riverflow', data)
        ;(layer as unknown as { locked: boolean }).locked = true
        fake.select(layer)
        fake.figma.command = 'regenerate'
      },
    })
    await notes(locked).waitFor()
    await refine(locked)
    expect(sentFont()).toBe(false)
    expect(await notes(locked).textContent()).toMatch(/is locked.*Left out the font file/)
    await locked.close()
  }, 60_000)

  it('Regenerate waits for the key’s credit: with less left than it may cost, it asks first', async () => {
    suite.standIn.setKeyInfo({ limit_remaining: 0.05 })
    const session = await relaunchedOn('regenerate', JSON.stringify(record))
    const confirm = session.ui.getByRole('alertdialog', { name: 'Confirm the relaunch' })
    await confirm.waitFor()
    expect(await confirm.textContent()).toMatch(/Your key has \$0\.05 left under its limit/)
    expect(suite.standIn.generations()).toHaveLength(0)
    await confirm.getByRole('button', { name: 'Not now' }).click()
    await expect.poll(() => confirm.count()).toBe(0)
    expect(suite.standIn.generations()).toHaveLength(0)
  })

  it('Regenerate with no key stored: the key view says nothing was sent and what to do', async () => {
    const session = await suite.open({
      setupArg: JSON.stringify(record),
      setup: async (fake, data) => {
        const layer = fake.addFrame({ name: 'Lighthouse', x: 0, y: 0, width: 400, height: 500 })
        layer.fills = [{ type: 'IMAGE', imageHash: fake.figma.createImage(await layer.exportAsync()).hash, scaleMode: 'FILL' }]
        layer.setPluginData('riverflow', data)
        fake.select(layer)
        fake.figma.command = 'regenerate'
      },
    })
    const why = session.ui.getByRole('status').filter({ hasText: 'OpenRouter key' })
    await expect.poll(() => why.count(), { timeout: 10_000 }).toBe(1)
    expect(await why.textContent()).toBe('Regenerate sends nothing without your OpenRouter key: paste it here, then press Regenerate on the layer again.')
    expect(suite.standIn.generations()).toHaveLength(0)
    await session.close()
  })

  it('Edit prompt loads the layer’s prompt and settings and sends nothing', async () => {
    const session = await relaunchedOn('edit-prompt', JSON.stringify(record))
    const { ui } = session
    await expect.poll(() => ui.getByRole('textbox', { name: 'Prompt' }).inputValue()).toBe('A lighthouse at dusk')
    // With nothing selected, the settings show as Generate uses them: the record's ratio and size.
    await session.figma((fake) => fake.select())
    await openOptionsAsync(ui)
    expect(await ui.getByRole('combobox', { name: 'Model' }).inputValue()).toBe('sourceful/riverflow-v2-pro')
    expect(await ui.getByRole('combobox', { name: 'Aspect ratio' }).inputValue()).toBe('4:5')
    expect(await ui.getByRole('combobox', { name: 'Size' }).inputValue()).toBe('2K')
    expect(suite.standIn.generations()).toHaveLength(0)
    await session.close()
  })

  it('a damaged record: a clear message, nothing sent, the panel usable', async () => {
    const session = await relaunchedOn('regenerate', '{"prompt": "A light')
    const { ui } = session
    await expect.poll(() => ui.getByRole('status', { name: 'Settings changed' }).textContent()).toMatch(/could not be read/)
    await ui.getByRole('textbox', { name: 'Prompt' }).fill('Start again')
    expect(suite.standIn.generations()).toHaveLength(0)
    await session.close()
  })
})

describe('history', () => {
  it('lists this file’s generations with a thumbnail, searches them, and loads one’s prompt and settings', async () => {
    const session = await suite.open({ key: TEST_KEY })
    const { ui } = session
    const prompt = ui.getByRole('textbox', { name: 'Prompt' })
    for (const text of ['A red fox', 'A paper boat']) {
      await prompt.fill(text)
      await ui.getByRole('button', { name: /^Generate/ }).click()
      await expect.poll(() => suite.standIn.generations().length).toBeGreaterThan(0)
      // The new image is selected when it lands: nothing selected again, for the next Generate.
      await ui.getByRole('button', { name: 'Cancel' }).waitFor({ state: 'detached', timeout: 15_000 })
      await session.figma((fake) => fake.select())
    }
    await expect.poll(() => session.figma((fake) => fake.page.children.length), { timeout: 15_000 }).toBe(2)
    await openOptionsAsync(ui)
    await ui.getByRole('combobox', { name: 'Aspect ratio' }).selectOption('16:9')
    await ui.getByRole('button', { name: 'History' }).click()
    const rows = ui.getByRole('list', { name: 'Generations' }).getByRole('listitem')
    await expect.poll(() => rows.count()).toBe(2)
    const row = await rows.first().textContent()
    expect(row).toMatch(/A paper boat.*Riverflow 2 Fast.*1:1 · 1K.*\$0\.02/)
    // When, as Figma's version history says it: to the minute, and no year for this year's images.
    expect(row).toMatch(/\d:\d\d/)
    expect(row).not.toMatch(/\d:\d\d:\d\d/)
    expect(row).not.toContain(String(new Date().getFullYear()))
    await expect.poll(() => rows.first().locator('img').count()).toBe(1)
    await ui.getByRole('searchbox', { name: 'Search prompts' }).or(ui.getByRole('textbox', { name: 'Search prompts' })).fill('fox')
    await expect.poll(() => rows.count()).toBe(1)
    await rows.first().getByRole('button', { name: 'Reuse' }).click()
    await expect.poll(() => prompt.inputValue()).toBe('A red fox')
    await openOptionsAsync(ui)
    expect(await ui.getByRole('combobox', { name: 'Aspect ratio' }).inputValue()).toBe('1:1')
    // Gone from the canvas: the row says it cannot be placed again and how it comes back,
    // and offers no Place again that would only fail once pressed.
    await session.figma((fake) => fake.page.children.forEach((n) => n.remove()))
    await ui.getByRole('button', { name: 'History' }).click()
    await expect.poll(() => rows.first().textContent()).toMatch(/Cannot be placed again: its layer was deleted\. Undo that in Figma to bring it back\./)
    expect(await rows.first().getByRole('button', { name: 'Place again' }).count()).toBe(0)
    expect(await rows.first().getByRole('button', { name: 'Reuse' }).count()).toBe(1)
    // Recent prompts, kept on this computer across files, newest first.
    await ui.getByRole('searchbox', { name: 'Search prompts' }).or(ui.getByRole('textbox', { name: 'Search prompts' })).fill('')
    expect(await ui.getByRole('list', { name: 'Recent prompts' }).textContent()).toBe('A paper boatA red fox')
    await ui.getByRole('list', { name: 'Recent prompts' }).getByRole('button', { name: 'A paper boat' }).click()
    await expect.poll(() => prompt.inputValue()).toBe('A paper boat')
    await session.close()
  }, 60_000)

  it('names what made an edit: an erase, which has no prompt, is “Erase area”, and the search finds it', async () => {
    const session = await suite.open({
      key: TEST_KEY,
      setup: async (fake) => {
        await fake.addPhoto({ name: 'Table shot', x: 0, y: 0, width: 800, height: 600 })
      },
    })
    const { ui } = session
    await ui.getByRole('textbox', { name: 'Prompt' }).fill('A croissant on a small plate')
    for (const action of ['Edit area', 'Erase area']) {
      // Each edit takes its shape into its group: a new one drawn for each.
      await session.figma((fake) => fake.select(fake.page.children.find((n) => n.name === 'Table shot')!, fake.addEllipse({ name: 'Area', x: 500, y: 300, width: 160, height: 120 })))
      await ui.getByRole('button', { name: 'Erase area', exact: true }).waitFor()
      await pressActionAsync(ui, action)
      await ui.getByRole('button', { name: 'Cancel' }).waitFor({ state: 'detached', timeout: 15_000 })
      await expect.poll(() => suite.standIn.generations().length, { timeout: 15_000 }).toBe(action === 'Edit area' ? 1 : 2)
    }
    await ui.getByRole('button', { name: 'History' }).click()
    const titles = ui.getByRole('list', { name: 'Generations' }).getByRole('listitem').locator('.prompt')
    await expect.poll(() => titles.allTextContents(), { timeout: 15_000 }).toEqual(['Erase area', 'Edit area: A croissant on a small plate'])
    await ui.getByRole('searchbox', { name: 'Search prompts' }).or(ui.getByRole('textbox', { name: 'Search prompts' })).fill('erase')
    await expect.poll(() => titles.allTextContents()).toEqual(['Erase area'])
    await session.close()
  }, 60_000)

  it('names an Upscale and a Remove background by the action, never by the instruction sent for them; Reuse puts back only what was the designer’s', async () => {
    const session = await suite.open({ key: TEST_KEY, setup: async (fake) => void (await fake.addPhoto({ name: 'Table shot', x: 0, y: 0, width: 800, height: 600 })) })
    const { ui } = session
    const prompt = ui.getByRole('textbox', { name: 'Prompt' })
    const steps = [['', 'Upscale 2×'], ['Crisper linen', 'Upscale 2×'], ['', 'Remove background']] as const
    for (const [i, [words, action]] of steps.entries()) {
      await session.figma((fake) => fake.select(fake.page.children.find((n) => n.name === 'Table shot')!))
      await prompt.fill(words)
      await pressActionAsync(ui, action)
      await expect.poll(() => session.figma((fake) => fake.page.children.length), { timeout: 15_000 }).toBe(i + 2)
      await ui.getByRole('button', { name: 'Cancel' }).waitFor({ state: 'detached', timeout: 15_000 })
    }
    await prompt.fill('A draft')
    await ui.getByRole('button', { name: 'History' }).click()
    const rows = ui.getByRole('list', { name: 'Generations' }).getByRole('listitem')
    const titles = rows.locator('.prompt')
    await expect.poll(() => titles.allTextContents(), { timeout: 15_000 }).toEqual(['Remove background', 'Upscale 2×: Crisper linen', 'Upscale 2×'])
    await ui.getByRole('searchbox', { name: 'Search prompts' }).or(ui.getByRole('textbox', { name: 'Search prompts' })).fill('upscale')
    await expect.poll(() => titles.allTextContents()).toEqual(['Upscale 2×: Crisper linen', 'Upscale 2×'])
    await ui.getByRole('searchbox', { name: 'Search prompts' }).or(ui.getByRole('textbox', { name: 'Search prompts' })).fill('')
    // A cut-out took nothing of the designer's: their prompt and model stay, and the panel says so.
    await rows.first().getByRole('button', { name: 'Reuse' }).click()
    await expect.poll(() => ui.getByRole('status', { name: 'Settings changed' }).textContent()).toMatch(/Remove background uses no prompt or settings of yours/)
    expect(await prompt.inputValue()).toBe('A draft')
    await openOptionsAsync(ui)
    expect(await ui.getByRole('combobox', { name: 'Model' }).inputValue()).toBe('sourceful/riverflow-v2-fast')
    // An upscale with no words of the designer's: the prompt box as it was, never the plugin's instruction.
    await ui.getByRole('button', { name: 'History' }).click()
    await rows.last().getByRole('button', { name: 'Reuse' }).click()
    await expect.poll(() => prompt.inputValue()).toBe('A draft')
    await ui.getByRole('button', { name: 'History' }).click()
    await rows.nth(1).getByRole('button', { name: 'Reuse' }).click()
    await expect.poll(() => prompt.inputValue()).toBe('Crisper linen')
    await session.close()
  }, 90_000)

  it('names the model of an image made with one no longer listed as the panel names models, never by its raw id', async () => {
    const session = await suite.open({ key: TEST_KEY })
    const { ui } = session
    await ui.getByRole('textbox', { name: 'Prompt' }).fill('A red fox')
    await ui.getByRole('button', { name: /^Generate/ }).click()
    await expect.poll(() => session.figma((fake) => fake.page.children.length), { timeout: 15_000 }).toBe(1)
    await ui.getByRole('button', { name: 'Cancel' }).waitFor({ state: 'detached', timeout: 15_000 })
    // The file's history as an older model left it: one since gone from every list.
    await session.figma((fake) => {
      for (const key of fake.figma.root.getPluginDataKeys()) {
        fake.figma.root.setPluginData(key, fake.figma.root.getPluginData(key).replaceAll('sourceful/riverflow-v2-fast', 'sourceful/riverflow-v1-legacy'))
      }
    })
    await ui.getByRole('button', { name: 'History' }).click()
    const row = ui.getByRole('list', { name: 'Generations' }).getByRole('listitem').first()
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toMatch(/A red fox.*Riverflow 1 Legacy · 1:1 · 1K/)
    expect(await row.textContent()).not.toContain('sourceful/')
    await session.close()
  }, 60_000)

  it('Reuse loads the whole prompt kept on the layer, not History’s shortened one; with the layer deleted, the shortened one, saying so', async () => {
    const session = await suite.open({ key: TEST_KEY })
    const { ui } = session
    const prompt = ui.getByRole('textbox', { name: 'Prompt' })
    // Longer than History keeps of an entry (a few kB): the layer keeps it whole.
    const whole = `A market stall, ${'lanterns and paper signs, '.repeat(400)}at dusk`
    await prompt.fill(whole)
    await ui.getByRole('button', { name: /^Generate/ }).click()
    await expect.poll(() => session.figma((fake) => fake.page.children.length), { timeout: 15_000 }).toBe(1)
    await ui.getByRole('button', { name: 'Cancel' }).waitFor({ state: 'detached', timeout: 15_000 })
    // The new image is selected when it lands: nothing selected, for Generate's options.
    await session.figma((fake) => fake.select())
    await openOptionsAsync(ui)
    await ui.getByRole('combobox', { name: 'Aspect ratio' }).selectOption('16:9')
    const notes = ui.getByRole('status', { name: 'Settings changed' })
    const reuse = async () => {
      await ui.getByRole('button', { name: 'History' }).click()
      const rows = ui.getByRole('list', { name: 'Generations' }).getByRole('listitem')
      await expect.poll(() => rows.count()).toBe(1)
      await rows.first().getByRole('button', { name: 'Reuse' }).click()
    }
    await reuse()
    await expect.poll(() => prompt.inputValue()).toBe(whole)
    expect(await notes.count()).toBe(0)

    // The layer deleted: History's shortened copy is loaded, with its settings, and the panel says why and what to do.
    await session.figma((fake) => fake.page.children.forEach((n) => n.remove()))
    await prompt.fill('A draft')
    await reuse()
    await expect.poll(() => notes.textContent()).toMatch(/deleted.*undo that in Figma, then press Reuse again.*shortened/)
    const loaded = await prompt.inputValue()
    expect(loaded.length).toBeGreaterThan(1000)
    expect(loaded.length).toBeLessThan(whole.length)
    expect(whole.startsWith(loaded)).toBe(true)
    await openOptionsAsync(ui)
    expect(await ui.getByRole('combobox', { name: 'Aspect ratio' }).inputValue()).toBe('1:1')
    // What the designer was writing survives too.
    expect(await notes.textContent()).toMatch(/prompt you were writing is kept/)
    // The whole brief among the recent prompts takes two lines of History, not the panel.
    await ui.getByRole('button', { name: 'History' }).click()
    const recent = ui.getByRole('list', { name: 'Recent prompts' }).getByRole('button', { name: /^A market stall/ })
    const shown = await recent.evaluate((button) => {
      const style = getComputedStyle(button)
      return { height: button.getBoundingClientRect().height, line: parseFloat(style.lineHeight) || 1.5 * parseFloat(style.fontSize) }
    })
    expect(shown.height).toBeLessThanOrEqual(2 * shown.line + 1)
    await session.close()
  }, 60_000)
})
