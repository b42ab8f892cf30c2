import { beforeEach, describe, expect, it } from 'vitest'
import type { PlaceImageArgs } from '../../../common/messages'
import { expandSourceOf } from '../../../plugin/placing/expand-frame'
import { placeAndRecordAsync } from '../../../plugin/history/history-requests'
import { RECORD_KEY } from '../../../plugin/history/record'
import { describeSelection } from '../../../plugin/selection/selection'
import type { FakeFigma, FakeNode } from '../../fake-figma'
import { recordWith } from '../../fixtures/records'
import { encodePng } from '../../images/png'
import { installFakeFigma } from '../install-fake'

let fake: FakeFigma
beforeEach(() => {
  fake = installFakeFigma()
})

/** A rectangle showing an image, in `frame`. */
function addImage(frame: FakeNode, name: string, box: { x: number; y: number; width: number; height: number }): FakeNode {
  const image = fake.addRectangle({ name, ...box }, frame)
  image.fills = [{ type: 'IMAGE', imageHash: fake.figma.createImage(encodePng(64, 64)).hash, scaleMode: 'FILL' }]
  return image
}

/** A 1200×628 banner frame with a square product shot in its middle, as a designer lays one out to expand. */
function banner(): { frame: FakeNode; shot: FakeNode } {
  const frame = fake.addFrame({ name: 'Banner', x: 0, y: 0, width: 1200, height: 628 })
  return { frame, shot: addImage(frame, 'Product', { x: 286, y: 0, width: 628, height: 628 }) }
}

const behind = (frameId: string): PlaceImageArgs => ({
  taskId: 'expand-1',
  image: { bytes: encodePng(1200, 628), width: 1200, height: 628 },
  placement: 'behind',
  targetIds: [frameId],
  name: 'Banner · expanded',
  reveal: true,
  record: recordWith({ prompt: 'A sunny kitchen counter' }),
})

describe('Expand in the sandbox', () => {
  it('finds the one image that leaves part of its frame empty, in the frame’s coordinates', () => {
    const { frame, shot } = banner()
    expect(expandSourceOf(frame as unknown as SceneNode)).toEqual({ imageId: shot.id, imageName: 'Product', x: 286, y: 0, width: 628, height: 628 })
  })

  it('says where the image’s export falls in its frame when Figma draws it larger than its box: a shadow, or a turn', () => {
    const { frame, shot } = banner()
    shot.effects = [{ type: 'DROP_SHADOW', visible: true, radius: 10, offset: { x: 20, y: 20 } }]
    expect(expandSourceOf(frame as unknown as SceneNode)).toEqual({ imageId: shot.id, imageName: 'Product', x: 286, y: 0, width: 658, height: 658 })
    shot.effects = []
    shot.y = 100
    shot.width = shot.height = 300
    shot.rotation = 90
    // Turned a quarter about its top-left corner (286, 100): its box in the frame runs up from there.
    const box = expandSourceOf(frame as unknown as SceneNode)!
    expect([box.x, box.y, box.width, box.height].map((n) => Math.round(n * 1e6) / 1e6)).toEqual([286, -200, 300, 300])
  })

  it('says what an image selected alone exports past its box (a shadow), for Expand to a ratio', () => {
    const shot = addImage(fake.page as unknown as FakeNode, 'Shot', { x: 100, y: 100, width: 1000, height: 1000 })
    const [plain] = describeSelection([shot as unknown as SceneNode])
    expect(plain).toMatchObject({ expandsToRatio: true })
    expect(plain.drawn).toBeUndefined()
    shot.effects = [{ type: 'DROP_SHADOW', visible: true, radius: 10, offset: { x: 20, y: 20 } }]
    expect(describeSelection([shot as unknown as SceneNode])[0].drawn).toEqual({ x: 0, y: 0, width: 1030, height: 1030 })
  })

  it.each([
    ['an image that already covers its frame', (frame: FakeNode, shot: FakeNode) => void Object.assign(shot, { x: 0, width: frame.width })],
    ['two images', (frame: FakeNode) => void addImage(frame, 'Second', { x: 0, y: 0, width: 100, height: 100 })],
    ['a hidden image', (_frame: FakeNode, shot: FakeNode) => void (shot.visible = false)],
  ])('offers nothing for %s', (_name, change) => {
    const { frame, shot } = banner()
    change(frame, shot)
    expect(expandSourceOf(frame as unknown as SceneNode)).toBeUndefined()
  })

  it.each([
    ['an instance', () => fake.addInstance({ name: 'Banner', width: 1200, height: 628 })],
    ['a frame inside an instance', () => fake.addFrame({ name: 'Banner', width: 1200, height: 628 }, fake.addInstance({ name: 'Card', width: 1200, height: 628 }))],
    ['a frame inside a locked one', () => fake.addFrame({ name: 'Banner', width: 1200, height: 628 }, Object.assign(fake.addFrame({ name: 'Page frame', width: 1200, height: 628 }), { locked: true }))],
  ])('offers nothing in %s, where Figma takes no new layer; an image for it goes beside, said', async (_name, frameOf) => {
    const frame = frameOf()
    addImage(frame, 'Product', { x: 286, y: 0, width: 628, height: 628 })
    expect(expandSourceOf(frame as unknown as SceneNode)).toBeUndefined()
    const result = await placeAndRecordAsync(behind(frame.id))
    expect(result.placement).toBe('new-layer')
    expect(frame.children.map((child) => child.name)).toEqual(['Product'])
    expect(fake.notifications.at(-1)?.message).toMatch(/went on a new layer/)
  })

  it('names the image that already covers its frame, so the panel can say why there is nothing to expand', () => {
    const { frame, shot } = banner()
    Object.assign(shot, { x: 0, width: 1200 })
    fake.select(frame)
    const [described] = describeSelection(fake.figma.currentPage.selection)
    expect(described.expand).toBeUndefined()
    expect(described).toMatchObject({ filledBy: 'Product', filledByFramable: true })
    Object.assign(shot, { x: 286, width: 628 })
    expect(describeSelection(fake.figma.currentPage.selection)[0].filledBy).toBeUndefined()
  })

  it('puts the result behind the image, covering the frame, in one undo step, the image untouched', async () => {
    const { frame, shot } = banner()
    const before = JSON.stringify({ fills: shot.fills, x: shot.x, y: shot.y, width: shot.width, height: shot.height })
    const result = await placeAndRecordAsync(behind(frame.id))
    const layer = frame.children[0]
    expect(result).toEqual({ nodeIds: [layer.id], placement: 'behind', name: layer.name })
    expect(frame.children.map((child) => child.name)).toEqual(['Banner · expanded', 'Product'])
    expect(layer).toMatchObject({ x: 0, y: 0, width: 1200, height: 628 })
    expect(layer.fills[0]).toMatchObject({ type: 'IMAGE', scaleMode: 'FILL' })
    expect(JSON.parse(layer.getPluginData(RECORD_KEY)).prompt).toBe('A sunny kitchen counter')
    expect(Object.keys(layer.getRelaunchData())).toContain('regenerate')
    expect(JSON.stringify({ fills: shot.fills, x: shot.x, y: shot.y, width: shot.width, height: shot.height })).toBe(before)
    expect(fake.undoSteps()).toBe(1)
  })

  it.each([
    ['just above the background the designer drew, which would hide it, and under everything else', true, ['Background', 'Banner · expanded', 'Headline', 'Product']],
    ['at the bottom when the bottom layer is hidden', false, ['Banner · expanded', 'Background', 'Headline', 'Product']],
  ])('puts the result %s', async (_name, visible, order) => {
    const frame = fake.addFrame({ name: 'Banner', x: 0, y: 0, width: 1200, height: 628 })
    const background = fake.addRectangle({ name: 'Background', width: 1200, height: 628 }, frame)
    background.visible = visible
    fake.addText({ name: 'Headline', x: 40, y: 40, width: 400, height: 80 }, frame)
    addImage(frame, 'Product', { x: 286, y: 0, width: 628, height: 628 })
    await placeAndRecordAsync(behind(frame.id))
    expect(frame.children.map((child) => child.name)).toEqual(order)
  })

  it('in a card with auto layout, goes behind out of the flow: the photo and title stay where they are, the card keeps its size', async () => {
    // The card: a vertical auto layout, hugging a 400×400 photo and a 200 px title.
    const card = Object.assign(fake.addFrame({ name: 'Card', x: 0, y: 0, width: 400, height: 10 }), { layoutMode: 'VERTICAL', primaryAxisSizingMode: 'AUTO' })
    const photo = addImage(card, 'Photo', { x: 0, y: 0, width: 400, height: 400 })
    const title = fake.addText({ name: 'Title', width: 400, height: 200 }, card)
    const flow = () => ({ photo: [photo.x, photo.y], title: [title.x, title.y], card: [card.width, card.height] })
    const before = flow()
    expect(before).toEqual({ photo: [0, 0], title: [0, 400], card: [400, 600] })
    fake.select(card)
    expect(describeSelection(fake.figma.currentPage.selection)[0].expand).toMatchObject({ imageName: 'Photo' })

    const result = await placeAndRecordAsync({ ...behind(card.id), image: { bytes: encodePng(400, 600), width: 400, height: 600 } })
    const layer = card.children[0]
    expect(result).toEqual({ nodeIds: [layer.id], placement: 'behind', name: layer.name })
    expect(card.children).toEqual([layer, photo, title])
    expect(layer).toMatchObject({ layoutPositioning: 'ABSOLUTE', x: 0, y: 0, width: 400, height: 600 })
    expect(flow()).toEqual(before)
    expect(fake.undoSteps()).toBe(1)
  })

  it('in an auto layout that draws its first layer on top, goes last, so it is still behind the image', async () => {
    const card = Object.assign(fake.addFrame({ name: 'Card', width: 400, height: 600 }), { layoutMode: 'VERTICAL', itemReverseZIndex: true })
    const photo = addImage(card, 'Photo', { x: 0, y: 0, width: 400, height: 400 })
    await placeAndRecordAsync(behind(card.id))
    expect(card.children.map((child) => child.name)).toEqual(['Photo', 'Banner · expanded'])
    expect(photo).toMatchObject({ x: 0, y: 0 })
  })

  it('puts it on a new layer beside the frame, saying so, when the frame was locked meanwhile', async () => {
    const { frame } = banner()
    frame.locked = true
    const result = await placeAndRecordAsync(behind(frame.id))
    expect(result.placement).toBe('new-layer')
    expect(frame.children).toHaveLength(1)
    expect(fake.notifications.at(-1)?.message).toMatch(/^The frame to expand was deleted or locked, or is in a component instance, which takes no new layer: the image went on a new layer\.$/)
  })
})
