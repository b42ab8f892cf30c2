import { beforeEach, describe, expect, it } from 'vitest'
import type { HistoryItem, RequestArgs, RequestType } from '../../common/messages'
import { RECORD_KEY } from '../../plugin/history/record'
import type { FakeFigma, FakeNode } from '../fake-figma'
import { recordWith } from '../fixtures/records'
import { encodePng } from '../images/png'
import { installFakeFigma, requestFrom, runPlugin } from './install-fake'

let fake: FakeFigma
beforeEach(() => {
  fake = installFakeFigma()
})

const run = (command: string) => runPlugin(fake, command)
const request = <K extends RequestType>(type: K, args: RequestArgs<K>) => requestFrom(fake, type, args)

const record = recordWith({ prompt: 'A red fox', generationId: 'gen-7' })

/** The designer's own layer with their own photo on it, and no record: the most common Generate target. */
async function designersPhoto(): Promise<{ layer: FakeNode; own: string }> {
  const layer = fake.addFrame({ name: 'Hero', width: 64, height: 64, content: 'photo' })
  const own = fake.figma.createImage(await layer.exportAsync()).hash
  layer.fills = [{ type: 'IMAGE', imageHash: own, scaleMode: 'FILL' }]
  return { layer, own }
}

describe('Restore previous on the designer’s own layer', () => {
  it('swaps the designer’s fill and the generated image both ways, keeps a button to swap back, and the history follows', async () => {
    const { layer, own } = await designersPhoto()
    run('')
    await request('place-image', { taskId: 't', image: { bytes: encodePng(32, 32), width: 32, height: 32 }, placement: 'fill', targetIds: [layer.id], name: 'A red fox', reveal: false, record })
    const generated = layer.fills[0].imageHash
    expect(generated).not.toBe(own)

    fake.select(layer)
    run('restore-previous')
    expect(layer.fills[0].imageHash).toBe(own)
    expect(layer.getPluginData(RECORD_KEY)).toBe('')
    expect(Object.keys(layer.getRelaunchData())).toEqual(['restore-previous'])

    // The history knows the image is kept on the layer, and Place again copies it, not the designer’s photo.
    run('')
    const history = (await request('load-history', {})) as { result: HistoryItem[] }
    expect(history.result).toMatchObject([{ layerIds: [layer.id], exists: true, swappedOut: true }])
    expect(await request('place-again', { layerId: layer.id, record: history.result[0].record })).toMatchObject({ ok: true })
    const copy = fake.page.children.at(-1)!
    expect(copy.fills[0].imageHash).toBe(generated)
    expect(JSON.parse(copy.getPluginData(RECORD_KEY))).toMatchObject({ prompt: 'A red fox', generationId: 'gen-7' })

    // Pressed again, the generated image and its record are back, with every button.
    fake.select(layer)
    run('restore-previous')
    expect(layer.fills[0].imageHash).toBe(generated)
    expect(JSON.parse(layer.getPluginData(RECORD_KEY))).toMatchObject({ prompt: 'A red fox' })
    expect(Object.keys(layer.getRelaunchData())).toEqual(['regenerate', 'more-like-this', 'edit-prompt', 'edit-an-area', 'erase-an-area', 'restore-previous'])
    // Said in the panel's word for them: variations.
    expect(layer.getRelaunchData()['more-like-this']).toBe('Variations of this image, beside it')
    run('')
    const after = (await request('load-history', {})) as { result: HistoryItem[] }
    expect(after.result[0]).toMatchObject({ exists: true })
    expect(after.result[0].swappedOut).toBeUndefined()
  })

  it('never hands a later image to an older entry: a layer regenerated over shows the newer one, the older is the swapped-out one', async () => {
    const { layer } = await designersPhoto()
    run('')
    const place = (prompt: string, side: number) =>
      request('place-image', { taskId: prompt, image: { bytes: encodePng(side, side), width: side, height: side }, placement: 'fill', targetIds: [layer.id], name: prompt, reveal: false, record: recordWith({ prompt, createdAt: `2026-11-26T10:00:0${side % 10}.000Z` }) })
    await place('First', 31)
    const first = layer.fills[0].imageHash
    await place('Second', 32)
    const history = (await request('load-history', {})) as { result: HistoryItem[] }
    expect(history.result.map((item) => [item.record.prompt, item.exists, item.swappedOut ?? false])).toEqual([['Second', true, false], ['First', true, true]])
    await request('place-again', { layerId: layer.id, record: history.result[1].record })
    expect(fake.page.children.at(-1)!.fills[0].imageHash).toBe(first)
  })
})

describe('Restore previous on a layer whose record is as large as plugin data takes', () => {
  it('still takes a new image, its old record kept shortened as the writer writes it, and swapped back', async () => {
    const { layer } = await designersPhoto()
    // Written by anyone who can edit the file: it fits under the record's key, not under the previous record's longer one.
    const base = JSON.stringify({ ...record, prompt: '' })
    const large = JSON.stringify({ ...record, prompt: 'p'.repeat(99_985 - base.length) })
    layer.setPluginData(RECORD_KEY, large)
    run('')
    const reply = await request('place-image', { taskId: 't', image: { bytes: encodePng(32, 32), width: 32, height: 32 }, placement: 'fill', targetIds: [layer.id], name: 'New', reveal: false, record: { ...record, prompt: 'New' } })
    expect(reply).toMatchObject({ ok: true })
    expect(JSON.parse(layer.getPluginData(RECORD_KEY))).toMatchObject({ prompt: 'New' })
    fake.select(layer)
    run('restore-previous')
    const back = JSON.parse(layer.getPluginData(RECORD_KEY)) as { prompt: string; promptTruncated?: boolean; generationId: string }
    expect(back).toMatchObject({ promptTruncated: true, generationId: 'gen-7' })
    expect(back.prompt.length).toBeGreaterThan(80_000)
  })

  // A file can give a layer fills whose description is over the plugin data limit (here 1,600 paints, about 115 kB).
  const tooManyFills = () => Array.from({ length: 1_600 }, (_, i) => ({ type: 'SOLID', color: { r: 1, g: i / 1_600, b: 0 }, opacity: 0.5 }))

  it('fills a layer whose own fills are too large to keep: the paid image is placed, with no Restore previous offered', async () => {
    const layer = fake.addFrame({ name: 'Stripes', width: 64, height: 64 })
    layer.fills = tooManyFills()
    run('')
    const reply = await request('place-image', { taskId: 't', image: { bytes: encodePng(32, 32), width: 32, height: 32 }, placement: 'fill', targetIds: [layer.id], name: 'New', reveal: false, record })
    expect(reply).toMatchObject({ ok: true })
    expect(layer.fills.map((paint) => paint.type)).toEqual(['IMAGE'])
    expect(Object.keys(layer.getRelaunchData())).not.toContain('restore-previous')
  })

  it('restores onto fills too large to keep: the previous image comes back, the plugin closes, and nothing is half-swapped', async () => {
    const { layer, own } = await designersPhoto()
    run('')
    await request('place-image', { taskId: 't', image: { bytes: encodePng(32, 32), width: 32, height: 32 }, placement: 'fill', targetIds: [layer.id], name: 'A red fox', reveal: false, record })
    layer.fills = tooManyFills()
    fake.select(layer)
    run('restore-previous')
    expect(fake.closed()).toBe(true)
    expect(layer.fills[0].imageHash).toBe(own)
    // What it showed could not be kept: nothing to swap back to, rather than an older image.
    expect(Object.keys(layer.getRelaunchData())).not.toContain('restore-previous')
  })
})
