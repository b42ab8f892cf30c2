import { describe, expect, it } from 'vitest'
import { TEST_KEY } from '../openrouter-stand-in/server'
import type { FakeFigmaView } from './fake-view'
import type { PluginSession } from './harness'
import { openOptionsAsync } from './panel-actions'
import { useBrowserSuite } from './suite'

// The frame is the spec: sizes and capabilities read from OpenRouter's records (through the
// stand-in) decide what Generate sends, in the built plugin.
const suite = useBrowserSuite()

/** A saved model, and a frame of that size selected to fill. */
const withFrame = (model: string, width: number, height: number) => ({
  key: TEST_KEY,
  setup: (fake: FakeFigmaView, arg: { state: unknown; width: number; height: number }) => {
    fake.storage.set('saved-state', arg.state)
    fake.select(fake.addFrame({ name: 'Link preview', x: 0, y: 0, width: arg.width, height: arg.height }))
  },
  setupArg: { state: { prompt: 'A summer sale', settings: { model, aspectRatio: '1:1', imageSize: '1K', fontInputs: [] }, placement: 'fill' }, width, height },
})

const filled = (session: PluginSession) =>
  session.figma((fake) => {
    const node = fake.page.children[0]
    const fill = node.fills[0]
    if (fill?.type !== 'IMAGE') return null
    const bytes = fake.images.get(fill.imageHash!)!.bytes
    const view = new DataView(bytes.buffer, bytes.byteOffset)
    return { layers: fake.page.children.length, frame: [node.width, node.height], image: [view.getUint32(16), view.getUint32(20)], scaleMode: fill.scaleMode }
  })

describe('Fit the frame', () => {
  it('with 2.6 Pro and a 1200×628 frame, sends one POST /api/v1/images of size 2400x1256 and no chat request, and fills the frame', async () => {
    const session = await suite.open(withFrame('sourceful/riverflow-v2.6-pro', 1200, 628))
    await openOptionsAsync(session.ui)
    await expect.poll(() => session.ui.getByLabel('Size for the frame').textContent(), { timeout: 30_000 }).toBe('Made at 2400×1256, the frame’s own shape.')
    expect(await session.ui.getByRole('combobox', { name: 'Size' }).inputValue()).toBe('fit')
    await session.ui.getByRole('button', { name: /^Generate/ }).click()
    await expect.poll(() => filled(session), { timeout: 30_000 }).toEqual({ layers: 1, frame: [1200, 628], image: [2400, 1256], scaleMode: 'FILL' })
    expect(suite.standIn.generations()).toHaveLength(0)
    const sent = suite.standIn.imageGenerations()
    expect(sent).toHaveLength(1)
    expect(sent[0].body).toMatchObject({ model: 'sourceful/riverflow-v2.6-pro', size: '2400x1256' })
    expect(sent[0].body).not.toHaveProperty('resolution')
    expect(sent[0].body).not.toHaveProperty('aspect_ratio')
    // History names the exact pixels it was made at, not a tier.
    await session.ui.getByRole('button', { name: 'History' }).click()
    const row = session.ui.getByRole('list', { name: 'Generations' }).getByRole('listitem').first()
    await expect.poll(() => row.textContent()).toMatch(/Riverflow 2\.6 Pro.*2400×1256/)
    await session.close()
  })

  it('with a tier model, picks the smallest sharp-enough tier and says what it pays and crops', async () => {
    const session = await suite.open(withFrame('sourceful/riverflow-v2-pro', 1200, 628))
    await openOptionsAsync(session.ui)
    await expect.poll(() => session.ui.getByLabel('Size for the frame').textContent(), { timeout: 30_000 }).toBe('Made at 2560×1440 to cover the frame at 2400×1256, 7% cropped.')
    await session.ui.getByRole('combobox', { name: 'Sharpness' }).selectOption('1')
    expect(await session.ui.getByLabel('Size for the frame').textContent()).toBe('Made at 1280×720 to cover the frame at 1200×628, 7% cropped.')
    await session.ui.getByRole('button', { name: /^Generate/ }).click()
    await expect.poll(() => filled(session), { timeout: 30_000 }).toMatchObject({ image: [1280, 720] })
    expect(suite.standIn.generations()[0].body).toMatchObject({ image_config: { aspect_ratio: '16:9', image_size: '1K' } })
    await session.close()
  })
})

describe('capabilities from the records', () => {
  it('offers 2.5 Pro 4K when its record says so, and not when the record cannot be read', async () => {
    const session = await suite.open({ key: TEST_KEY })
    await openOptionsAsync(session.ui)
    // Once the catalog and the records are in (kept on this computer), as in the half below.
    await expect.poll(() => session.figma((fake) => fake.storage.has('model-catalog')), { timeout: 60_000 }).toBe(true)
    await session.ui.getByRole('combobox', { name: 'Model' }).selectOption('sourceful/riverflow-v2.5-pro')
    const sizes = () => session.ui.getByRole('combobox', { name: 'Size' }).locator('option').allTextContents()
    await expect.poll(sizes).toContain('4K · 4096×4096')
    await session.close()

    suite.standIn.models.records['sourceful/riverflow-v2.5-pro'] = '<html>not a record</html>'
    const offline = await suite.open({ key: TEST_KEY })
    await openOptionsAsync(offline.ui)
    await offline.ui.getByRole('combobox', { name: 'Model' }).selectOption('sourceful/riverflow-v2.5-pro')
    await expect.poll(() => offline.figma((fake) => fake.storage.has('model-catalog')), { timeout: 60_000 }).toBe(true)
    expect(await offline.ui.getByRole('combobox', { name: 'Size' }).locator('option').allTextContents()).not.toContain('4K · 4096×4096')
    await offline.close()
  })
})
