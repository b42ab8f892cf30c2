import { describe, expect, it } from 'vitest'
import { defaultImageRecords } from '../openrouter-stand-in/image-records'
import { TEST_KEY } from '../openrouter-stand-in/server'
import { openOptionsAsync } from './panel-actions'
import type { PluginSession } from './harness'
import { useBrowserSuite } from './suite'

// What 2.5 and later add to the panel, and only for them: background, effort, and what to judge by.
const suite = useBrowserSuite()

/** The names of the layers on the fake canvas. */
const layerNames = (session: PluginSession) => session.figma((fake) => fake.allNodes().map((node) => node.name))

type Body = { image_config: Record<string, unknown>; reasoning?: { effort?: string } }

describe('the options of 2.5 and later', () => {
  it('shows no background or effort for Riverflow 2, and sends them for 2.5 as chosen', async () => {
    const session = await suite.open({ key: TEST_KEY })
    const { ui } = session
    await ui.getByRole('textbox', { name: 'Prompt' }).fill('A ceramic mug, product shot')
    await openOptionsAsync(ui)
    expect(await ui.getByRole('radio', { name: 'Transparent' }).count()).toBe(0)
    expect(await ui.getByRole('combobox', { name: 'Thinking' }).count()).toBe(0)

    await ui.getByRole('combobox', { name: 'Model' }).selectOption('sourceful/riverflow-v2.5-fast', { timeout: 5000 })
    await ui.getByRole('radio', { name: 'Transparent' }).check({ timeout: 5000 })
    await ui.getByRole('combobox', { name: 'Thinking' }).selectOption('high', { timeout: 5000 })
    await ui.getByRole('checkbox', { name: 'What a good result has' }).check({ timeout: 5000 })
    await ui.getByRole('textbox', { name: 'Judge by' }).fill('Clean edges around the handle', { timeout: 5000 })
    await ui.getByRole('button', { name: /^Generate/ }).click()
    await expect.poll(() => suite.standIn.generations().length, { timeout: 10_000 }).toBe(1)
    const body = suite.standIn.generations()[0].body as Body
    expect(body.image_config).toMatchObject({ background_mode: 'transparent', scoring_prompt: 'Clean edges around the handle' })
    expect(body.reasoning).toEqual({ effort: 'high' })
    await session.close()
  })

  it('says under the model what a new model changed of the settings: a cut-out it cannot make', async () => {
    const session = await suite.open({ key: TEST_KEY })
    const { ui } = session
    await openOptionsAsync(ui)
    const model = ui.getByRole('combobox', { name: 'Model' })
    await model.selectOption('sourceful/riverflow-v2.5-fast')
    await ui.getByRole('radio', { name: 'Transparent' }).check({ timeout: 5000 })
    expect(await ui.getByRole('status', { name: 'Changed for the model' }).count()).toBe(0)
    await model.selectOption('sourceful/riverflow-v2-fast')
    await expect.poll(() => ui.getByRole('status', { name: 'Changed for the model' }).textContent(), { timeout: 5000 }).toMatch(/Riverflow 2 Fast cannot make a transparent background, so the original background is kept\./)
    // Said once: another choice of the designer's takes it away.
    await ui.getByRole('combobox', { name: 'Size' }).selectOption({ index: 0 })
    await expect.poll(() => ui.getByRole('status', { name: 'Changed for the model' }).count()).toBe(0)
    await session.close()
  })

  it('checks a solid colour before sending: a malformed one is said and nothing goes', async () => {
    const session = await suite.open({ key: TEST_KEY })
    const { ui } = session
    await ui.getByRole('textbox', { name: 'Prompt' }).fill('A ceramic mug on a plain background')
    await openOptionsAsync(ui)
    await ui.getByRole('combobox', { name: 'Model' }).selectOption('sourceful/riverflow-v2.5-fast')
    await ui.getByRole('radio', { name: 'Solid colour' }).check()
    await ui.getByRole('textbox', { name: 'Background colour' }).fill('teal')
    expect(await ui.getByRole('alert').first().textContent()).toMatch(/# and six hex digits/)
    expect(await ui.getByRole('button', { name: /^Generate/ }).isDisabled()).toBe(true)
    await ui.getByRole('textbox', { name: 'Background colour' }).fill('#F4E9DA')
    await ui.getByRole('button', { name: /^Generate/ }).click()
    await expect.poll(() => suite.standIn.generations().length, { timeout: 10_000 }).toBe(1)
    expect((suite.standIn.generations()[0].body as Body).image_config).toMatchObject({ background_mode: 'solid', background_hex_color: '#F4E9DA' })
    await session.close()
  })
})

describe('the backgrounds a model can take', () => {
  it('offers a cut-out beside Original where only the Image API’s record speaks of backgrounds, and nothing for its opaque alone', async () => {
    // Riverflow 2 Fast served on the Image API too, by a record whose background is auto or opaque: "opaque" takes no colour.
    const [fast] = defaultImageRecords()['sourceful/riverflow-v2.5-fast']
    suite.standIn.models.imagesModels.add('sourceful/riverflow-v2-fast')
    suite.standIn.models.records['sourceful/riverflow-v2-fast'] = [{ ...fast, supported_parameters: { ...fast.supported_parameters, background: { type: 'enum', values: ['auto', 'opaque'] } } }]
    const session = await suite.open({ key: TEST_KEY })
    const { ui } = session
    await openOptionsAsync(ui)
    const background = ui.getByRole('group', { name: 'Background' })
    // 2.6 Pro's table offers no background; its record offers a transparent one: Original and Transparent, no colour.
    await ui.getByRole('combobox', { name: 'Model' }).selectOption('sourceful/riverflow-v2.6-pro')
    await expect.poll(() => background.locator('label').allTextContents(), { timeout: 10_000 }).toEqual(['Original', 'Transparent'])
    expect(await ui.getByRole('radio', { name: 'Original' }).isChecked()).toBe(true)
    // Back on 2 Fast, the records read: no background to choose, where a lone "Solid colour" once stood.
    await ui.getByRole('combobox', { name: 'Model' }).selectOption('sourceful/riverflow-v2-fast')
    await expect.poll(() => background.count()).toBe(0)
    expect(await ui.getByRole('radio', { name: 'Solid colour' }).count()).toBe(0)
    await session.close()
  })
})

describe('Upscale on Riverflow 2 Fast', () => {
  it('offers no 4× of an 800×600 image, which would land as 2× does; on a 2400×1600 one, says before the press how far it goes, and names the layer so', async () => {
    const session = await suite.open({ key: TEST_KEY, setup: (fake) => fake.select(fake.addLayout({ name: 'Shot', x: 0, y: 0, width: 800, height: 600, content: 'photo' })) })
    const { ui } = session
    const actions = ui.getByRole('region', { name: 'Actions on the selection' })
    await actions.getByRole('button', { name: 'More actions' }).click()
    await expect.poll(() => actions.getByRole('menuitem').count()).toBeGreaterThan(0)
    expect(await actions.getByRole('menuitem', { name: 'Upscale 4×' }).count()).toBe(0)
    expect(await actions.getByRole('button', { name: 'Upscale 2×', exact: true }).count()).toBe(1)
    await session.close()

    const large = await suite.open({ key: TEST_KEY, setup: (fake) => fake.select(fake.addLayout({ name: 'Wide', x: 0, y: 0, width: 2400, height: 1600, content: 'photo' })) })
    const upscale = large.ui.getByRole('region', { name: 'Actions on the selection' }).getByRole('button', { name: 'Upscale 2×', exact: true })
    await expect.poll(() => upscale.getAttribute('title')).toBe('Riverflow 2 Fast makes at most 2496×1664 here (1×, not 2×); Riverflow 2 Pro makes 4096×2731 (1.7×).')
    await upscale.click()
    await expect.poll(() => layerNames(large), { timeout: 15_000 }).toContain('Wide @1x')
    await large.close()
  })
})

describe('Remove background', () => {
  it('sends the selected frame on a transparent background through 2.5, and the cut-out lands beside it', async () => {
    const session = await suite.open({ key: TEST_KEY, setup: (fake) => fake.select(fake.addLayout({ name: 'Product', x: 0, y: 0, width: 400, height: 300 })) })
    const { ui } = session
    // Before the press, the action names the model it goes to beside its price: not the Riverflow 2 Fast chosen.
    const actions = ui.getByRole('region', { name: 'Actions on the selection' })
    await actions.getByRole('button', { name: 'More actions' }).click()
    await expect.poll(() => actions.getByRole('menuitem', { name: 'Remove background' }).textContent()).toMatch(/^Remove backgroundRiverflow 2\.5 Fast · ~\$0\.02–\$0\.08$/)
    expect(await actions.getByRole('menuitem', { name: 'Upscale 4×' }).textContent()).not.toMatch(/Riverflow/)
    // Slow enough to read the progress, which must name the model the cut-out goes to, not the one chosen.
    suite.standIn.enqueue({ kind: 'success', delayMs: 1500 })
    await actions.getByRole('menuitem', { name: 'Remove background' }).click()
    await expect.poll(() => ui.getByRole('status').first().textContent(), { timeout: 5000 }).toMatch(/Generating with Riverflow 2\.5 Fast…/)
    await expect.poll(() => session.figma((fake) => fake.page.children.length), { timeout: 20_000 }).toBe(2)
    const body = suite.standIn.generations()[0].body as Body & { model: string; messages: { content: { type: string }[] }[] }
    expect(body.model).toBe('sourceful/riverflow-v2.5-fast')
    expect(body.image_config).toMatchObject({ background_mode: 'transparent' })
    expect(body.messages[0].content.map((part) => part.type)).toEqual(['text', 'image_url'])
    const [frame, cutout] = await session.figma((fake) => fake.page.children.map((n) => ({ name: n.name, x: n.x, width: n.width })))
    expect(cutout.name).toBe('Product · cut-out')
    expect(cutout.x).toBeGreaterThanOrEqual(frame.x + frame.width)
    await session.close()
  })
})
