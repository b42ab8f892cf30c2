import { beforeEach, describe, expect, it } from 'vitest'
import type { PlaceImageArgs } from '../../../common/messages'
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

interface Board {
  board: FakeNode
  shot: FakeNode
  caption: FakeNode
}

/** A 1000×1000 product shot at (210, 140) in a board frame, with a caption above it in the layer order. */
function board(): Board {
  const frame = fake.addFrame({ name: 'Board', x: 40, y: 60, width: 3000, height: 2000 })
  const shot = fake.addRectangle({ name: 'Shot', x: 210, y: 140, width: 1000, height: 1000 }, frame)
  shot.fills = [{ type: 'IMAGE', imageHash: fake.figma.createImage(encodePng(64, 64)).hash, scaleMode: 'FILL' }]
  const caption = fake.addText({ name: 'Caption', characters: 'New in' }, frame)
  return { board: frame, shot, caption }
}

const toRatio = (imageId: string): PlaceImageArgs => ({
  taskId: 'expand-1',
  image: { bytes: encodePng(1778, 1000), width: 1778, height: 1000 },
  placement: 'behind',
  expandTo: '16:9',
  targetIds: [imageId],
  size: { width: 1778, height: 1000 },
  name: 'Shot · expanded',
  reveal: true,
  record: recordWith({ prompt: 'A marble counter' }),
})

const facts = (node: FakeNode) => JSON.stringify({ fills: node.fills, width: node.width, height: node.height, box: node.absoluteBoundingBox })

describe('Expand to a ratio in the sandbox', () => {
  it('is offered for an image selected alone, not with the frame form, nor for a locked, rotated or auto layout one', () => {
    const { board: parent, shot } = board()
    expect(describeSelection([shot] as unknown as SceneNode[])[0].expandsToRatio).toBe(true)
    expect(describeSelection([shot, fake.addRectangle()] as unknown as SceneNode[])[0].expandsToRatio).toBeUndefined()
    // The board, filled with an image and holding one that leaves part of it empty: the frame form is the one offered.
    parent.fills = shot.fills
    expect(describeSelection([parent] as unknown as SceneNode[])[0]).toMatchObject({ expand: { imageId: shot.id } })
    expect(describeSelection([parent] as unknown as SceneNode[])[0].expandsToRatio).toBeUndefined()
    shot.locked = true
    expect(describeSelection([shot] as unknown as SceneNode[])[0].expandsToRatio).toBeUndefined()
    shot.locked = false
    const plain = fake.addRectangle({ name: 'No image' })
    expect(describeSelection([plain] as unknown as SceneNode[])[0].expandsToRatio).toBeUndefined()
    shot.rotation = 15
    expect(describeSelection([shot] as unknown as SceneNode[])[0].expandsToRatio).toBeUndefined()
    shot.rotation = 0
    Object.assign(shot.parent!, { layoutMode: 'HORIZONTAL' })
    expect(describeSelection([shot] as unknown as SceneNode[])[0].expandsToRatio).toBeUndefined()
  })

  it('says why it is not offered for an image alone, where the designer can change it, and the frame that expands it instead', () => {
    const { board: parent, shot } = board()
    const noExpand = () => describeSelection([shot] as unknown as SceneNode[])[0].noExpand
    expect(noExpand()).toBeUndefined()
    // The board holds a caption as well as the shot: its Expand is for the shot, whatever the shot is.
    shot.locked = true
    expect(noExpand()).toEqual({ reason: 'locked', frame: 'Board' })
    shot.locked = false
    shot.rotation = 15
    expect(noExpand()).toEqual({ reason: 'rotated', frame: 'Board' })
    shot.rotation = 0
    Object.assign(parent, { layoutMode: 'HORIZONTAL' })
    expect(noExpand()).toMatchObject({ reason: 'auto-layout' })
    // On the page, there is no frame to suggest; with another layer selected, no Expand is looked for.
    const alone = fake.addRectangle({ name: 'Alone', width: 400, height: 300, rotation: 30 })
    alone.fills = shot.fills
    expect(describeSelection([alone] as unknown as SceneNode[])[0].noExpand).toEqual({ reason: 'rotated' })
    expect(describeSelection([alone, shot] as unknown as SceneNode[])[0].noExpand).toBeUndefined()
    // Nothing the designer could change here would frame it (hidden, or no image): nothing said.
    alone.visible = false
    expect(describeSelection([alone] as unknown as SceneNode[])[0].noExpand).toBeUndefined()
    expect(describeSelection([fake.addRectangle({ locked: true })] as unknown as SceneNode[])[0].noExpand).toBeUndefined()
  })

  it('is not offered for an image in a group that an auto layout places: the grown group would move the layers after it', () => {
    const card = Object.assign(fake.addFrame({ name: 'Card', width: 1000, height: 1200 }), { layoutMode: 'VERTICAL', primaryAxisSizingMode: 'AUTO' })
    const shot = fake.addRectangle({ name: 'Shot', width: 1000, height: 1000 })
    shot.fills = [{ type: 'IMAGE', imageHash: fake.figma.createImage(encodePng(64, 64)).hash, scaleMode: 'FILL' }]
    const group = fake.addGroup([shot])
    card.appendChild(group)
    fake.addText({ name: 'Caption', characters: 'New in' }, card)
    expect(describeSelection([shot] as unknown as SceneNode[])[0]).toMatchObject({ noExpand: { reason: 'auto-layout' } })
    // Out of the flow (placed absolutely), growing it moves nothing.
    Object.assign(group, { layoutPositioning: 'ABSOLUTE' })
    expect(describeSelection([shot] as unknown as SceneNode[])[0].expandsToRatio).toBe(true)
  })

  it('makes a frame of the ratio where the image is, moves the image into it pixel for pixel, and puts the result behind it covering the frame, in one undo step', async () => {
    const { board: parent, shot } = board()
    // Pinned to the board's right edge, scaling with its height: the frame takes that on.
    shot.constraints = { horizontal: 'MAX', vertical: 'SCALE' }
    const before = facts(shot)
    const result = await placeAndRecordAsync(toRatio(shot.id))

    const frame = parent.children[0]
    expect(frame).toMatchObject({ type: 'FRAME', name: 'Shot · 16:9', x: 210 - 389, y: 140, width: 1778, height: 1000 })
    expect(frame.fills).toEqual([])
    expect(frame).toMatchObject({ clipsContent: false, constraints: { horizontal: 'MAX', vertical: 'SCALE' } })
    // At the image's place in the layer order: under the caption, as the image was.
    expect(parent.children.map((child) => child.name)).toEqual(['Shot · 16:9', 'Caption'])
    expect(frame.children.map((child) => child.name)).toEqual(['Shot · expanded', 'Shot'])
    const [layer] = frame.children
    expect(result).toEqual({ nodeIds: [layer.id], placement: 'behind', name: 'Shot · expanded' })
    expect(layer).toMatchObject({ x: 0, y: 0, width: 1778, height: 1000 })
    expect(layer.fills[0]).toMatchObject({ type: 'IMAGE', scaleMode: 'FILL' })
    expect(JSON.parse(layer.getPluginData(RECORD_KEY)).prompt).toBe('A marble counter')
    expect(Object.keys(layer.getRelaunchData())).toContain('regenerate')
    // The image: the same fills, size and place on the page.
    expect(shot.parent).toBe(frame)
    expect(shot).toMatchObject({ x: 389, y: 0 })
    expect(facts(shot)).toBe(before)
    expect(frame.absoluteBoundingBox).toEqual({ x: 40 + 210 - 389, y: 60 + 140, width: 1778, height: 1000 })
    expect(fake.undoSteps()).toBe(1)
  })

  it('frames an image on the page itself, on a page not in view too', async () => {
    const other = fake.addPage('Other')
    const shot = fake.addRectangle({ name: 'Shot', x: 0, y: 0, width: 1000, height: 1000 }, other)
    shot.fills = [{ type: 'IMAGE', imageHash: fake.figma.createImage(encodePng(8, 8)).hash, scaleMode: 'FILL' }]
    other.loaded = false
    await placeAndRecordAsync(toRatio(shot.id))
    expect(other.kids.map((child) => [child.name, child.x, child.y])).toEqual([['Shot · 16:9', -389, 0]])
    expect(shot.absoluteBoundingBox).toEqual({ x: 0, y: 0, width: 1000, height: 1000 })
  })

  it.each<[string, (made: Board) => void]>([
    ['the image was deleted', ({ shot }) => shot.remove()],
    ['the image was locked', ({ shot }) => void (shot.locked = true)],
    ['its parent was locked', ({ board: parent }) => void (parent.locked = true)],
    ['it was moved into an auto layout', ({ board: parent }) => void Object.assign(parent, { layoutMode: 'VERTICAL' })],
  ])('puts the result on a new layer beside it, saying so, and makes no frame, when %s meanwhile', async (_what, change) => {
    const made = board()
    change(made)
    // Read after the change: an auto layout turned on places the image itself.
    const before = facts(made.shot)
    const result = await placeAndRecordAsync(toRatio(made.shot.id))
    expect(result.placement).toBe('new-layer')
    expect(fake.allNodes().filter((node) => node.type === 'FRAME').map((node) => node.name)).toEqual(['Board'])
    expect(fake.allNodes().find((node) => node.id === result.nodeIds[0])).toMatchObject({ name: 'Shot · expanded', width: 1778, height: 1000 })
    expect(fake.notifications.at(-1)?.message).toMatch(/image to expand was deleted, locked or moved/)
    if (!made.shot.removed) expect([made.shot.parent, facts(made.shot)]).toEqual([made.board, before])
    expect(fake.undoSteps()).toBe(1)
  })

  it('leaves the image where it was and no frame behind when Figma refuses a step midway, so the UI keeps the paid image', async () => {
    const { board: parent, shot } = board()
    const createFrame = fake.figma.createFrame
    fake.figma.createFrame = () => {
      const frame = createFrame() as unknown as FakeNode
      const append = frame.appendChild.bind(frame)
      // The result goes in; the image does not.
      frame.appendChild = (child: FakeNode) => (child === shot ? (() => { throw new Error('Cannot move node') })() : append(child))
      return frame as never
    }
    await expect(placeAndRecordAsync(toRatio(shot.id))).rejects.toThrow('Cannot move node')
    expect(parent.children.map((child) => child.name)).toEqual(['Shot', 'Caption'])
    expect(shot).toMatchObject({ x: 210, y: 140 })
    expect(fake.allNodes().filter((node) => node.name.startsWith('Shot ·'))).toEqual([])
    expect(fake.undoSteps()).toBe(0)
  })
})
