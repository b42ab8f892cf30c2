import { beforeEach, describe, expect, it } from 'vitest'
import type { HistoryItem, RequestArgs, RequestType } from '../../../common/messages'
import { RECORD_KEY } from '../../../plugin/history/record'
import type { FakeFigma, FakeNode } from '../../fake-figma'
import { recordWith } from '../../fixtures/records'
import { encodePng } from '../../images/png'
import { installFakeFigma, requestFrom, runPlugin } from '../install-fake'

// A fill the designer changes by hand keeps the plugin's record on the layer (Figma clears no plugin
// data): the record's image hash tells History whether the layer still shows the generated image.

let fake: FakeFigma
beforeEach(() => {
  fake = installFakeFigma()
  runPlugin(fake, '')
})

const request = <K extends RequestType>(type: K, args: RequestArgs<K>) => requestFrom(fake, type, args)
const record = recordWith({ prompt: 'A red fox', generationId: 'gen-7' })

async function fillWithGeneration(layer: FakeNode, prompt = 'A red fox', minute = 0): Promise<void> {
  const made = { ...record, prompt, createdAt: `2026-11-24T10:0${minute}:00.000Z` }
  await request('place-image', { taskId: prompt, image: { bytes: encodePng(32, 32 + minute), width: 32, height: 32 + minute }, placement: 'fill', targetIds: [layer.id], name: prompt, reveal: false, record: made })
}

/** The designer drops their own photo on the layer with Figma's fill controls: the plugin is not told. */
function fillByHand(layer: FakeNode): string {
  const own = fake.figma.createImage(encodePng(20, 20)).hash
  layer.fills = [{ type: 'IMAGE', imageHash: own, scaleMode: 'FILL' }]
  return own
}

async function historyOf(prompt: string): Promise<HistoryItem> {
  const reply = (await request('load-history', {})) as { result: HistoryItem[] }
  return reply.result.find((item) => item.record.prompt === prompt)!
}

describe('History and a fill replaced by hand', () => {
  it('keeps the generated image’s hash with the record on the layer', async () => {
    const layer = fake.addFrame({ name: 'Hero', width: 64, height: 64 })
    await fillWithGeneration(layer)
    expect(JSON.parse(layer.getPluginData(RECORD_KEY))).toMatchObject({ imageHash: layer.fills[0].imageHash })
  })

  it('no longer counts a layer whose image the designer replaced: replaced on its layer, and Place again says it is gone', async () => {
    const layer = fake.addFrame({ name: 'Hero', width: 64, height: 64 })
    await fillWithGeneration(layer)
    fillByHand(layer)
    const item = await historyOf('A red fox')
    expect([item.exists, item.replaced]).toEqual([false, true])
    expect(await request('place-again', { layerId: layer.id, record: item.record })).toMatchObject({ ok: false, message: expect.stringMatching(/gone/) })
    expect(fake.page.children).toHaveLength(1)
  })

  it('counts the layer while any of its fills still shows the image, and Place again copies that one, not the designer’s', async () => {
    const layer = fake.addFrame({ name: 'Hero', width: 64, height: 64 })
    await fillWithGeneration(layer)
    const [generated] = layer.fills
    // The designer's photo added under the generated image, first in the list.
    const own = fillByHand(layer)
    layer.fills = [{ type: 'IMAGE', imageHash: own, scaleMode: 'FILL' }, generated]
    const item = await historyOf('A red fox')
    expect(item.exists).toBe(true)
    expect(await request('place-again', { layerId: layer.id, record: item.record })).toMatchObject({ ok: true })
    expect(fake.page.children.at(-1)!.fills[0].imageHash).toBe(generated.imageHash)
  })

  it('does not take a hand-placed fill, kept as the previous image of a later generation, for this one', async () => {
    const layer = fake.addFrame({ name: 'Hero', width: 64, height: 64 })
    await fillWithGeneration(layer, 'A red fox', 0)
    fillByHand(layer)
    // The next generation keeps the designer's photo as the layer's previous image, with the fox's record that was left on the layer.
    await fillWithGeneration(layer, 'A grey wolf', 1)
    const fox = await historyOf('A red fox')
    expect([fox.exists, fox.swappedOut, fox.replaced]).toEqual([false, undefined, true])
    expect((await historyOf('A grey wolf')).exists).toBe(true)
  })

  it('reads a record written before it kept the hash as before: the layer’s image fill is taken for the generation', async () => {
    const layer = fake.addFrame({ name: 'Hero', width: 64, height: 64 })
    await fillWithGeneration(layer)
    const { imageHash: _, ...older } = JSON.parse(layer.getPluginData(RECORD_KEY)) as Record<string, unknown>
    layer.setPluginData(RECORD_KEY, JSON.stringify(older))
    fillByHand(layer)
    expect((await historyOf('A red fox')).exists).toBe(true)
  })
})
