import { describe, expect, it } from 'vitest'
import { decodePng } from '../images/png'
import { catalogModel } from '../openrouter-stand-in/model-world'
import { TEST_KEY } from '../openrouter-stand-in/server'
import type { PluginSession } from './harness'
import { openOptionsAsync } from './panel-actions'
import { useBrowserSuite } from './suite'

// The model list from OpenRouter's catalog in the real panel, and a transparent image through the canvas.
const suite = useBrowserSuite()

const modelSelect = (session: PluginSession) => session.ui.getByRole('combobox', { name: 'Model' })
const modelOptions = (session: PluginSession) => modelSelect(session).locator('option').allTextContents()
const modelIds = (session: PluginSession) => modelSelect(session).locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))
const catalogRequests = () => suite.standIn.requests.filter((r) => r.path === '/api/v1/models?output_modalities=image')
const savedState = (settings: Record<string, unknown>) => ({
  prompt: 'A mug',
  settings: { model: 'sourceful/riverflow-v2-pro', aspectRatio: '1:1', imageSize: '2K', fontInputs: [], ...settings },
  placement: 'new-layer',
})

describe('the model list', () => {
  it('offers OpenRouter’s catalog, keeps it, and does not fetch it again the same day', async () => {
    const first = await suite.open({ key: TEST_KEY })
    await openOptionsAsync(first.ui)
    await expect.poll(() => first.figma((fake) => fake.storage.has('model-catalog')), { timeout: 30_000 }).toBe(true)
    expect(await modelIds(first)).toEqual(suite.standIn.models.catalog.map((m) => m.id).filter((id) => id.startsWith('sourceful/')))
    expect(await modelOptions(first)).toContain('Riverflow 2.5 Fast (free) · free, slower when busy')
    expect(catalogRequests()).toHaveLength(1)
    const kept = await first.figma((fake) => fake.storage.get('model-catalog'))
    await first.close()

    const second = await suite.open({ key: TEST_KEY, setup: (fake, catalog) => void fake.storage.set('model-catalog', catalog), setupArg: kept })

    await openOptionsAsync(second.ui)
    await second.ui.getByRole('textbox', { name: 'Prompt' }).waitFor()
    expect(await modelOptions(second)).toHaveLength(6)
    expect(catalogRequests()).toHaveLength(1)
    await second.close()
  })

  it('offers a model this build has never seen, with no price but its own, and sends it once the designer says yes', async () => {
    suite.standIn.models.catalog = [catalogModel('sourceful/riverflow-v2-fast'), catalogModel('sourceful/riverflow-v3-fast', 'Sourceful: Riverflow V3 Fast')]
    // The Image API lists none of them: what it lists would be offered too.
    suite.standIn.models.imagesModels.clear()
    const session = await suite.open({ key: TEST_KEY })
    await openOptionsAsync(session.ui)
    await expect.poll(() => modelOptions(session), { timeout: 30_000 }).toEqual([
      'Riverflow 2 Fast · $0.02–$0.04',
      // Nothing of its own lists a price: none is made up from another model's.
      'Riverflow V3 Fast (new) · price not known yet',
    ])
    await modelSelect(session).selectOption('sourceful/riverflow-v3-fast')
    expect(await session.ui.getByLabel('Estimated cost').textContent()).toBe('price unknown')
    await session.ui.getByRole('textbox', { name: 'Prompt' }).fill('A kite')
    // Far under the spending limit a click, and still asked: no most is known to check it against.
    await session.ui.getByRole('button', { name: /^Generate/ }).click()
    const question = session.ui.getByRole('alertdialog', { name: 'Confirm sending' })
    expect(await question.textContent()).toMatch(/^This sends one request: a price not yet known\. The model is new to this plugin: what it cost shows in this session’s spend once the image is made\.Back/)
    expect(suite.standIn.generations()).toHaveLength(0)
    await session.ui.getByRole('button', { name: 'Send', exact: true }).click()
    await expect.poll(() => session.figma((fake) => fake.page.children.length), { timeout: 30_000 }).toBe(1)
    expect(suite.standIn.generations()[0].body).toMatchObject({ model: 'sourceful/riverflow-v3-fast' })
    await session.close()
  })

  it('moves a saved model that has gone from the catalog to the nearest of its tier, and says so', async () => {
    suite.standIn.models.catalog = suite.standIn.models.catalog.filter((m) => m.id !== 'sourceful/riverflow-v2-pro')
    const session = await suite.open({ key: TEST_KEY, setup: (fake, state) => void fake.storage.set('saved-state', state), setupArg: savedState({}) })
    await openOptionsAsync(session.ui)
    await expect.poll(() => modelSelect(session).inputValue(), { timeout: 30_000 }).toBe('sourceful/riverflow-v2.5-pro')
    const changed = await session.ui.getByRole('status', { name: 'Settings changed' }).textContent()
    // Named in words, never by OpenRouter's id.
    expect(changed).toMatch(/Riverflow 2 Pro is not offered now, so Riverflow 2.5 Pro is chosen/)
    expect(changed).not.toMatch(/sourceful\//)
    await session.close()
  })

  it('keeps the built-in list when the catalog cannot be loaded', async () => {
    suite.standIn.models.catalogAnswer = 'error'
    const session = await suite.open({ key: TEST_KEY })
    await openOptionsAsync(session.ui)
    await expect.poll(() => catalogRequests().length, { timeout: 30_000 }).toBe(1)
    expect(await modelOptions(session)).toHaveLength(6)
    expect(await session.figma((fake) => fake.storage.has('model-catalog'))).toBe(false)
    await session.close()
  })
})

describe('a transparent image', () => {
  it('keeps its alpha when it is shrunk on a canvas to fit Figma (5120×2880 → 4096×2304)', async () => {
    const state = savedState({ model: 'sourceful/riverflow-v2.5-fast', background: 'transparent' })
    const session = await suite.open({ key: TEST_KEY, setup: (fake, saved) => void fake.storage.set('saved-state', saved), setupArg: state })
    await openOptionsAsync(session.ui)
    suite.standIn.enqueue({ kind: 'success', size: { width: 5120, height: 2880 }, transparent: true })
    await session.ui.getByRole('button', { name: /^Generate/ }).click()
    await expect.poll(() => session.ui.getByText(/Scaled down from 5120×2880 to 4096×2304/).count(), { timeout: 30_000 }).toBe(1)
    expect(suite.standIn.generations()[0].body).toMatchObject({ image_config: { background_mode: 'transparent' } })
    const base64 = await session.figma((fake) => {
      const bytes = fake.images.get(fake.page.children[0].fills[0].imageHash!)!.bytes
      let binary = ''
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
      return btoa(binary)
    })
    const { width, height, rgba } = decodePng(new Uint8Array(Buffer.from(base64, 'base64')))
    const alphaAt = (x: number, y: number) => rgba[(y * width + x) * 4 + 3]
    expect([width, height]).toEqual([4096, 2304])
    expect([alphaAt(0, 0), alphaAt(width - 1, height - 1), alphaAt(width / 2, height / 2)]).toEqual([0, 0, 255])
    await session.close()
  })
})
