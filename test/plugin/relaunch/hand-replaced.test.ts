import { beforeEach, describe, expect, it } from 'vitest'
import type { PlaceImageArgs, StartData } from '../../../common/messages'
import { placeAndRecordAsync } from '../../../plugin/history/history-requests'
import { RECORD_KEY } from '../../../plugin/history/record'
import type { FakeFigma, FakeNode } from '../../fake-figma'
import { recordWith } from '../../fixtures/records'
import { encodePng } from '../../images/png'
import { installFakeFigma, runPlugin, shownStartData } from '../install-fake'

// Figma keeps a layer's record and relaunch buttons when the designer replaces its fill by hand:
// the record's image hash tells the plugin the layer is the designer's now, not the generation.

const record = recordWith({ prompt: 'A red fox', generationId: 'gen-1' })
const place = (overrides: Partial<PlaceImageArgs> = {}): PlaceImageArgs => ({
  taskId: 't', image: { bytes: encodePng(64, 64), width: 64, height: 64 }, placement: 'new-layer', targetIds: [], name: 'A red fox', reveal: false, record, ...overrides,
})

let fake: FakeFigma
beforeEach(() => {
  fake = installFakeFigma()
})

const nodeOf = (id: string) => fake.allNodes().find((n) => n.id === id)!
const buttonsOf = (node: FakeNode) => Object.keys(node.getRelaunchData())

async function placed(overrides: Partial<PlaceImageArgs> = {}): Promise<FakeNode> {
  const { nodeIds } = await placeAndRecordAsync(place(overrides))
  return nodeOf(nodeIds[0])
}

/** The designer drops their own photo on the layer with Figma's fill controls: the plugin is not told. */
function fillByHand(layer: FakeNode, side = 20): void {
  layer.fills = [{ type: 'IMAGE', imageHash: fake.figma.createImage(encodePng(side, side)).hash, scaleMode: 'FILL' }]
}

async function launchOf(command: string): Promise<StartData['launch']> {
  runPlugin(fake, command)
  return (await shownStartData(fake)).launch
}

describe('a relaunch button pressed on a layer whose image the designer replaced by hand', () => {
  it.each(['regenerate', 'more-like-this', 'edit-prompt'])('%s hands the panel no record, says why, and takes the buttons left from that image off, in one undo step', async (command) => {
    const node = await placed()
    fillByHand(node)
    const fills = JSON.stringify(node.fills)
    fake.select(node)
    const steps = fake.undoSteps()
    const launch = await launchOf(command)
    expect(launch).toMatchObject({ command, layer: { id: node.id, madeHere: false }, record: null, problem: expect.stringMatching(/^“A red fox” no longer shows the image Riverflow made \(its fill was changed by hand\), so nothing was sent/) })
    expect(launch?.problem).toMatch(/History/)
    expect(buttonsOf(node)).toEqual([])
    expect(fake.undoSteps()).toBe(steps + 1)
    // The designer's layer is as they left it: their photo, and the record (History still reads it).
    expect(JSON.stringify(node.fills)).toBe(fills)
    expect(JSON.parse(node.getPluginData(RECORD_KEY))).toMatchObject({ prompt: 'A red fox' })
  })

  it('keeps Restore previous on a layer that has a previous image', async () => {
    const node = await placed()
    await placeAndRecordAsync(place({ placement: 'fill', targetIds: [node.id], record: { ...record, prompt: 'A blue fox' } }))
    fillByHand(node)
    fake.select(node)
    expect((await launchOf('regenerate'))?.problem).toMatch(/changed by hand/)
    expect(buttonsOf(node)).toEqual(['restore-previous'])
  })

  it('Erase area pressed with a shape drawn over it: said too, and the buttons taken off', async () => {
    const node = await placed()
    fillByHand(node)
    fake.select(node, fake.addEllipse({ name: 'Cup', x: 10, y: 10, width: 20, height: 20 }))
    expect(await launchOf('erase-an-area')).toMatchObject({ command: 'erase-an-area', record: null, problem: expect.stringMatching(/changed by hand/) })
    expect(buttonsOf(node)).toEqual([])
  })

  it('on an edit whose answer the designer filled by hand: said, and the group’s buttons taken off', async () => {
    const generated = fake.figma.createImage(encodePng(16, 16)).hash
    const mask = Object.assign(fake.addRectangle({ name: 'Area' }), { isMask: true })
    const answer = fake.addRectangle({ name: 'Answer' })
    answer.fills = [{ type: 'IMAGE', imageHash: generated, scaleMode: 'FILL' }]
    const group = fake.addGroup([mask, answer])
    group.setPluginData(RECORD_KEY, JSON.stringify({ ...record, area: { imageId: 'photo', erase: false }, imageHash: generated }))
    group.setRelaunchData({ regenerate: '', 'more-like-this': '', 'edit-prompt': '' })
    fillByHand(answer)
    fake.select(group)
    expect((await launchOf('regenerate'))?.problem).toMatch(/changed by hand/)
    expect(buttonsOf(group)).toEqual([])
  })

  it('opens the panel all the same when Figma refuses to take the buttons off, saying only what is true', async () => {
    const node = await placed()
    fillByHand(node)
    node.setRelaunchData = () => {
      throw new Error('Cannot set relaunch data on a node inside an instance')
    }
    fake.select(node)
    const launch = await launchOf('regenerate')
    expect(launch).toMatchObject({ record: null, problem: expect.stringMatching(/changed by hand\), so nothing was sent\. To change it/) })
  })

  it('reads a record from before the hash was kept as before: the launch as always, the buttons left alone', async () => {
    const node = await placed()
    const { imageHash: _, ...older } = JSON.parse(node.getPluginData(RECORD_KEY)) as Record<string, unknown>
    node.setPluginData(RECORD_KEY, JSON.stringify(older))
    fillByHand(node)
    fake.select(node)
    const steps = fake.undoSteps()
    expect(await launchOf('regenerate')).toMatchObject({ record: { prompt: 'A red fox' }, problem: null })
    expect(buttonsOf(node)).toContain('regenerate')
    expect(fake.undoSteps()).toBe(steps)
  })

  it('leaves a layer that still shows its image alone: the launch as always', async () => {
    const node = await placed()
    fake.select(node)
    expect(await launchOf('regenerate')).toMatchObject({ layer: { madeHere: true }, record: { prompt: 'A red fox' }, problem: null })
  })
})

describe('Restore previous back to the designer’s photo', () => {
  it('sets no button of the generation on it: only the swap', async () => {
    // The designer's frame with their photo, filled with a generation, which they replace by hand with another photo.
    const frame = fake.addFrame({ name: 'Hero', width: 64, height: 64 })
    fillByHand(frame, 24)
    await placeAndRecordAsync(place({ placement: 'fill', targetIds: [frame.id] }))
    fillByHand(frame, 28)
    const handPlaced = JSON.stringify(frame.fills)
    fake.select(frame)
    runPlugin(fake, 'restore-previous')
    expect(buttonsOf(frame)).toEqual(['restore-previous'])
    // Swapped back: the photo they put there by hand, with the record Figma left beside it.
    runPlugin(fake, 'restore-previous')
    expect(JSON.stringify(frame.fills)).toBe(handPlaced)
    expect(buttonsOf(frame)).toEqual(['restore-previous'])
  })
})
