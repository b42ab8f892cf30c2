import { beforeEach, describe, expect, it } from 'vitest'
import type { GenerationRecord } from '../../../common/domain'
import type { PlaceImageArgs } from '../../../common/messages'
import type { AreaTarget } from '../../../common/selection'
import { entryImageAsync } from '../../../plugin/history/history-images'
import { placeAndRecordAsync } from '../../../plugin/history/history-requests'
import { RECORD_KEY } from '../../../plugin/history/record'
import type { FakeFigma, FakeNode } from '../../fake-figma'
import { recordWith } from '../../fixtures/records'
import { encodePng } from '../../images/png'
import { installFakeFigma, runPlugin, shownStartData } from '../install-fake'

let fake: FakeFigma
beforeEach(() => {
  fake = installFakeFigma()
})

/** A 800×600 table shot in a frame at (100, 50), and a 200×200 circle drawn over part of it. */
function tableShot(): { frame: FakeNode; image: FakeNode; circle: FakeNode } {
  const frame = fake.addFrame({ name: 'Post', x: 100, y: 50, width: 1000, height: 800 })
  const image = fake.addRectangle({ name: 'Table shot', x: 0, y: 0, width: 800, height: 600 }, frame)
  image.fills = [{ type: 'IMAGE', imageHash: fake.figma.createImage(encodePng(64, 64)).hash, scaleMode: 'FILL' }]
  const circle = fake.addEllipse({ name: 'Area', x: 300, y: 200, width: 200, height: 200 }, frame)
  return { frame, image, circle }
}

/**
 * The same shot in a vertical auto layout card at (100, 50), hugging it and a
 * 100 px caption; the circle drawn over the shot, out of the flow (Absolute position).
 */
function cardShot(): { card: FakeNode; image: FakeNode; caption: FakeNode; circle: FakeNode } {
  const card = Object.assign(fake.addFrame({ name: 'Post', x: 100, y: 50, width: 800, height: 10 }), { layoutMode: 'VERTICAL' as const, primaryAxisSizingMode: 'AUTO' as const })
  const image = fake.addRectangle({ name: 'Table shot', width: 800, height: 600 }, card)
  image.fills = [{ type: 'IMAGE', imageHash: fake.figma.createImage(encodePng(64, 64)).hash, scaleMode: 'FILL' }]
  const caption = fake.addText({ name: 'Caption', width: 800, height: 100 }, card)
  const circle = fake.addEllipse({ name: 'Area' }, card)
  circle.layoutPositioning = 'ABSOLUTE'
  Object.assign(circle, { x: 300, y: 200, width: 200, height: 200 })
  return { card, image, caption, circle }
}

const record = (prompt: string): GenerationRecord => ({ ...recordWith({ prompt }), area: { imageId: '', erase: false } })

/** Edit area's landing as the UI sends it: the box on the page, with the shape that masks it. */
function overArea(image: FakeNode, shape: FakeNode, change: Partial<AreaTarget> = {}, prompt = 'a glass of orange juice'): PlaceImageArgs {
  const area: AreaTarget = { x: 350, y: 200, width: 300, height: 300, shapeId: shape.id, shape: { x: 400, y: 250, width: 200, height: 200 }, shapeExportBox: { x: 400, y: 250, width: 200, height: 200 }, ...change }
  return {
    taskId: `area-${prompt}`,
    image: { bytes: encodePng(300, 300), width: 300, height: 300 },
    placement: 'area',
    targetIds: [image.id, shape.id],
    name: 'Table shot · edited area',
    reveal: false,
    record: { ...record(prompt), area: { imageId: image.id, erase: false } },
    area,
  }
}

const maskOf = (group: FakeNode) => group.children[0] as FakeNode & { isMask?: boolean }

describe('Edit area in the sandbox', () => {
  it('groups the answer with the shape as its mask, above the image, with the record and the edit’s own buttons', async () => {
    const { frame, image, circle } = tableShot()
    const steps = fake.undoSteps()
    const placed = await placeAndRecordAsync(overArea(image, circle))
    const group = fake.allNodes().find((n) => n.id === placed.nodeIds[0])!
    expect(frame.children.map((n) => n.name)).toEqual(['Table shot', 'Table shot · edited area'])
    expect(group.children.map((n) => n.name)).toEqual(['Area', 'Table shot · edited area'])
    expect(maskOf(group).isMask).toBe(true)
    expect(group.children[1]).toMatchObject({ x: 250, y: 150, width: 300, height: 300 })
    expect(JSON.parse(group.getPluginData(RECORD_KEY))).toMatchObject({ prompt: 'a glass of orange juice', area: { imageId: image.id, erase: false } })
    expect(Object.keys(group.getRelaunchData())).toEqual(['regenerate', 'more-like-this', 'edit-prompt'])
    expect(fake.undoSteps()).toBe(steps + 1)
  })

  it('Regenerate on the edit: the new answer in its place, one undo step, and Restore previous swaps back, record and all', async () => {
    const { frame, image, circle } = tableShot()
    const first = await placeAndRecordAsync(overArea(image, circle))
    const group = fake.allNodes().find((n) => n.id === first.nodeIds[0])!
    const answer = group.children[1]
    const earlier = answer.fills[0].imageHash
    const steps = fake.undoSteps()

    const newer = { bytes: encodePng(320, 320), width: 320, height: 320 }
    const again = await placeAndRecordAsync({ ...overArea(image, maskOf(group), { replace: true }, 'a cup of coffee'), image: newer })
    expect(again.nodeIds).toEqual([group.id])
    expect(frame.children).toHaveLength(2)
    expect(group.children[1]).toBe(answer)
    expect(answer.fills[0].imageHash).not.toBe(earlier)
    expect(JSON.parse(group.getPluginData(RECORD_KEY)).prompt).toBe('a cup of coffee')
    expect(Object.keys(group.getRelaunchData())).toContain('restore-previous')
    expect(fake.undoSteps()).toBe(steps + 1)
    expect(image.fills[0].type).toBe('IMAGE')

    fake.select(group)
    runPlugin(fake, 'restore-previous')
    expect(answer.fills[0].imageHash).toBe(earlier)
    expect(JSON.parse(group.getPluginData(RECORD_KEY)).prompt).toBe('a glass of orange juice')
    expect(fake.undoSteps()).toBe(steps + 2)
  })

  it('More like this on the edit: another edit above it, masked by a copy of the shape; the first stays as it was', async () => {
    const { frame, image, circle } = tableShot()
    const first = await placeAndRecordAsync(overArea(image, circle))
    const group = fake.allNodes().find((n) => n.id === first.nodeIds[0])!
    const before = group.children[1].fills[0].imageHash
    const take = await placeAndRecordAsync(overArea(image, maskOf(group), { replace: false }, 'a cup of coffee'))
    const second = fake.allNodes().find((n) => n.id === take.nodeIds[0])!
    expect(frame.children).toEqual([image, group, second])
    expect(maskOf(second)).not.toBe(maskOf(group))
    expect(maskOf(second)).toMatchObject({ isMask: true, x: 300, y: 200, width: 200, height: 200 })
    expect(group.children).toHaveLength(2)
    expect(group.children[1].fills[0].imageHash).toBe(before)
  })

  it('a relaunch on the edit hands the panel its image and mask, read from the layers; a record naming no sibling says so', async () => {
    const { image, circle } = tableShot()
    const placed = await placeAndRecordAsync(overArea(image, circle))
    const group = fake.allNodes().find((n) => n.id === placed.nodeIds[0])!
    fake.select(group)
    runPlugin(fake, 'regenerate')
    const { launch } = await shownStartData(fake)
    expect(launch).toMatchObject({ command: 'regenerate', problem: null, area: { image: { id: image.id, area: { x: 100, y: 50 } }, shape: { id: maskOf(group).id, area: { x: 400, y: 250 } } } })

    fake = installFakeFigma()
    const other = tableShot()
    const moved = await placeAndRecordAsync({ ...overArea(other.image, other.circle), record: { ...record('x'), area: { imageId: '999:1', erase: false } } })
    fake.select(fake.allNodes().find((n) => n.id === moved.nodeIds[0])!)
    runPlugin(fake, 'regenerate')
    const started = await shownStartData(fake)
    expect(started.launch?.area).toBeUndefined()
    expect(started.launch?.problem).toMatch(/no longer beside it/)
  })

  it('over an image the designer locked (as one locks a background): the edit and its Regenerate land masked over it, the image untouched and still locked', async () => {
    const { frame, image, circle } = tableShot()
    image.locked = true
    const fills = JSON.stringify(image.fills)
    const placed = await placeAndRecordAsync(overArea(image, circle))
    const group = fake.allNodes().find((n) => n.id === placed.nodeIds[0])!
    expect(frame.children.map((n) => n.name)).toEqual(['Table shot', 'Table shot · edited area'])
    expect(group.children.map((n) => n.name)).toEqual(['Area', 'Table shot · edited area'])
    expect(maskOf(group).isMask).toBe(true)

    const again = await placeAndRecordAsync(overArea(image, maskOf(group), { replace: true }, 'a cup of coffee'))
    expect(again.nodeIds).toEqual([group.id])
    expect(frame.children).toHaveLength(2)
    expect({ fills: JSON.stringify(image.fills), locked: image.locked, box: [image.x, image.y, image.width, image.height] }).toEqual({ fills, locked: true, box: [0, 0, 800, 600] })
    expect(fake.notifications).toEqual([])
    expect(fake.undoSteps()).toBe(2)
  })

  it('Regenerate of an edit whose mask the designer locked in its group lands masked in place: the mask is copied, never moved', async () => {
    const { frame, image, circle } = tableShot()
    const placed = await placeAndRecordAsync(overArea(image, circle))
    const group = fake.allNodes().find((n) => n.id === placed.nodeIds[0])!
    maskOf(group).locked = true
    const again = await placeAndRecordAsync(overArea(image, maskOf(group), { replace: true }, 'a cup of coffee'))
    expect(again.nodeIds).toEqual([group.id])
    expect(frame.children.map((n) => n.name)).toEqual(['Table shot', 'Table shot · edited area'])
    expect(maskOf(group).isMask).toBe(true)
    expect(fake.notifications).toEqual([])
  })

  it('a step Figma refuses midway leaves the shape where it was drawn and no half-made edit; the paid image stays with the UI', async () => {
    const { frame, image, circle } = tableShot()
    const group = fake.figma.group
    fake.figma.group = (() => {
      throw new Error('Figma refused the group')
    }) as typeof fake.figma.group
    await expect(placeAndRecordAsync(overArea(image, circle))).rejects.toThrow(/refused the group/)
    fake.figma.group = group
    expect(frame.children).toEqual([image, circle])
    expect(circle).toMatchObject({ x: 300, y: 200 })
    expect((circle as FakeNode & { isMask?: boolean }).isMask).not.toBe(true)
  })

  it('over an image in an auto layout, the edit stays out of the flow: no layer moves, the card keeps its size', async () => {
    const { card, image, caption, circle } = cardShot()
    const flow = () => ({ image: [image.x, image.y], caption: [caption.x, caption.y], card: [card.width, card.height] })
    const before = flow()
    expect(before).toEqual({ image: [0, 0], caption: [0, 600], card: [800, 700] })

    const placed = await placeAndRecordAsync(overArea(image, circle))
    const group = fake.allNodes().find((n) => n.id === placed.nodeIds[0])!
    expect(card.children).toEqual([image, group, caption])
    expect(group).toMatchObject({ type: 'GROUP', layoutPositioning: 'ABSOLUTE' })
    expect(group.children.map((n) => [n.name, n.x, n.y, n.width, n.height])).toEqual([
      ['Area', 300, 200, 200, 200],
      ['Table shot · edited area', 250, 150, 300, 300],
    ])
    expect(maskOf(group).isMask).toBe(true)
    expect(flow()).toEqual(before)
    expect(fake.undoSteps()).toBe(1)
  })

  it('a step Figma refuses in an auto layout puts the shape back out of the flow, where it was drawn: nothing moves', async () => {
    const { card, image, caption, circle } = cardShot()
    // Figma refuses a late step, once the shape is in the group.
    const group = fake.figma.group.bind(fake.figma)
    fake.figma.group = ((nodes, parent, index) => {
      const made = group(nodes, parent, index)
      made.setPluginData = () => {
        throw new Error('Figma refused the record')
      }
      return made
    }) as typeof fake.figma.group
    await expect(placeAndRecordAsync(overArea(image, circle))).rejects.toThrow(/refused the record/)
    expect(card.children.map((n) => n.name)).toEqual([image, caption, circle].map((n) => n.name))
    expect(circle).toMatchObject({ layoutPositioning: 'ABSOLUTE', x: 300, y: 200, isMask: false })
    expect([caption.y, card.height]).toEqual([600, 700])
  })

  it('a frame dragged with the image and the shape while the edit was generating: the edit still masked, over the same part of the image', async () => {
    const { frame, image, circle } = tableShot()
    const planned = overArea(image, circle, { image: { x: 100, y: 50, width: 800, height: 600 } })
    frame.x += 300
    frame.y -= 150
    const placed = await placeAndRecordAsync(planned)
    const group = fake.allNodes().find((n) => n.id === placed.nodeIds[0])!
    expect(group.children.map((n) => n.name)).toEqual(['Area', 'Table shot · edited area'])
    expect(maskOf(group).isMask).toBe(true)
    // In the frame's own space, where it was planned: on the page it moved with the image.
    expect(group.children[1]).toMatchObject({ x: 250, y: 150, width: 300, height: 300 })
    expect(fake.notifications).toEqual([])
  })

  it('the image dragged away from the shape: the edit goes over the image where the area was on it, on a layer of its own', async () => {
    const { frame, image, circle } = tableShot()
    const planned = overArea(image, circle, { image: { x: 100, y: 50, width: 800, height: 600 } })
    image.x += 100
    const placed = await placeAndRecordAsync(planned)
    const layer = fake.allNodes().find((n) => n.id === placed.nodeIds[0])!
    expect(layer).toMatchObject({ type: 'RECTANGLE', x: 350, y: 150 })
    expect(frame.children.indexOf(layer)).toBe(frame.children.indexOf(image) + 1)
    expect(fake.notifications.at(-1)?.message).toMatch(/“Area” was moved or resized/)
  })

  it.each<[string, (shape: FakeNode) => void, RegExp]>([
    ['nudged', (shape) => void (shape.x += 40), /“Area” was moved or resized while the edit was generating, so the edit went over “Table shot” where the shape was, on a layer of its own; “Area” is left as it is/],
    ['resized', (shape) => shape.resize(260, 200), /“Area” was moved or resized/],
    ['deleted', (shape) => shape.remove(), /The shape of the area was deleted, so the edit went over “Table shot” where the shape was, on a layer of its own\.$/],
    ['locked', (shape) => void (shape.locked = true), /“Area” was locked, or moved to another frame/],
  ])('a shape %s while the edit was generating: the edit goes where it was planned, over the image on a layer of its own, and Figma says so', async (_what, change, says) => {
    const { frame, image, circle } = tableShot()
    const before = { x: circle.x, y: circle.y, width: circle.width, height: circle.height }
    change(circle)
    const after = { x: circle.x, y: circle.y, width: circle.width, height: circle.height, locked: circle.locked }
    const placed = await placeAndRecordAsync(overArea(image, circle))
    const layer = fake.allNodes().find((n) => n.id === placed.nodeIds[0])!
    expect(placed.placement).toBe('area')
    // Right above the image, at the box the answer was made for: the answer shows, as the panel cut it to the shape.
    expect(frame.children.indexOf(layer)).toBe(frame.children.indexOf(image) + 1)
    expect(layer).toMatchObject({ type: 'RECTANGLE', name: 'Table shot · edited area', x: 250, y: 150, width: 300, height: 300 })
    expect(layer.fills[0]).toMatchObject({ type: 'IMAGE' })
    expect(JSON.parse(layer.getPluginData(RECORD_KEY)).prompt).toBe('a glass of orange juice')
    // The designer's shape as they left it: no mask, no group.
    if (!circle.removed) {
      expect({ x: circle.x, y: circle.y, width: circle.width, height: circle.height, locked: circle.locked }).toEqual(after)
      expect(circle.parent).toBe(frame)
      expect((circle as FakeNode & { isMask?: boolean }).isMask).not.toBe(true)
    }
    expect(before).toEqual({ x: 300, y: 200, width: 200, height: 200 })
    expect(fake.allNodes().some((n) => n.type === 'GROUP')).toBe(false)
    expect(fake.notifications.at(-1)?.message).toMatch(says)
    expect(fake.undoSteps()).toBe(1)
  })

  it('the history finds an edit’s image in its group, for the thumbnail and Place again', async () => {
    const { image, circle } = tableShot()
    const placed = await placeAndRecordAsync(overArea(image, circle))
    const group = fake.allNodes().find((n) => n.id === placed.nodeIds[0])!
    const found = await entryImageAsync(group.id, JSON.parse(group.getPluginData(RECORD_KEY)) as GenerationRecord)
    expect(found).toMatchObject({ kind: 'fill', node: group.children[1], hash: group.children[1].fills[0].imageHash, swappedOut: false })
  })

  it('Edit area and Erase area pressed on an image hand over the whole selection', async () => {
    const { image, circle } = tableShot()
    fake.select(image, circle)
    runPlugin(fake, 'erase-an-area')
    const { launch } = await shownStartData(fake)
    expect(launch).toMatchObject({ command: 'erase-an-area', record: null, problem: null })
    expect(launch?.selection?.map((layer) => layer.id)).toEqual([image.id, circle.id])
  })
})
