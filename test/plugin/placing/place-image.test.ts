import { beforeEach, describe, expect, it } from 'vitest'
import type { GenerationRecord } from '../../../common/domain'
import type { PlaceImageArgs } from '../../../common/messages'
import { endUndoStep, placeAndRecordAsync } from '../../../plugin/history/history-requests'
import { RECORD_KEY } from '../../../plugin/history/record'
import { restorePrevious } from '../../../plugin/placing/previous-image'
import type { FakeFigma } from '../../fake-figma'
import { encodeGif, encodePng } from '../../images/png'
import { installFakeFigma } from '../install-fake'

let fake: FakeFigma
beforeEach(() => {
  fake = installFakeFigma({ viewport: { x: 0, y: 0, width: 2000, height: 1000 } })
})

const record: GenerationRecord = {
  prompt: 'A red fox',
  settings: { model: 'sourceful/riverflow-v2-fast', aspectRatio: '16:9', imageSize: '1K', fontInputs: [], background: 'original', backgroundColor: '#FFFFFF', effort: 'medium', scoringPrompt: '' },
  generationId: 'gen-1',
  cost: 0.02,
  createdAt: '2026-11-24T10:00:00.000Z',
}

let jobs = 0
function message(overrides: Partial<PlaceImageArgs> = {}, width = 1280, height = 720): PlaceImageArgs {
  return {
    taskId: `task-${++jobs}`,
    image: { bytes: encodePng(width, height), width, height },
    placement: 'new-layer',
    targetIds: [],
    name: 'A red fox',
    reveal: true,
    record,
    ...overrides,
  }
}

describe('placeAndRecordAsync', () => {
  it('with nothing selected: a new layer of the image’s pixel size, named, centred in view, selected, scrolled to, one undo step', async () => {
    const result = await placeAndRecordAsync(message())
    const node = fake.page.children[0]
    // Named in the reply as the layers panel shows it: the panel lists the image by it.
    expect(result).toEqual({ nodeIds: [node.id], placement: 'new-layer', name: 'A red fox' })
    expect(node).toMatchObject({ type: 'RECTANGLE', name: 'A red fox', width: 1280, height: 720, x: 1000 - 640, y: 500 - 360 })
    expect(node.fills).toEqual([{ type: 'IMAGE', imageHash: expect.any(String), scaleMode: 'FILL' }])
    expect(fake.images.get(node.fills[0].imageHash as string)?.width).toBe(1280)
    expect(fake.page.selection).toEqual([node])
    expect(fake.scrolledTo).toEqual([[node]])
    expect(fake.undoSteps()).toBe(1)
    // The record, with the hash of the image it went with (History tells a fill replaced by hand by it).
    expect(JSON.parse(node.getPluginData(RECORD_KEY))).toEqual({ ...record, imageHash: node.fills[0].imageHash })
  })

  it('a format of a set (joinStep) leaves its undo step open for the rest of the set; the history entry is in it', async () => {
    await placeAndRecordAsync(message({ joinStep: true }))
    expect(fake.undoSteps()).toBe(0)
    await placeAndRecordAsync(message({ joinStep: true }))
    fake.figma.commitUndo()
    expect(fake.undoSteps()).toBe(1)
    expect(fake.page.children).toHaveLength(2)
  })

  it('another placement while a set’s step is open (a kept image retried): its own step, never joined to the set’s', async () => {
    await placeAndRecordAsync(message({ joinStep: true, name: 'Story' }))
    await placeAndRecordAsync(message({ name: 'Retried' }))
    await placeAndRecordAsync(message({ joinStep: true, name: 'Banner' }))
    endUndoStep()
    expect(fake.undoSteps()).toBe(3)
    // One undo takes back the rest of the set, the next the retried image alone, the last the set's start.
    const names = () => fake.page.children.map((node) => node.name)
    fake.undo()
    expect(names()).toEqual(['Story', 'Retried'])
    fake.undo()
    expect(names()).toEqual(['Story'])
    fake.undo()
    expect(names()).toEqual([])
  })

  it('fills every selected layer that takes a fill, and keeps their size and the selection', async () => {
    const a = fake.addRectangle({ x: 0, y: 0, width: 300, height: 200 })
    const b = fake.addFrame({ x: 400, y: 0, width: 100, height: 100 })
    fake.select(a, b)
    const result = await placeAndRecordAsync(message({ placement: 'fill', targetIds: [a.id, b.id] }))
    expect(result).toMatchObject({ placement: 'fill', nodeIds: [a.id, b.id] })
    // On several layers: no one name for the panel to list it by.
    expect(result).not.toHaveProperty('name')
    for (const node of [a, b]) {
      expect(node.fills).toEqual([{ type: 'IMAGE', imageHash: expect.any(String), scaleMode: 'FILL' }])
      expect(node.getPluginData(RECORD_KEY)).toContain('A red fox')
    }
    expect([a.width, a.height]).toEqual([300, 200])
    expect(fake.page.children).toHaveLength(2)
    expect(fake.undoSteps()).toBe(1)
  })

  it('fills a layer showing its generated image again in that image’s place: the designer’s overlay and adjustments stay, and come back with Restore previous', async () => {
    const hero = fake.addRectangle({ name: 'Hero', x: 0, y: 0, width: 300, height: 200 })
    await placeAndRecordAsync(message({ placement: 'fill', targetIds: [hero.id] }))
    // The designer crops and darkens the image, hides it in the list by mistake, and lays a gradient over it for their headline.
    const first = hero.fills[0]
    const gradient = { type: 'GRADIENT_LINEAR', gradientTransform: [[1, 0, 0], [0, 1, 0]], gradientStops: [{ position: 0, color: { r: 0, g: 0, b: 0, a: 0.6 } }] }
    const theirs = [{ ...first, scaleMode: 'CROP', filters: { exposure: -0.3 }, visible: false }, gradient]
    hero.fills = theirs
    // Other pixels, another hash.
    await placeAndRecordAsync(message({ placement: 'fill', targetIds: [hero.id], record: { ...record, generationId: 'gen-2' } }, 1024, 576))
    const [image, over] = hero.fills
    expect(image).toEqual({ ...theirs[0], imageHash: expect.any(String), visible: true })
    expect(image.imageHash).not.toBe(first.imageHash)
    expect(over).toEqual(gradient)
    expect(hero.fills).toHaveLength(2)
    expect(JSON.parse(hero.getPluginData(RECORD_KEY))).toMatchObject({ generationId: 'gen-2', imageHash: image.imageHash })
    expect(restorePrevious(hero as unknown as SceneNode).record).not.toBeNull()
    expect(hero.fills).toEqual(theirs)
    // A layer that does not show a generated image (the designer's own, or one replaced by hand) takes the new image alone.
    const own = fake.addRectangle({ x: 400, y: 0, width: 300, height: 200 })
    own.fills = [gradient]
    await placeAndRecordAsync(message({ placement: 'fill', targetIds: [own.id] }))
    expect(own.fills).toEqual([{ type: 'IMAGE', imageHash: expect.any(String), scaleMode: 'FILL' }])
  })

  it('names a filled frame in its reply by the frame’s own name, which a fill keeps', async () => {
    const hero = fake.addFrame({ name: 'Hero', x: 0, y: 0, width: 300, height: 200 })
    expect(await placeAndRecordAsync(message({ placement: 'fill', targetIds: [hero.id] }))).toEqual({ nodeIds: [hero.id], placement: 'fill', name: 'Hero' })
  })

  it('fills every target or none: a record Figma refuses leaves each layer as it was, with no undo step', async () => {
    const a = fake.addRectangle({ x: 0, y: 0, width: 300, height: 200 })
    const b = fake.addRectangle({ x: 400, y: 0, width: 300, height: 200 })
    // b shows an image the plugin placed before: its record, its previous image and its buttons must stay.
    await placeAndRecordAsync(message({ placement: 'fill', targetIds: [b.id], record: { ...record, prompt: 'Before' } }))
    const state = (node: typeof a) => ({ fills: JSON.stringify(node.fills), record: node.getPluginData(RECORD_KEY), previous: node.getPluginData('riverflow-previous-fills'), buttons: node.getRelaunchData() })
    const before = [state(a), state(b)]
    const setPluginData = b.setPluginData.bind(b)
    b.setPluginData = (key, value) => {
      if (key === RECORD_KEY && value.includes('After')) throw new Error('in setPluginData: the entry is too large (the limit is about 100 kB)')
      setPluginData(key, value)
    }
    const steps = fake.undoSteps()
    await expect(placeAndRecordAsync(message({ placement: 'fill', targetIds: [a.id, b.id], record: { ...record, prompt: 'After' } }))).rejects.toThrow(/too large/)
    expect([state(a), state(b)]).toEqual(before)
    expect(fake.undoSteps()).toBe(steps)
  })

  it('puts a new layer beside the selection, tops aligned, past whatever is there', async () => {
    const frame = fake.addFrame({ x: 100, y: 50, width: 400, height: 300 })
    fake.addFrame({ x: 540, y: 50, width: 200, height: 200 })
    await placeAndRecordAsync(message({ targetIds: [frame.id] }, 640, 480))
    const node = fake.page.children.at(-1)!
    expect([node.x, node.y]).toEqual([540 + 200 + 40, 50])
  })

  it('lays a task’s images side by side', async () => {
    const first = message()
    await placeAndRecordAsync(first)
    await placeAndRecordAsync({ ...first })
    const [a, b] = fake.page.children
    expect(b.x).toBe(a.x + a.width + 40)
    expect(b.y).toBe(a.y)
    expect(fake.undoSteps()).toBe(2)
  })

  it('gives a refined frame its source’s canvas size, beside it', async () => {
    const source = fake.addFrame({ name: 'Card', x: 0, y: 0, width: 320, height: 200 })
    await placeAndRecordAsync(message({ targetIds: [source.id], size: { width: 320, height: 200 }, name: 'Card (refined)' }, 1280, 800))
    const node = fake.page.children.at(-1)!
    expect(node).toMatchObject({ width: 320, height: 200, x: 360, y: 0, name: 'Card (refined)' })
    expect(fake.images.get(node.fills[0].imageHash as string)).toMatchObject({ width: 1280, height: 800 })
  })

  it('refines a divider line (zero height) onto a layer of the image’s proportions, never an empty rectangle', async () => {
    const line = fake.addLine({ name: 'Divider', x: 0, y: 0, width: 300 })
    const result = await placeAndRecordAsync(message({ targetIds: [line.id], size: { width: 300, height: 0 }, name: 'Divider (refined)' }, 1200, 600))
    const node = fake.page.children.at(-1)!
    expect(result).toEqual({ nodeIds: [node.id], placement: 'new-layer', name: 'Divider (refined)' })
    expect(node).toMatchObject({ name: 'Divider (refined)', width: 300, height: 150 })
    expect(node.fills).toHaveLength(1)
    expect(fake.page.children).toHaveLength(2)
  })

  it('removes the new layer and reports the failure when anything fails after it was made: no orphan layers', async () => {
    const createRectangle = fake.figma.createRectangle
    fake.figma.createRectangle = () => {
      const node = createRectangle()
      node.setPluginData = () => {
        throw new Error('in setPluginData: something Figma refused')
      }
      return node
    }
    await expect(placeAndRecordAsync(message())).rejects.toThrow(/refused/)
    expect(fake.page.children).toHaveLength(0)
    expect(fake.undoSteps()).toBe(0)
  })

  it.each(['fill', 'new-layer'] as const)('places the image (%s) with a prompt too long for plugin data, its record shortened to fit', async (placement) => {
    const target = fake.addRectangle({ x: 0, y: 0, width: 300, height: 200 })
    const prompt = 'A red fox in the snow. '.repeat(10_000)
    const result = await placeAndRecordAsync(message({ placement, targetIds: [target.id], record: { ...record, prompt } }))
    const node = fake.page.children.find((n) => n.id === result.nodeIds[0])!
    expect(result.placement).toBe(placement)
    const written = JSON.parse(node.getPluginData(RECORD_KEY)) as GenerationRecord
    expect(written).toMatchObject({ promptTruncated: true, generationId: record.generationId })
    expect(prompt.startsWith(written.prompt)).toBe(true)
  })

  describe('after the designer switched pages while it generated', () => {
    it('puts the result on its target’s own page, beside it and past what is there, and does not reveal it on the wrong page', async () => {
      const frame = fake.addFrame({ x: 100, y: 50, width: 400, height: 300 })
      fake.addFrame({ x: 540, y: 50, width: 200, height: 200 })
      fake.select(frame)
      const second = fake.addPage('Page 2')
      await fake.figma.setCurrentPageAsync(second as unknown as PageNode)
      fake.addFrame({ x: 0, y: 0, width: 3000, height: 3000 })
      const result = await placeAndRecordAsync(message({ targetIds: [frame.id] }, 640, 480))
      const node = fake.page.children.at(-1)!
      expect(result.nodeIds).toEqual([node.id])
      expect(node.parent).toBe(fake.page)
      expect([node.x, node.y]).toEqual([540 + 200 + 40, 50])
      expect(second.children).toHaveLength(1)
      expect(second.selection).toEqual([])
      expect(fake.page.selection).toEqual([frame])
      expect(fake.scrolledTo).toEqual([])
      expect(fake.notifications.at(-1)?.message).toMatch(/Page 1/)
      expect(fake.undoSteps()).toBe(1)
    })

    it('with no target, puts it on the page in view when it arrives, centred in view, and reveals it', async () => {
      const second = fake.addPage('Page 2')
      await fake.figma.setCurrentPageAsync(second as unknown as PageNode)
      await placeAndRecordAsync(message())
      const node = second.children[0]
      expect(node).toMatchObject({ x: 1000 - 640, y: 500 - 360 })
      expect(fake.page.children).toEqual([])
      expect(second.selection).toEqual([node])
      expect(fake.scrolledTo).toEqual([[node]])
    })

    it('does not lay a task’s next image beside one on another page', async () => {
      const first = message()
      await placeAndRecordAsync(first)
      const second = fake.addPage('Page 2')
      await fake.figma.setCurrentPageAsync(second as unknown as PageNode)
      await placeAndRecordAsync({ ...first })
      expect(second.children[0]).toMatchObject({ x: 1000 - 640, y: 500 - 360 })
    })

    it('fills a target on another page where it is', async () => {
      const target = fake.addRectangle({ x: 0, y: 0, width: 300, height: 200 })
      const second = fake.addPage('Page 2')
      await fake.figma.setCurrentPageAsync(second as unknown as PageNode)
      const result = await placeAndRecordAsync(message({ placement: 'fill', targetIds: [target.id] }))
      expect(result).toEqual({ nodeIds: [target.id], placement: 'fill', name: target.name })
      expect(target.fills).toHaveLength(1)
      expect(second.children).toEqual([])
    })
  })

  it.each([
    ['deleted', (node: { remove: () => void }) => node.remove()],
    ['locked', (node: { locked: boolean }) => (node.locked = true)],
    // A divider line: its fill would hold the paid image where no one can see it.
    ['made a line with no height', (node: { height: number }) => (node.height = 0)],
  ])('puts the image on a new layer when the fill target was %s meanwhile, and says so', async (_name, change) => {
    const target = fake.addRectangle({ x: 0, y: 0, width: 100, height: 100 })
    change(target as never)
    const result = await placeAndRecordAsync(message({ placement: 'fill', targetIds: [target.id] }))
    expect(result).toMatchObject({ placement: 'new-layer' })
    expect(target.fills).toEqual([])
    expect(fake.notifications.at(-1)?.message).toMatch(/deleted, locked or has no area/)
  })

  it.each([
    ['over 4096 px', encodePng(5000, 10), /larger than 4096 px/],
    ['a WebP', new Uint8Array([...new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8X'), ...new Uint8Array(20)]), /not PNG, JPEG or GIF/],
    ['a GIF over 4096 px high', encodeGif(10, 5000), /larger than 4096 px/],
  ])('reports an image Figma refuses (%s) without touching the document', async (_name, bytes, text) => {
    await expect(placeAndRecordAsync(message({ image: { bytes, width: 5000, height: 10 } }))).rejects.toThrow(text)
    expect(fake.page.children).toHaveLength(0)
    expect(fake.undoSteps()).toBe(0)
  })

  it('does not move the selection in a batch (reveal off)', async () => {
    const frame = fake.addFrame({ x: 0, y: 0 })
    fake.select(frame)
    await placeAndRecordAsync(message({ targetIds: [frame.id], reveal: false }))
    expect(fake.page.selection).toEqual([frame])
    expect(fake.scrolledTo).toEqual([])
  })

  describe('a format’s new result in a frame whose earlier result the designer locked or hid', () => {
    const formatRecord: GenerationRecord = { ...record, format: { keyVisualId: '1:1', setId: 'set-1' } }
    const format = (frameId: string) => message({ placement: 'behind', targetIds: [frameId], name: 'Story · new', record: formatRecord }, 540, 960)

    it.each([
      ['locked', (node: { locked: boolean; visible: boolean }) => (node.locked = true)],
      ['hidden', (node: { locked: boolean; visible: boolean }) => (node.visible = false)],
    ])('goes above the %s one, where it is seen, under the designer’s layers, and leaves it as it was', async (_name, keep) => {
      const frame = fake.addFrame({ name: 'Story', x: 0, y: 0, width: 540, height: 960 })
      fake.addRectangle({ name: 'Background', width: 540, height: 960 }, frame)
      const earlier = fake.addRectangle({ name: 'Story · first', width: 540, height: 960 }, frame)
      earlier.setPluginData(RECORD_KEY, JSON.stringify(formatRecord))
      keep(earlier)
      fake.addText({ name: 'Headline', x: 40, y: 40, width: 400, height: 80 }, frame)
      // Made before the frame grew: it no longer covers it, so it is no background either.
      frame.resize(540, 1000)

      await placeAndRecordAsync(format(frame.id))
      expect(frame.children.map((child) => child.name)).toEqual(['Background', 'Story · first', 'Story · new', 'Headline'])
      expect(earlier).toMatchObject({ width: 540, height: 960 })
      expect(fake.undoSteps()).toBe(1)
    })

    it('goes above an earlier one the designer filled with their own photo, and leaves their layer as it was', async () => {
      const frame = fake.addFrame({ name: 'Story', x: 0, y: 0, width: 540, height: 960 })
      await placeAndRecordAsync(format(frame.id))
      const [earlier] = frame.children
      // The designer drops their own photo on the result with Figma's fill controls: the record stays on it.
      earlier.fills = [{ type: 'IMAGE', imageHash: fake.figma.createImage(encodePng(20, 20)).hash, scaleMode: 'FILL' }]
      const theirs = JSON.stringify(earlier.fills)
      frame.resize(540, 1000)

      await placeAndRecordAsync(format(frame.id))
      expect(frame.children).toHaveLength(2)
      expect(frame.children[1]).not.toBe(earlier)
      expect(JSON.stringify(earlier.fills)).toBe(theirs)
      expect(earlier).toMatchObject({ width: 540, height: 960 })
    })
  })
})
