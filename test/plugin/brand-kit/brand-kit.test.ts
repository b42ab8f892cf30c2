import { beforeEach, describe, expect, it, vi } from 'vitest'
import { type BrandKits, KIT_LIMITS } from '../../../common/brand-kit'
import type { ReplyMessage, RequestArgs, RequestType } from '../../../common/messages'
import { startPlugin } from '../../../plugin/start-plugin'
import type { FakeFigma, FakeNode } from '../../fake-figma'
import { installFakeFigma } from '../install-fake'

let fake: FakeFigma
beforeEach(() => {
  fake = installFakeFigma()
  fake.storage.set('openrouter-api-key', 'sk-or-v1-secret-0000')
})

let ids = 0
async function request<K extends RequestType>(type: K, args: RequestArgs<K>): Promise<ReplyMessage> {
  const requestId = `k${++ids}`
  await fake.sendFromUi({ ...args, type, requestId })
  return fake.uiMessages.find((m): m is ReplyMessage => (m as ReplyMessage).type === 'reply' && (m as ReplyMessage).requestId === requestId)!
}
const kitsOf = (reply: ReplyMessage) => {
  if (!reply.ok) throw new Error(reply.message)
  return reply.result as BrandKits
}
const solid = (r: number, g: number, b: number) => [{ type: 'SOLID', color: { r, g, b } }]

/** The designer's page: a logo, a product shot, a mood frame and a headline. */
function brandSelection(): FakeNode[] {
  const logo = fake.addFrame({ name: 'Acme logo', width: 200, height: 100 })
  const product = fake.addRectangle({ name: 'Bottle packshot', x: 300, width: 400, height: 600 })
  const mood = fake.addFrame({ name: 'Mood', x: 800, width: 300, height: 300 })
  for (const node of [logo, product, mood]) node.fills = solid(1, 1, 1)
  const headline = fake.addText({ name: 'Headline', characters: 'Fresh every day', font: { family: 'Inter', style: 'Bold' } })
  fake.addPaintStyle('Brand red', solid(1, 0, 0))
  fake.addPaintStyle('Gradient', [{ type: 'GRADIENT_LINEAR' }])
  fake.addPaintStyle('Ink', solid(0.1, 0.1, 0.1))
  const nodes = [logo, product, mood, headline]
  fake.select(...nodes)
  return nodes
}

describe('making a brand kit from the selection', () => {
  it('makes a kit page of copies, leaves the designer’s layers as they were, and offers the kit chosen', async () => {
    const nodes = brandSelection()
    const before = nodes.map((n) => [n.id, n.name, n.parent?.id, n.x, n.width])
    startPlugin()
    const { kits, chosenId } = kitsOf(await request('make-brand-kit', { name: 'Acme' }))
    expect(kits).toHaveLength(1)
    const [kit] = kits
    expect(chosenId).toBe(kit.id)
    expect(kit).toMatchObject({
      name: 'Acme',
      fonts: [{ family: 'Inter', style: 'Bold', url: null, sample: 'Fresh every day' }],
      palette: ['#FF0000', '#1A1A1A'],
      note: '',
      problems: [],
    })
    expect(kit.references.map((r) => [r.role, r.label])).toEqual([['logo', 'Acme logo'], ['product', 'Bottle packshot'], ['style', 'Mood']])
    expect(kit.checks).toHaveLength(3)
    const page = fake.figma.root.children.find((p) => p.id === kit.id)!
    expect(page.name).toBe('Brand kit: Acme')
    // The designer's layers: same ids, names, places; still on their page, which is still the page in view.
    expect(nodes.map((n) => [n.id, n.name, n.parent?.id, n.x, n.width])).toEqual(before)
    expect(fake.page.children).toHaveLength(4)
    expect(fake.figma.currentPage.id).toBe(fake.page.id)
    expect(fake.undoSteps()).toBe(1)
    expect(kit.references.every((r) => !nodes.some((n) => n.id === r.layerId))).toBe(true)
  })

  it('copies an image this plugin made as a reference, not as a result: no record, no Regenerate on the kit page', async () => {
    const nodes = brandSelection()
    // A product shot the plugin generated: its record and buttons, and one in a frame's child.
    nodes[1].setPluginData('riverflow', '{"prompt":"A bottle"}')
    nodes[1].setRelaunchData({ regenerate: 'Make it again' })
    const inner = fake.addRectangle({ name: 'Made here', width: 50, height: 50 })
    nodes[2].appendChild(inner)
    inner.setPluginData('riverflow', '{"prompt":"Sky"}')
    inner.setRelaunchData({ regenerate: 'Make it again' })
    startPlugin()
    const [kit] = kitsOf(await request('make-brand-kit', { name: 'Acme' })).kits
    const page = fake.figma.root.children.find((p) => p.id === kit.id)!
    const within = (node: FakeNode): FakeNode[] => [node, ...('children' in node ? (node.children as FakeNode[]).flatMap(within) : [])]
    const copies = (page.children as unknown as FakeNode[]).flatMap(within)
    expect(copies.map((node) => node.name)).toContain('Made here')
    expect(copies.filter((node) => node.getPluginData('riverflow') !== '' || Object.keys(node.getRelaunchData()).length > 0)).toEqual([])
    // The designer's layers keep theirs.
    expect(nodes[1].getPluginData('riverflow')).toBe('{"prompt":"A bottle"}')
    expect(inner.getRelaunchData()).toEqual({ regenerate: 'Make it again' })
  })

  it('takes the file’s colour variables too, after its styles: a colour both name once, an alias left out', async () => {
    brandSelection()
    fake.addColourVariable('brand/red', { r: 1, g: 0, b: 0, a: 1 })
    fake.addColourVariable('brand/sky', { r: 0, g: 0.5, b: 1, a: 1 })
    fake.addColourVariable('text/primary', { type: 'VARIABLE_ALIAS', id: 'V:1' })
    startPlugin()
    const [kit] = kitsOf(await request('make-brand-kit', { name: 'Acme' })).kits
    expect(kit.palette).toEqual(['#FF0000', '#1A1A1A', '#0080FF'])
    const page = fake.figma.root.children.find((p) => p.id === kit.id)!
    expect(page.children.filter((n) => n.name.startsWith('Colour: ')).map((n) => n.name)).toEqual(['Colour: Brand red', 'Colour: Ink', 'Colour: brand/sky'])
  })

  it('reads a design system’s thousands of colour variables only until the palette is full, each collection asked of Figma once', async () => {
    brandSelection()
    // Spread over three collections in turn, as primitives, theme and brand tokens are.
    for (let i = 0; i < 3000; i++) fake.addColourVariable(`tone/${i}`, { r: (i % 256) / 255, g: Math.floor(i / 256) / 255, b: 0.5, a: 1 }, ['Primitives', 'Theme', 'Brand'][i % 3])
    const asked = vi.spyOn(fake.figma.variables, 'getVariableCollectionByIdAsync')
    startPlugin()
    const [kit] = kitsOf(await request('make-brand-kit', { name: 'Acme' })).kits
    expect(kit.palette).toHaveLength(KIT_LIMITS.colours)
    expect(kit.palette.slice(0, 3)).toEqual(['#FF0000', '#1A1A1A', '#000080'])
    expect(asked.mock.calls.map(([id]) => id)).toEqual(['VC:1', 'VC:2', 'VC:3'])
  })

  it('looks at no more than the first variables of a file whose colours never fill the palette', async () => {
    brandSelection()
    // Thousands of aliases, each in a collection of its own: nothing to take, and each collection another ask.
    for (let i = 0; i < 3000; i++) fake.addColourVariable(`alias/${i}`, { type: 'VARIABLE_ALIAS', id: 'V:1' }, `Set ${i}`)
    fake.addColourVariable('late/green', { r: 0, g: 1, b: 0, a: 1 })
    const asked = vi.spyOn(fake.figma.variables, 'getVariableCollectionByIdAsync')
    startPlugin()
    const [kit] = kitsOf(await request('make-brand-kit', { name: 'Acme' })).kits
    expect(asked).toHaveBeenCalledTimes(KIT_LIMITS.variables)
    expect(kit.palette).toEqual(['#FF0000', '#1A1A1A'])
  })

  it('leaves out a variable or a collection Figma cannot give, never the others with it', async () => {
    brandSelection()
    fake.addColourVariable('broken/one', { r: 0, g: 0, b: 1, a: 1 }, 'Library')
    fake.addColourVariable('brand/sky', { r: 0, g: 0.5, b: 1, a: 1 })
    fake.addColourVariable('brand/glow', { r: 2, g: Number.NaN, b: 0, a: 1 })
    fake.addColourVariable('brand/leaf', { r: 0, g: 0.5, b: 0, a: 1 })
    const { variables } = fake.figma
    const listed = await variables.getLocalVariablesAsync('COLOR')
    const ask = variables.getVariableCollectionByIdAsync.bind(variables)
    vi.spyOn(variables, 'getLocalVariablesAsync').mockResolvedValue([...listed.slice(0, 2), null, { ...listed[2], valuesByMode: null }, ...listed.slice(2)] as Variable[])
    vi.spyOn(variables, 'getVariableCollectionByIdAsync').mockImplementation(async (id) => {
      if (id === listed[0].variableCollectionId) throw new Error('The collection is in a library this file cannot reach')
      return ask(id)
    })
    startPlugin()
    const [kit] = kitsOf(await request('make-brand-kit', { name: 'Acme' })).kits
    expect(kit.palette).toEqual(['#FF0000', '#1A1A1A', '#0080FF', '#008000'])
  })

  it('is offered, still chosen, to another designer who opens the file with empty clientStorage, and holds no key', async () => {
    brandSelection()
    startPlugin()
    const made = kitsOf(await request('make-brand-kit', { name: 'Acme' }))
    fake.storage.clear()
    startPlugin()
    const again = kitsOf(await request('load-brand-kits', {}))
    expect(again).toEqual(made)
    const documentData = fake.allNodes().flatMap((n) => n.getPluginDataKeys().map((k) => n.getPluginData(k)))
    documentData.push(...fake.figma.root.getPluginDataKeys().map((k) => fake.figma.root.getPluginData(k)))
    expect(documentData.join('\n')).not.toContain('sk-or')
  })

  it('says what to select when nothing is, and makes no page', async () => {
    startPlugin()
    const reply = await request('make-brand-kit', { name: 'Acme' })
    expect(reply).toMatchObject({ ok: false, message: expect.stringMatching(/^Select the logo/) })
    expect(fake.figma.root.children).toHaveLength(1)
  })

  it('leaves out the hidden layers of the selection, which the kit would copy and never use, and says so when all are', async () => {
    const [logo, product, mood, headline] = brandSelection()
    product.visible = false
    const hiddenFrame = fake.addFrame({ name: 'Hidden group', x: 2000, width: 300, height: 300 })
    hiddenFrame.visible = false
    const inHidden = fake.addFrame({ name: 'Old logo', width: 100, height: 100 }, hiddenFrame)
    inHidden.fills = solid(0, 0, 0)
    headline.visible = false
    fake.select(logo, product, mood, headline, inHidden)
    startPlugin()
    const [kit] = kitsOf(await request('make-brand-kit', { name: 'Acme' })).kits
    expect(kit.references.map((r) => r.label)).toEqual(['Acme logo', 'Mood'])
    expect(kit.fonts).toEqual([])
    const page = fake.figma.root.children.find((p) => p.id === kit.id)!
    expect(page.children.filter((n) => !n.visible)).toEqual([])

    fake.select(product, inHidden)
    const reply = await request('make-brand-kit', { name: 'Acme' })
    expect(reply).toMatchObject({ ok: false, message: expect.stringMatching(/hidden.*show them/i) })
    expect(fake.figma.root.children).toHaveLength(2)
  })

  it('removes the half-made page when Figma fails partway', async () => {
    brandSelection()
    fake.figma.createRectangle = () => {
      throw new Error('out of memory')
    }
    startPlugin()
    const reply = await request('make-brand-kit', { name: 'Acme' })
    expect(reply).toMatchObject({ ok: false, message: 'Figma could not make the brand kit page. Nothing was changed; try again.' })
    expect(fake.figma.root.children.map((p) => p.name)).toEqual(['Page 1'])
  })

  it('stays within the plugin-data limits whatever the designer named things', async () => {
    const huge = 'Ω'.repeat(60_000)
    const frames = Array.from({ length: 14 }, (_, i) => {
      const frame = fake.addFrame({ name: `${huge} ${i}`, x: i * 10 })
      frame.fills = solid(0, 0, 1)
      return frame
    })
    fake.select(...frames)
    startPlugin()
    const { kits } = kitsOf(await request('make-brand-kit', { name: huge }))
    const page = fake.figma.root.children.find((p) => p.id === kits[0].id)!
    for (const key of page.getPluginDataKeys()) expect(new TextEncoder().encode(page.getPluginData(key)).length).toBeLessThan(20_000)
    expect(kits[0].name.length).toBeLessThanOrEqual(60)
    expect(kits[0].references).toHaveLength(10)
    expect(kits[0].references.every((r) => r.label.length <= 80)).toBe(true)
  })
})

async function madeKitAsync() {
  brandSelection()
  startPlugin()
  const { kits } = kitsOf(await request('make-brand-kit', { name: 'Acme' }))
  return { kit: kits[0], page: fake.figma.root.children.find((p) => p.id === kits[0].id)! as unknown as FakeNode }
}
const layer = (page: FakeNode, name: string) => page.kids.find((n) => n.name === name)!

describe('reading kits damaged by hand', () => {
  it('names a deleted or emptied reference and still reads the rest', async () => {
    const { page } = await madeKitAsync()
    layer(page, 'logo: Acme logo').remove()
    layer(page, 'style: Mood').fills = []
    const { kits } = kitsOf(await request('load-brand-kits', {}))
    expect(kits[0].problems).toEqual([
      'The style reference “Mood” is empty: put its image back. The rest of the kit is used.',
      'The logo reference “Acme logo” was deleted from the kit page; the rest of the kit is used. To send it again, undo, or name a layer on the page “logo: Acme logo”.',
    ])
    expect(kits[0].references.map((r) => r.label)).toEqual(['Bottle packshot'])
    expect(kits[0].fonts).toHaveLength(1)
    expect(kits[0].palette).toHaveLength(2)
  })

  it('says a reference put back under its name no more, reads one tidied into a frame, and says one renamed, with how to send it again', async () => {
    const { page } = await madeKitAsync()
    // The logo deleted, then a new layer put on the page under its name, as the problem asked.
    layer(page, 'logo: Acme logo').remove()
    const again = fake.addFrame({ name: 'logo: Acme logo', width: 200, height: 100 }, page)
    again.fills = solid(0, 0, 0)
    // The product tidied into a frame; the mood frame renamed without its role.
    const group = fake.addFrame({ name: 'Products', x: 2000, width: 500, height: 700 }, page)
    group.appendChild(layer(page, 'product: Bottle packshot'))
    layer(page, 'style: Mood').name = 'Mood board'
    const [kit] = kitsOf(await request('load-brand-kits', {})).kits
    expect(kit.references.map((r) => r.label)).toEqual(['Acme logo', 'Bottle packshot'])
    expect(kit.problems).toEqual([
      'The style reference “Mood” was renamed “Mood board”, so it is not sent: a reference is named “role: name”. Rename it “style: Mood” to send it.',
    ])
  })

  it('reads a damaged record, a swatch with no colour, a mixed font, too many checks and a layer added by hand', async () => {
    const { page } = await madeKitAsync()
    page.setPluginData('brand-kit', '{"v":1,"refe')
    layer(page, 'Colour: Ink').fills = [{ type: 'GRADIENT_LINEAR' }]
    ;(layer(page, 'Font: Inter Bold') as unknown as { fontName: symbol }).fontName = fake.figma.mixed
    await fake.figma.loadFontAsync({ family: 'Inter', style: 'Regular' })
    ;(layer(page, 'Checks') as unknown as TextNode).characters = Array.from({ length: 10 }, (_, i) => `- check ${i + 1}`).join('\n')
    ;(layer(page, 'Note') as unknown as TextNode).characters = `Warm light. ${'x'.repeat(2000)}`
    const added = fake.addFrame({ name: 'Packaging: Box', width: 50, height: 50 }, page)
    added.fills = solid(0, 1, 0)
    const { kits } = kitsOf(await request('load-brand-kits', {}))
    const [kit] = kits
    expect(kit.problems).toEqual([
      'The font layer “Font: Inter Bold” mixes several fonts: set it in one font. The rest of the kit is used.',
      'The swatch “Colour: Ink” has no solid colour: give it one. The rest of the kit is used.',
      'The kit’s record on its page was damaged; its layers are read as they are.',
      'Only the first 8 of the kit’s 10 checks are sent: a model judges at most 8.',
    ])
    expect(kit.checks[0]).toBe('check 1')
    expect(kit.checks).toHaveLength(8)
    expect(kit.note.length).toBe(600)
    expect(kit.palette).toEqual(['#FF0000'])
    expect(kit.references.map((r) => r.role)).toEqual(['logo', 'product', 'style', 'packaging'])
  })

  it('loads a kit page not yet visited, and a page named by hand is a kit too', async () => {
    const page = fake.addPage('Brand kit:   Nimbus ')
    const ref = fake.addFrame({ name: 'logo: Cloud', width: 80, height: 80 }, page)
    ref.fills = solid(0, 0, 0)
    fake.addText({ name: 'Font: https://fonts.gstatic.com/s/nimbus/v1/nimbus.woff2', characters: 'Nimbus', font: 'mixed' }, page)
    startPlugin()
    const { kits, chosenId } = kitsOf(await request('load-brand-kits', {}))
    expect(chosenId).toBeNull()
    expect(kits).toEqual([
      {
        id: page.id,
        name: 'Nimbus',
        references: [{ layerId: ref.id, role: 'logo', label: 'Cloud', width: 80, height: 80 }],
        fonts: [{ layerName: 'Font: https://fonts.gstatic.com/s/nimbus/v1/nimbus.woff2', family: null, style: null, url: 'https://fonts.gstatic.com/s/nimbus/v1/nimbus.woff2', sample: 'Nimbus' }],
        palette: [],
        note: '',
        checks: [],
        problems: [],
      },
    ])
  })

  it('takes a font file only from Google’s font host: one on another site is said, and the layer’s own font is used instead', async () => {
    const page = fake.addPage('Brand kit: Nimbus')
    fake.addText({ name: 'Font: https://fonts.example.com/nimbus.woff2', characters: 'Nimbus', font: { family: 'Inter', style: 'Bold' } }, page)
    fake.addText({ name: 'Font: http://fonts.gstatic.com/s/inter/v1/inter.woff2', characters: 'Nimbus', font: 'mixed' }, page)
    fake.addText({ name: 'Font: https://fonts.gstatic.com.example.com/inter.woff2', characters: 'Nimbus', font: 'mixed' }, page)
    startPlugin()
    const [kit] = kitsOf(await request('load-brand-kits', {})).kits
    expect(kit.fonts).toEqual([{ layerName: 'Font: https://fonts.example.com/nimbus.woff2', family: 'Inter', style: 'Bold', url: null, sample: 'Nimbus' }])
    expect(kit.problems).toEqual([
      'The font layer “Font: https://fonts.example.com/nimbus.woff2” names a file on another site: only Google Fonts’ own files (https://fonts.gstatic.com/…) are sent, so the layer’s own font is used.',
      'The font layer “Font: http://fonts.gstatic.com/s/inter/v1/inter.woff2” names a file on another site: only Google Fonts’ own files (https://fonts.gstatic.com/…) are sent, so the layer’s own font is used.',
      'The font layer “Font: http://fonts.gstatic.com/s/inter/v1/inter.woff2” mixes several fonts: set it in one font. The rest of the kit is used.',
      'The font layer “Font: https://fonts.gstatic.com.example.com/inter.woff2” names a file on another site: only Google Fonts’ own files (https://fonts.gstatic.com/…) are sent, so the layer’s own font is used.',
      'The font layer “Font: https://fonts.gstatic.com.example.com/inter.woff2” mixes several fonts: set it in one font. The rest of the kit is used.',
    ])
  })

  it('says at most a few problems of a page full of broken layers, and cuts what its record names to the kit’s limits', async () => {
    const { page } = await madeKitAsync()
    // Anyone with the file can write the page's record: a label of 5,000 characters is said cut, as the plugin writes it.
    page.setPluginData('brand-kit', JSON.stringify({ v: 1, references: [{ id: `gone-${'9'.repeat(5000)}`, role: 'logo', label: 'L'.repeat(5000) }] }))
    expect(kitsOf(await request('load-brand-kits', {})).kits[0].problems).toEqual([`The logo reference “${'L'.repeat(80)}” was deleted from the kit page; the rest of the kit is used. To send it again, undo, or name a layer on the page “logo: ${'L'.repeat(80)}”.`])

    for (let i = 0; i < 30; i++) fake.addFrame({ name: `style: Empty ${i}`, width: 10, height: 10 }, page)
    const [kit] = kitsOf(await request('load-brand-kits', {})).kits
    expect(kit.problems).toHaveLength(8)
    expect(kit.problems.slice(0, 7)).toEqual(Array.from({ length: 7 }, (_, i) => `The style reference “Empty ${i}” is empty: put its image back. The rest of the kit is used.`))
    expect(kit.problems[7]).toBe('24 more problems on the kit page: check its layers in Figma. The rest of the kit is used.')
    expect(kit.references).toHaveLength(3)
  })

  it('remembers the choice in the document, and sends no kit whose page is gone but names it, its name cut as any kit’s', async () => {
    const page = fake.addPage('Brand kit: Nimbus')
    startPlugin()
    await request('choose-brand-kit', { kitId: page.id })
    expect(kitsOf(await request('load-brand-kits', {})).chosenId).toBe(page.id)
    page.remove()
    expect(kitsOf(await request('load-brand-kits', {}))).toEqual({ kits: [], chosenId: null, gone: { name: 'Nimbus' } })
    // Anyone with the file can write the name kept with the choice.
    fake.figma.root.setPluginData('brand-kit-choice-name', 'N'.repeat(5000))
    expect(kitsOf(await request('load-brand-kits', {})).gone).toEqual({ name: 'N'.repeat(KIT_LIMITS.nameChars) })
    // A choice made before names were kept: the kit is said gone, unnamed.
    fake.figma.root.setPluginData('brand-kit-choice-name', '')
    expect(kitsOf(await request('load-brand-kits', {})).gone).toEqual({ name: null })
    // No kit chosen is nothing gone.
    await request('choose-brand-kit', { kitId: null })
    expect(kitsOf(await request('load-brand-kits', {}))).toEqual({ kits: [], chosenId: null, gone: null })
  })

  it('names a kit whose page is gone by the name its page last had, renamed after the kit was chosen', async () => {
    const page = fake.addPage('Brand kit: Nimbus')
    startPlugin()
    await request('choose-brand-kit', { kitId: page.id })
    const steps = fake.undoSteps()
    // Renamed in Figma's layers panel, then read (the panel reads the kits at each selection).
    page.name = 'Brand kit: Nimbus Summer'
    expect(kitsOf(await request('load-brand-kits', {})).kits.map((kit) => kit.name)).toEqual(['Nimbus Summer'])
    page.remove()
    expect(kitsOf(await request('load-brand-kits', {})).gone).toEqual({ name: 'Nimbus Summer' })
    // Reading the kits is no undo step of the plugin's.
    expect(fake.undoSteps()).toBe(steps)
  })

  it('choosing a kit is an undo step of its own: undoing the next set of formats leaves the choice as it was made', async () => {
    const kitPage = fake.addPage('Brand kit: Nimbus')
    const visual = fake.addRectangle({ name: 'Key visual', width: 1600, height: 1600 })
    fake.designerStep()
    startPlugin()
    // Chosen while the panel is open, before a set of formats (or while one generates).
    await request('choose-brand-kit', { kitId: kitPage.id })
    const steps = fake.undoSteps()
    expect((await request('make-format-frames', { keyVisualId: visual.id, formats: [{ name: 'Story', width: 1080, height: 1920 }] })).ok).toBe(true)
    await request('end-undo-step', {})
    expect(fake.undoSteps()).toBe(steps + 1)
    // One undo takes the set's frame away, and only it.
    expect(fake.undo()).toBe(true)
    expect(fake.page.children.map((node) => node.name)).toEqual(['Key visual'])
    expect(kitsOf(await request('load-brand-kits', {})).chosenId).toBe(kitPage.id)
  })

  it('reads at most 12 kit pages at each selection, the one in use always among them, and says so', async () => {
    const pages = Array.from({ length: 30 }, (_, i) => fake.addPage(`Brand kit: Kit ${i + 1}`))
    startPlugin()
    await request('choose-brand-kit', { kitId: pages[29].id })
    const { kits, chosenId } = kitsOf(await request('load-brand-kits', {}))
    expect(kits.map((kit) => kit.name)).toEqual([...Array.from({ length: 12 }, (_, i) => `Kit ${i + 1}`), 'Kit 30'])
    expect(chosenId).toBe(pages[29].id)
    expect(kits.at(-1)?.problems).toEqual(['This file has 30 brand kit pages; 13 are offered (the first ones, and the one in use). Rename or delete those not in use to offer the others.'])
  })
})

describe('reading a kit page tidied into sections, frames and groups', () => {
  it('reads the fonts, colours, note, checks and references moved into them as it reads them on the page', async () => {
    const { page, kit: before } = await madeKitAsync()
    await fake.figma.loadFontAsync({ family: 'Inter', style: 'Regular' })
    ;(layer(page, 'Note') as unknown as TextNode).characters = 'Warm light.'
    // The font in a section "Type"; the swatches in a frame named for them, white as a new frame is.
    fake.addSection({ name: 'Type', y: 2000, width: 800, height: 400 }, page).appendChild(layer(page, 'Font: Inter Bold'))
    const palette = fake.addFrame({ name: 'Colour palette', y: 3000, width: 400, height: 100 }, page)
    palette.fills = solid(1, 1, 1)
    palette.appendChild(layer(page, 'Colour: Brand red'))
    palette.appendChild(layer(page, 'Colour: Ink'))
    // The note and checks grouped in a frame in a section: three deep.
    const words = fake.addFrame({ name: 'Words' }, fake.addSection({ name: 'Guidelines', y: 4000 }, page))
    const [note, checks] = [layer(page, 'Note'), layer(page, 'Checks')]
    words.appendChild(note)
    words.appendChild(checks)
    fake.addGroup([note, checks], { name: 'Copy' })
    // The logo in a frame of logos.
    fake.addFrame({ name: 'Logos', y: 5000 }, page).appendChild(layer(page, 'logo: Acme logo'))
    const [kit] = kitsOf(await request('load-brand-kits', {})).kits
    expect(kit.problems).toEqual([])
    expect(kit.fonts).toEqual(before.fonts)
    expect(kit.palette).toEqual(['#FF0000', '#1A1A1A'])
    expect(kit.note).toBe('Warm light.')
    expect(kit.checks).toEqual(before.checks)
    // Those nearest the page first.
    expect(kit.references.map((r) => r.label)).toEqual(['Bottle packshot', 'Mood', 'Acme logo'])
  })

  it('says a kit layer too deep in frames to be read, or inside another kit layer, with what to do; a hidden section is not read, as a hidden layer is not', async () => {
    const { page } = await madeKitAsync()
    // Five deep: a section, and frames in frames in it.
    let holder: FakeNode = fake.addSection({ name: 'Archive', y: 2000 }, page)
    for (let i = 0; i < 4; i++) holder = fake.addFrame({ name: `Level ${i + 2}` }, holder)
    holder.appendChild(layer(page, 'Font: Inter Bold'))
    holder.appendChild(layer(page, 'style: Mood'))
    // The product dropped into the logo's frame: it shows in the logo's image, not as a reference of its own.
    layer(page, 'logo: Acme logo').appendChild(layer(page, 'product: Bottle packshot'))
    const old = fake.addSection({ name: 'Old', y: 3000 }, page)
    old.visible = false
    old.appendChild(layer(page, 'Checks'))
    const [kit] = kitsOf(await request('load-brand-kits', {})).kits
    expect(kit.fonts).toEqual([])
    expect(kit.checks).toEqual([])
    expect(kit.references.map((r) => r.label)).toEqual(['Acme logo'])
    // The style reference is too deep and a reference the plugin made: said once.
    expect(kit.problems).toEqual([
      '“Font: Inter Bold” sits more than 4 frames deep in “Archive” on the kit page, where it is not read: move it up to send it.',
      '“style: Mood” sits more than 4 frames deep in “Archive” on the kit page, where it is not read: move it up to send it.',
      'The product reference “Bottle packshot” is inside “logo: Acme logo”, which the kit reads as one layer: move it out of “logo: Acme logo” to send it.',
    ])
  })

  it('reads a page of thousands of layers, or of frames thousands deep, and says that part of it was not read', async () => {
    const { page } = await madeKitAsync()
    // A mockup pasted onto the kit page, and a chain of frames deeper than any call stack would go.
    const mockup = fake.addFrame({ name: 'Website mockup', y: 2000 }, page)
    for (let i = 0; i < 1500; i++) fake.addRectangle({ name: `Rectangle ${i}` }, mockup)
    let deep: FakeNode = fake.addFrame({ name: 'Nested', y: 3000 }, page)
    for (let i = 0; i < 20_000; i++) deep = fake.addFrame({ name: 'Frame' }, deep)
    const [kit] = kitsOf(await request('load-brand-kits', {})).kits
    expect([kit.references.length, kit.fonts.length, kit.palette.length, kit.checks.length]).toEqual([3, 1, 2, 3])
    expect(kit.problems).toEqual(['The kit page holds over 1000 layers, too many to read them all: the deepest are left out, so part of the kit may not be sent. Move what is not the kit to another page.'])
  })
})
