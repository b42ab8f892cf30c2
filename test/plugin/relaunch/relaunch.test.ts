import { beforeEach, describe, expect, it } from 'vitest'
import type { GenerationRecord } from '../../../common/domain'
import type { PlaceImageArgs, ReplyMessage, StartData } from '../../../common/messages'
import { placeAndRecordAsync } from '../../../plugin/history/history-requests'
import { RECORD_KEY } from '../../../plugin/history/record'
import { startPlugin } from '../../../plugin/start-plugin'
import type { FakeFigma, FakeNode } from '../../fake-figma'
import { encodePng } from '../../images/png'
import { installFakeFigma, runPlugin, shownStartData } from '../install-fake'

const record: GenerationRecord = {
  prompt: 'A red fox',
  settings: { model: 'sourceful/riverflow-v2-pro', aspectRatio: '4:5', imageSize: '2K', fontInputs: [], background: 'original', backgroundColor: '#FFFFFF', effort: 'medium', scoringPrompt: '' },
  generationId: 'gen-1',
  cost: 0.15,
  createdAt: '2026-11-24T10:00:00.000Z',
}
const place = (overrides: Partial<PlaceImageArgs>, side = 64): PlaceImageArgs => ({
  taskId: 't', image: { bytes: encodePng(side, side), width: side, height: side }, placement: 'new-layer', targetIds: [], name: 'A red fox', reveal: false, record, ...overrides,
})

let fake: FakeFigma
beforeEach(() => {
  fake = installFakeFigma()
})

const run = (command: string) => runPlugin(fake, command)

/** The start data the UI was opened with, for a run as `command`. */
async function initWith(command: string): Promise<StartData> {
  run(command)
  return shownStartData(fake)
}

describe('relaunch buttons on placed images', () => {
  it('gives every placed image Regenerate, More like this, Edit prompt, Edit area and Erase area, and Restore previous once it has a previous image', async () => {
    const { nodeIds } = await placeAndRecordAsync(place({}))
    const node = fake.allNodes().find((n) => n.id === nodeIds[0])!
    expect(Object.keys(node.getRelaunchData())).toEqual(['regenerate', 'more-like-this', 'edit-prompt', 'edit-an-area', 'erase-an-area'])
    const first = node.fills[0].imageHash
    await placeAndRecordAsync(place({ placement: 'fill', targetIds: [node.id] }, 32))
    expect(node.fills[0].imageHash).not.toBe(first)
    expect(Object.keys(node.getRelaunchData())).toContain('restore-previous')
  })
})

describe('Restore previous', () => {
  async function regenerated(): Promise<{ node: FakeNode; first: unknown; second: unknown }> {
    const { nodeIds } = await placeAndRecordAsync(place({}))
    const node = fake.allNodes().find((n) => n.id === nodeIds[0])!
    const first = node.fills[0].imageHash
    await placeAndRecordAsync(place({ placement: 'fill', targetIds: [node.id], record: { ...record, prompt: 'A blue fox' } }, 32))
    return { node, first, second: node.fills[0].imageHash }
  }

  it('offers no Regenerate on an image made from other images, which its record cannot remake', async () => {
    const { nodeIds } = await placeAndRecordAsync(place({ record: { ...record, fromImages: true } }))
    const node = fake.allNodes().find((n) => n.id === nodeIds[0])!
    expect(Object.keys(node.getRelaunchData())).toEqual(['more-like-this', 'edit-prompt', 'edit-an-area', 'erase-an-area'])
  })

  it('puts the previous image and its record back in one undo step, in the sandbox alone, then closes with a word', async () => {
    const { node, first, second } = await regenerated()
    fake.select(node)
    const steps = fake.undoSteps()
    run('restore-previous')
    expect(node.fills[0].imageHash).toBe(first)
    expect(JSON.parse(node.getPluginData(RECORD_KEY)).prompt).toBe('A red fox')
    expect(fake.undoSteps()).toBe(steps + 1)
    expect(fake.closed()).toBe(true)
    expect(fake.shownWith).toBeNull()
    expect(fake.notifications.at(-1)?.message).toMatch(/Restored/)
    // Restoring again brings the newer image back.
    startPlugin()
    expect(node.fills[0].imageHash).toBe(second)
  })

  it.each([
    ['nothing selected', () => undefined, /Select the layer/],
    ['a layer with no previous image', () => fake.addFrame({ name: 'Hero' }), /no previous image/],
    ['damaged data', () => {
      const frame = fake.addFrame({ name: 'Hero' })
      frame.setPluginData('riverflow-previous-fills', '{not json')
      return frame
    }, /no previous image/],
    ['a locked layer', () => fake.addFrame({ name: 'Hero', locked: true }), /locked/],
  ])('says what is wrong with %s, and touches nothing', async (_name, make, message) => {
    const node = make()
    if (node) fake.select(node)
    run('restore-previous')
    expect(fake.notifications.at(-1)?.message).toMatch(message)
    expect(fake.undoSteps()).toBe(0)
  })
})

describe('the launch the UI runs', () => {
  it('hands the layer and its record over with the HTML only, never to a later load-start', async () => {
    const { nodeIds } = await placeAndRecordAsync(place({}))
    fake.select(fake.allNodes().find((n) => n.id === nodeIds[0])!)
    const init = await initWith('regenerate')
    expect(init.launch).toMatchObject({ command: 'regenerate', layer: { id: nodeIds[0], madeHere: true }, record, problem: null })
    await fake.sendFromUi({ type: 'load-start', requestId: 'i2' })
    const second = fake.uiMessages.find((m) => (m as ReplyMessage).type === 'reply' && (m as ReplyMessage).requestId === 'i2') as { result: StartData }
    expect(second.result).toMatchObject({ launch: null, quickAction: null, selection: [{ id: nodeIds[0] }] })
  })

  it('is null for a plain run', async () => {
    expect((await initWith('')).launch).toBeNull()
  })

  it.each([
    ['nothing selected', () => undefined, /deleted/],
    ['no record', () => fake.addFrame({ name: 'Hero' }), /no Riverflow prompt/],
    ['a damaged record', () => {
      const frame = fake.addFrame({ name: 'Hero' })
      frame.setPluginData(RECORD_KEY, '{"prompt": "A red')
      return frame
    }, /could not be read/],
    ['a locked layer', () => {
      const frame = fake.addFrame({ name: 'Hero', locked: true })
      frame.setPluginData(RECORD_KEY, JSON.stringify(record))
      return frame
    }, /locked/],
  ])('says what stops Regenerate on %s', async (_name, make, problem) => {
    const node = make()
    if (node) fake.select(node)
    const init = await initWith('regenerate')
    expect(init.launch?.problem).toMatch(problem)
  })

  it.each(['edit-an-area', 'erase-an-area'])('hands %s with nothing selected to the panel as a selection to make, not as a layer deleted', async (command) => {
    const init = await initWith(command)
    // The panel says what to select (plan-launch.ts): these buttons work on the selection, not on a record.
    expect(init.launch).toEqual({ command, layer: null, record: null, problem: null, selection: [] })
  })
})

describe('a relaunch on an Expand result', () => {
  /** A banner frame with a square shot in its middle and the expansion behind it, as Expand leaves them. */
  async function expanded(): Promise<{ frame: FakeNode; shot: FakeNode; result: FakeNode }> {
    const frame = fake.addFrame({ name: 'Banner', x: 0, y: 0, width: 1200, height: 628 })
    const shot = fake.addRectangle({ name: 'Shot', x: 286, y: 0, width: 628, height: 628 }, frame)
    shot.fills = [{ type: 'IMAGE', imageHash: fake.figma.createImage(encodePng(64, 64)).hash, scaleMode: 'FILL' }]
    const placed = await placeAndRecordAsync(place({ placement: 'behind', targetIds: [frame.id], name: 'Banner · expanded', record: { ...record, expand: { imageId: shot.id } } }))
    return { frame, shot, result: fake.allNodes().find((n) => n.id === placed.nodeIds[0])! }
  }

  it('hands over the frame and the image it continues, where the image is now', async () => {
    const { frame, shot, result } = await expanded()
    shot.x = 300
    fake.select(result)
    const init = await initWith('regenerate')
    expect(init.launch?.expand).toEqual({ frame: expect.objectContaining({ id: frame.id, width: 1200, height: 628 }), source: { imageId: shot.id, imageName: 'Shot', x: 300, y: 0, width: 628, height: 628 } })
  })

  it('hands over no frame when the image has left it: the UI then sends nothing', async () => {
    const { shot, result } = await expanded()
    fake.page.appendChild(shot)
    fake.select(result)
    expect((await initWith('regenerate')).launch?.expand).toBeUndefined()
  })
})

describe('opening the panel, whatever Figma or the file gives it', () => {
  it('opens with the launch as read when Figma will not look up the key visual a format’s record names', async () => {
    const { nodeIds } = await placeAndRecordAsync(place({ record: { ...record, format: { keyVisualId: 'not an id', setId: 'set-1' } } }))
    fake.select(fake.allNodes().find((n) => n.id === nodeIds[0])!)
    const lookUp = fake.figma.getNodeByIdAsync.bind(fake.figma)
    fake.figma.getNodeByIdAsync = (async (id: string) => (id === 'not an id' ? Promise.reject(new Error('Invalid node id')) : lookUp(id))) as typeof fake.figma.getNodeByIdAsync
    const data = await initWith('regenerate')
    expect(data.launch).toMatchObject({ command: 'regenerate', layer: { id: nodeIds[0] } })
    expect(data.launch?.format).toBeUndefined()
  })

  it('closes with a word, never left running with no panel, when what it keeps on this computer cannot be read', async () => {
    fake.figma.clientStorage.getAsync = () => Promise.reject(new Error('storage unavailable'))
    run('')
    await expect.poll(() => fake.closed()).toBe(true)
    expect(fake.notifications.at(-1)?.message).toMatch(/^Riverflow could not open: .* Run it again\.$/)
  })
})
