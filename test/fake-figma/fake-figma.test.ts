import { describe, expect, it } from 'vitest'
import { decodePng, encodeGif, encodeJpeg, encodePng, readImageInfo } from '../images/png'
import { createFakeFigma } from '.'
import { SHADOW_PIXEL, STROKE_PIXEL } from './nodes'

// The fake must refuse what Figma refuses, or the sandbox's tests prove nothing.
describe('the fake figma API', () => {
  it('createImage takes PNG, JPEG and GIF up to 4096 px a side', () => {
    const { figma } = createFakeFigma()
    for (const bytes of [encodePng(4096, 10), encodeJpeg(10, 4096), encodeGif(4096, 4096)]) {
      expect(figma.createImage(bytes).hash).toMatch(/^[0-9a-f]{40}$/)
    }
  })

  it.each([
    ['a PNG 4097 px wide', encodePng(4097, 1), 'Image is too large'],
    ['a JPEG 4097 px high', encodeJpeg(8, 4097, 50), 'Image is too large'],
    ['a WebP', new Uint8Array([...new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8L'), 0, 0, 0, 0, 0x2f, 0, 0, 0, 0, 0, 0, 0, 0, 0]), 'Image type is unsupported'],
    ['text', new TextEncoder().encode('not an image'), 'Image type is unsupported'],
  ])('createImage refuses %s as Figma does', (_name, bytes, message) => {
    expect(() => createFakeFigma().figma.createImage(bytes)).toThrow(message)
  })

  it('undo takes back one step: what changed since the last commitUndo, else the step before, never the designer’s own file', () => {
    const fake = createFakeFigma()
    const { figma } = fake
    const card = fake.addFrame({ name: 'Card' })
    fake.designerStep()
    const first = figma.createRectangle()
    figma.commitUndo()
    const frame = figma.createFrame()
    const image = figma.createRectangle()
    frame.appendChild(image)
    image.fills = [{ type: 'SOLID', color: { r: 1, g: 0, b: 0 } }]
    card.setPluginData('k', 'v')
    figma.commitUndo()
    expect(fake.undo()).toBe(true)
    expect([frame.removed, image.removed, first.removed, card.getPluginData('k')]).toEqual([true, true, false, ''])
    expect(fake.undo()).toBe(true)
    expect(first.removed).toBe(true)
    expect(fake.undo()).toBe(false)
    expect(card.removed).toBe(false)
  })

  it('exportAsync returns real PNG and JPEG bytes of the node’s size under the constraint', async () => {
    const fake = createFakeFigma()
    const frame = fake.addFrame({ width: 300, height: 200 })
    expect(readImageInfo(await frame.exportAsync({ format: 'PNG' }))).toEqual({ format: 'png', width: 300, height: 200 })
    expect(readImageInfo(await frame.exportAsync({ format: 'PNG', constraint: { type: 'SCALE', value: 2 } }))).toMatchObject({ width: 600, height: 400 })
    expect(readImageInfo(await frame.exportAsync({ format: 'JPG', constraint: { type: 'WIDTH', value: 150 } }))).toEqual({ format: 'jpeg', width: 150, height: 100 })
    expect(readImageInfo(await frame.exportAsync({ format: 'PNG', constraint: { type: 'HEIGHT', value: 50 } }))).toMatchObject({ width: 75, height: 50 })
  })

  it('addPhoto places a photo as Figma does when an image is dropped in: a rectangle filled with its picture, scaled to fill', async () => {
    const fake = createFakeFigma()
    const card = fake.addFrame({ name: 'Card', width: 1000, height: 1000 })
    const photo = await fake.addPhoto({ name: 'Table shot', width: 800, height: 600 }, card)
    expect(photo).toMatchObject({ type: 'RECTANGLE', name: 'Table shot', width: 800, height: 600, content: 'photo', parent: card })
    expect(photo.fills).toMatchObject([{ type: 'IMAGE', scaleMode: 'FILL' }])
    expect(fake.images.get(photo.fills[0].imageHash as string)).toMatchObject({ width: 800, height: 600 })
    const small = await fake.addPhoto({ width: 1600, height: 1600, imageWidth: 400 })
    expect(fake.images.get(small.fills[0].imageHash as string)).toMatchObject({ width: 400, height: 400 })
  })

  it('addLayout makes a frame holding a layer of the designer’s, exported as the frame alone; addFrame an empty one', async () => {
    const fake = createFakeFigma()
    const post = fake.addLayout({ name: 'Post', width: 300, height: 200, content: 'photo' })
    expect(post).toMatchObject({ type: 'FRAME', name: 'Post', width: 300, height: 200, content: 'photo', parent: fake.page })
    expect(post.children.map((child) => [child.type, child.name])).toEqual([['TEXT', 'Headline']])
    expect(readImageInfo(await post.exportAsync())).toEqual({ format: 'png', width: 300, height: 200 })
    expect(fake.addFrame().children).toEqual([])
  })

  it('createFrame makes a white frame on the current page, as Figma does', () => {
    const fake = createFakeFigma()
    const frame = fake.figma.createFrame() as unknown as ReturnType<typeof fake.addFrame>
    expect(frame.parent).toBe(fake.page)
    expect(frame.fills).toEqual([{ type: 'SOLID', color: { r: 1, g: 1, b: 1 } }])
  })

  it('fills are read-only and replaced wholesale', () => {
    const node = createFakeFigma().addRectangle()
    node.fills = [{ type: 'SOLID', color: { r: 1, g: 0, b: 0 } }]
    expect(() => (node.fills as unknown as unknown[]).push({ type: 'SOLID' })).toThrow()
    expect(node.fills).toHaveLength(1)
  })

  it.each([
    ['zero', 300, 0],
    ['negative', -1, 100],
    ['under 0.01', 300, 0.001],
    ['not a number', Number.NaN, 100],
    ['infinite', 300, Number.POSITIVE_INFINITY],
  ])('resize refuses a side that is %s, as Figma does', (_name, width, height) => {
    const node = createFakeFigma().addRectangle({ width: 10, height: 10 })
    expect(() => node.resize(width, height)).toThrow()
    expect([node.width, node.height]).toEqual([10, 10])
  })

  it('keeps each plugin data entry within Figma’s limit of about 100 kB', () => {
    const node = createFakeFigma().addRectangle()
    node.setPluginData('record', 'x'.repeat(90_000))
    expect(node.getPluginData('record')).toHaveLength(90_000)
    expect(() => node.setPluginData('record', 'x'.repeat(100_001))).toThrow(/too large/)
    // Counted in UTF-8 bytes: 40 000 three-byte characters are 120 kB.
    expect(() => node.setPluginData('record', '狐'.repeat(40_000))).toThrow(/too large/)
    expect(node.getPluginData('record')).toHaveLength(90_000)
  })

  it('computes absolute bounds through frames', () => {
    const fake = createFakeFigma()
    const outer = fake.addFrame({ x: 100, y: 50, width: 500, height: 500 })
    const inner = fake.addRectangle({ x: 10, y: 20, width: 30, height: 40 }, outer)
    expect(inner.absoluteBoundingBox).toEqual({ x: 110, y: 70, width: 30, height: 40 })
  })

  it('gives a rotated node the box around its rotated shape, its width and height unrotated, and exports that box upright', async () => {
    const fake = createFakeFigma()
    // 45° counter-clockwise about its top-left corner: a diamond, its left corner at (300, 300), its top one 70.7 higher.
    const square = fake.addRectangle({ x: 300, y: 300, width: 100, height: 100, rotation: 45 })
    const side = 100 * Math.SQRT2
    expect(square.absoluteBoundingBox.x).toBeCloseTo(300)
    expect(square.absoluteBoundingBox.y).toBeCloseTo(300 - side / 2)
    expect(square.absoluteBoundingBox.width).toBeCloseTo(side)
    expect(square.absoluteBoundingBox.height).toBeCloseTo(side)
    expect([square.width, square.height]).toEqual([100, 100])
    expect(square.relativeTransform[1][0]).toBeCloseTo(-Math.SQRT1_2)
    // Inside a rotated frame, a node is rotated on the page too.
    const frame = fake.addFrame({ x: 0, y: 0, width: 500, height: 500, rotation: 90 })
    expect(fake.addRectangle({ x: 0, y: 0, width: 50, height: 20 }, frame).absoluteBoundingBox).toEqual({ x: 0, y: -50, width: 20, height: 50 })

    const png = decodePng(await square.exportAsync({ format: 'PNG' }))
    expect([png.width, png.height]).toEqual([Math.round(side), Math.round(side)])
    const alpha = (x: number, y: number) => png.rgba[(y * png.width + x) * 4 + 3]
    expect([alpha(2, 2), alpha(png.width - 3, png.height - 3), alpha(70, 70)]).toEqual([0, 0, 255])
  })

  it('exports an ellipse as Figma does: the ellipse drawn, its box’s corners clear', async () => {
    const fake = createFakeFigma()
    const png = decodePng(await fake.addEllipse({ x: 10, y: 10, width: 200, height: 100 }).exportAsync({ format: 'PNG' }))
    const alpha = (x: number, y: number) => png.rgba[(y * png.width + x) * 4 + 3]
    // The middle and the ends of each axis are drawn; the corners of the box, and just past the curve, are not.
    expect([alpha(100, 50), alpha(1, 50), alpha(198, 50), alpha(100, 1), alpha(100, 98)]).toEqual([255, 255, 255, 255, 255])
    expect([alpha(2, 2), alpha(197, 97), alpha(20, 10)]).toEqual([0, 0, 0])
  })

  it('grows the render bounds and the export by a stroke outside and a drop shadow, as Figma draws them', async () => {
    const fake = createFakeFigma()
    const photo = fake.addRectangle({ x: 100, y: 100, width: 200, height: 100, content: 'photo' })
    const plain = decodePng(await photo.exportAsync({ format: 'PNG' }))
    photo.strokes = [{ type: 'SOLID', color: { r: 1, g: 0, b: 1 } }]
    photo.strokeWeight = 4
    photo.strokeAlign = 'OUTSIDE'
    photo.effects = [{ type: 'DROP_SHADOW', visible: true, radius: 6, offset: { x: 10, y: 10 } }]
    expect(photo.absoluteBoundingBox).toEqual({ x: 100, y: 100, width: 200, height: 100 })
    // The stroke adds 4 on each side; the shadow reaches 10 + 4 + 6 past the right and bottom edges.
    expect(photo.absoluteRenderBounds).toEqual({ x: 96, y: 96, width: 224, height: 124 })
    const drawn = decodePng(await photo.exportAsync({ format: 'PNG' }))
    expect([drawn.width, drawn.height]).toEqual([224, 124])
    const pixel = (image: typeof plain, x: number, y: number) => [...image.rgba.subarray((y * image.width + x) * 4, (y * image.width + x) * 4 + 4)]
    // The picture where the layer is, unchanged; its stroke around it; the shadow beyond.
    expect(pixel(drawn, 4 + 50, 4 + 30)).toEqual(pixel(plain, 50, 30))
    expect(pixel(drawn, 1, 50)).toEqual([...STROKE_PIXEL])
    expect(pixel(drawn, 220, 120)).toEqual([...SHADOW_PIXEL])
    expect(pixel(drawn, 1, 120)).toEqual([0, 0, 0, 0])
    photo.visible = false
    expect(photo.absoluteRenderBounds).toBeNull()
  })

  it('looks nodes up asynchronously only, as with dynamic-page access', async () => {
    const fake = createFakeFigma()
    const frame = fake.addFrame()
    expect(await fake.figma.getNodeByIdAsync(frame.id)).toBe(frame)
    expect(() => fake.figma.getNodeById(frame.id)).toThrow(/getNodeByIdAsync/)
    frame.remove()
    expect(await fake.figma.getNodeByIdAsync(frame.id)).toBeNull()
  })

  it('fires selectionchange after the selection changes', async () => {
    const fake = createFakeFigma()
    let fired = 0
    fake.figma.on('selectionchange', () => fired++)
    fake.select(fake.addFrame())
    expect(fired).toBe(0)
    await Promise.resolve()
    expect(fired).toBe(1)
  })

  it('has several pages; setCurrentPageAsync switches the current page and fires currentpagechange, then selectionchange', async () => {
    const fake = createFakeFigma()
    const second = fake.addPage('Page 2')
    expect(fake.figma.root.children).toEqual([fake.page, second])
    expect(fake.figma.currentPage).toBe(fake.page)
    const events: string[] = []
    fake.figma.on('currentpagechange', () => events.push('currentpagechange'))
    fake.figma.on('selectionchange', () => events.push('selectionchange'))
    await fake.figma.setCurrentPageAsync(second as unknown as PageNode)
    await Promise.resolve()
    expect(fake.figma.currentPage).toBe(second)
    expect(events).toEqual(['currentpagechange', 'selectionchange'])
  })

  it('refuses to set figma.currentPage directly, as with dynamic-page access', () => {
    const fake = createFakeFigma()
    const second = fake.addPage()
    expect(() => (fake.figma.currentPage = second as unknown as PageNode)).toThrow(/setCurrentPageAsync/)
    expect(fake.figma.currentPage).toBe(fake.page)
  })

  it('makes new nodes on the current page', async () => {
    const fake = createFakeFigma()
    const second = fake.addPage()
    await fake.figma.setCurrentPageAsync(second as unknown as PageNode)
    const node = fake.figma.createRectangle()
    expect(node.parent).toBe(second)
    expect(fake.page.children).toEqual([])
  })

  it('refuses the children of a page that is not loaded until loadAsync, as with dynamic-page access', async () => {
    const fake = createFakeFigma()
    const second = fake.addPage()
    const frame = fake.addFrame({}, second)
    expect(() => second.children).toThrow(/loadAsync/)
    expect(() => second.appendChild(fake.figma.createRectangle() as never)).toThrow(/loadAsync/)
    await second.loadAsync()
    expect(second.children).toEqual([frame])
  })

  it('fires selectionchange for the current page’s selection only', async () => {
    const fake = createFakeFigma()
    const second = fake.addPage()
    const frame = fake.addFrame({}, second)
    let fired = 0
    fake.figma.on('selectionchange', () => fired++)
    second.selection = [frame]
    await Promise.resolve()
    expect(fired).toBe(0)
    expect(fake.figma.currentPage.selection).toEqual([])
  })

  it('figma.group fits the group to its children, moves them with it, and deletes a group left empty', async () => {
    const fake = createFakeFigma()
    const a = fake.addRectangle({ x: 100, y: 50, width: 200, height: 100 })
    const b = fake.addRectangle({ x: 300, y: 50, width: 200, height: 300 })
    const group = fake.figma.group([a, b] as unknown as SceneNode[], fake.figma.currentPage)
    expect(group).toMatchObject({ type: 'GROUP', x: 100, y: 50, width: 400, height: 300 })
    expect(fake.page.children).toEqual([group])
    group.x = 0
    group.y = 10
    expect([a.x, a.y, b.x, b.y]).toEqual([0, 10, 200, 10])
    expect(a.absoluteBoundingBox).toEqual({ x: 0, y: 10, width: 200, height: 100 })
    a.remove()
    expect(group.removed).toBe(false)
    b.remove()
    expect(group.removed).toBe(true)
    expect(fake.page.children).toEqual([])
  })

  it('an auto layout places its flow: inserting moves the children after, a hugging frame grows, writes to x and y move no flow child', () => {
    const fake = createFakeFigma()
    const card = Object.assign(fake.addFrame({ name: 'Card', x: 50, y: 20, width: 400, height: 10 }), { layoutMode: 'VERTICAL', itemSpacing: 8, paddingTop: 16, paddingBottom: 16, primaryAxisSizingMode: 'AUTO' })
    const photo = fake.addRectangle({ name: 'Photo', width: 400, height: 400 }, card)
    const title = fake.addText({ name: 'Title', width: 400, height: 100 }, card)
    expect([photo.y, title.y, card.height]).toEqual([16, 424, 540])
    title.y = 0
    expect(title.y).toBe(424)
    const added = fake.addRectangle({ width: 400, height: 50 })
    card.insertChild(0, added)
    expect([added.y, photo.y, title.y, card.height]).toEqual([16, 74, 482, 598])
    // Hidden, removed or resized: the flow closes up or opens.
    added.visible = false
    expect([photo.y, card.height]).toEqual([16, 540])
    added.remove()
    photo.resize(400, 300)
    expect([title.y, card.height]).toEqual([324, 440])
    expect(title.absoluteBoundingBox).toEqual({ x: 50, y: 344, width: 400, height: 100 })
  })

  it('layoutPositioning ABSOLUTE takes a direct child of an auto layout out of its flow, in place; nothing else takes it', () => {
    const fake = createFakeFigma()
    const row = Object.assign(fake.addFrame({ width: 10, height: 100 }), { layoutMode: 'HORIZONTAL', primaryAxisSizingMode: 'AUTO' })
    const a = fake.addRectangle({ width: 100, height: 100 }, row)
    const b = fake.addRectangle({ width: 100, height: 100 }, row)
    expect([b.x, row.width]).toEqual([100, 200])
    a.layoutPositioning = 'ABSOLUTE'
    expect([a.x, b.x, row.width]).toEqual([0, 0, 100])
    a.x = 30
    expect(a.x).toBe(30)
    expect(() => (fake.addRectangle().layoutPositioning = 'ABSOLUTE')).toThrow(/auto-layout/)
    // Moved elsewhere, it joins the new parent's flow.
    const other = Object.assign(fake.addFrame(), { layoutMode: 'VERTICAL' })
    other.appendChild(a)
    expect(a.layoutPositioning).toBe('AUTO')
  })

  it('a group in an auto layout is placed whole by the flow, its children with it', () => {
    const fake = createFakeFigma()
    const column = Object.assign(fake.addFrame({ width: 300, height: 300 }), { layoutMode: 'VERTICAL' })
    const first = fake.addRectangle({ width: 100, height: 40 }, column)
    const loose = fake.addRectangle({ x: 5, y: 5, width: 50, height: 50 }, column)
    const group = fake.figma.group([loose] as unknown as SceneNode[], column as unknown as FrameNode, 1)
    expect(column.children).toEqual([first, group])
    expect([group.x, group.y, loose.x, loose.y]).toEqual([0, 40, 0, 40])
  })

  it('figma.group refuses what Figma refuses: no nodes, a removed node, a page not loaded', async () => {
    const fake = createFakeFigma()
    const page = fake.figma.currentPage
    expect(() => fake.figma.group([], page)).toThrow(/at least one node/)
    const gone = fake.addRectangle()
    gone.remove()
    expect(() => fake.figma.group([gone] as unknown as SceneNode[], page)).toThrow(/does not exist/)
    const other = fake.addPage()
    const rect = fake.addRectangle({}, other)
    expect(() => fake.figma.group([rect] as unknown as SceneNode[], other as unknown as PageNode)).toThrow(/not loaded/)
  })

  it('keeps clientStorage within 5 MB', async () => {
    const { figma } = createFakeFigma()
    await figma.clientStorage.setAsync('a', 'x'.repeat(1000))
    expect(await figma.clientStorage.getAsync('a')).toHaveLength(1000)
    await expect(figma.clientStorage.setAsync('b', 'x'.repeat(6 * 1024 * 1024))).rejects.toThrow(/5 MB/)
  })

  it('refuses to write a text’s characters before its font is loaded, as Figma does', async () => {
    const fake = createFakeFigma()
    const text = fake.figma.createText()
    expect(() => (text.characters = 'Hi')).toThrow(/loadFontAsync/)
    await fake.figma.loadFontAsync({ family: 'Inter', style: 'Regular' })
    text.characters = 'Hi'
    expect(text.characters).toBe('Hi')
  })

  it('clones a node beside the original, with its children, fills and plugin data, under a new id', () => {
    const fake = createFakeFigma()
    const frame = fake.addFrame({ name: 'Logo', width: 40, height: 20 })
    frame.fills = [{ type: 'SOLID', color: { r: 1, g: 0, b: 0 } }]
    frame.setPluginData('k', 'v')
    const child = fake.addText({ characters: 'Acme' }, frame)
    const copy = frame.clone() as unknown as typeof frame
    expect(copy.id).not.toBe(frame.id)
    expect(fake.page.kids).toEqual([frame, copy])
    expect([copy.name, copy.width, copy.fills, copy.getPluginData('k')]).toEqual(['Logo', 40, frame.fills, 'v'])
    expect(copy.kids.map((k) => [k.id === child.id, (k as unknown as { characters: string }).characters])).toEqual([[false, 'Acme']])
  })

  it('keeps a pen shape’s outline as read-only vectorPaths, and its clone keeps it too', () => {
    const fake = createFakeFigma()
    const pen = fake.addVector({ name: 'Blob', width: 40, height: 30, vectorPaths: [{ windingRule: 'NONZERO', data: 'M 0 0 L 40 0 L 20 30 Z' }] })
    expect(pen.type).toBe('VECTOR')
    expect(() => (pen.vectorPaths as unknown as { data: string }[]).push({ data: 'M 0 0' })).toThrow()
    const copy = pen.clone() as typeof pen
    expect(copy.vectorPaths).toEqual([{ windingRule: 'NONZERO', data: 'M 0 0 L 40 0 L 20 30 Z' }])
    expect(fake.addVector({ width: 10, height: 8 }).vectorPaths[0].data).toBe('M 5 0 L 10 8 L 0 8 Z')
  })

  it('makes loaded pages and lists the local paint styles', async () => {
    const fake = createFakeFigma()
    const page = fake.figma.createPage()
    expect(page.children).toEqual([])
    expect(fake.figma.root.children).toHaveLength(2)
    fake.addPaintStyle('Red', [{ type: 'SOLID', color: { r: 1, g: 0, b: 0 } }])
    expect((await fake.figma.getLocalPaintStylesAsync()).map((s) => [s.name, s.paints[0].type])).toEqual([['Red', 'SOLID']])
  })

  it('lists colour variables, each valued at its collection’s default mode, and finds each collection by id', async () => {
    const fake = createFakeFigma()
    fake.addColourVariable('blue/500', { r: 0, g: 0, b: 1, a: 1 }, 'Primitives')
    fake.addColourVariable('accent', { type: 'VARIABLE_ALIAS', id: 'V:1' }, 'Theme')
    const [blue, accent] = await fake.figma.variables.getLocalVariablesAsync('COLOR')
    expect(await fake.figma.variables.getLocalVariablesAsync('FLOAT')).toEqual([])
    const primitives = await fake.figma.variables.getVariableCollectionByIdAsync(blue.variableCollectionId)
    const theme = await fake.figma.variables.getVariableCollectionByIdAsync(accent.variableCollectionId)
    expect([primitives?.name, theme?.name]).toEqual(['Primitives', 'Theme'])
    expect(primitives?.variableIds).toEqual([blue.id])
    expect(blue.valuesByMode[primitives!.defaultModeId]).toEqual({ r: 0, g: 0, b: 1, a: 1 })
    expect(accent.valuesByMode[theme!.defaultModeId]).toEqual({ type: 'VARIABLE_ALIAS', id: 'V:1' })
    expect(await fake.figma.variables.getVariableCollectionByIdAsync('VC:404')).toBeNull()
  })
})
