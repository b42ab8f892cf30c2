import { beforeEach, describe, expect, it } from 'vitest'
import type { GenerationRecord } from '../../../common/domain'
import { MAX_SCORING_PROMPT } from '../../../common/read/read-record'
import { HISTORY_LIMIT, addToHistory, readHistory } from '../../../plugin/history/history'
import type { HistoryItem, ReplyMessage, RequestArgs, RequestType } from '../../../common/messages'
import { startPlugin } from '../../../plugin/start-plugin'
import type { FakeFigma } from '../../fake-figma'
import { encodePng } from '../../images/png'
import { installFakeFigma } from '../install-fake'

const record = (prompt: string): GenerationRecord => ({
  prompt,
  settings: { model: 'sourceful/riverflow-v2-fast', aspectRatio: '1:1', imageSize: '1K', fontInputs: [], background: 'original', backgroundColor: '#FFFFFF', effort: 'medium', scoringPrompt: '' },
  generationId: null,
  cost: 0.02,
  createdAt: '2026-11-24T10:00:00.000Z',
})

let fake: FakeFigma
beforeEach(() => {
  fake = installFakeFigma()
})

let ids = 0
async function request<K extends RequestType>(type: K, args: RequestArgs<K>): Promise<ReplyMessage> {
  const requestId = `h${++ids}`
  await fake.sendFromUi({ ...args, type, requestId })
  return fake.uiMessages.find((m): m is ReplyMessage => (m as ReplyMessage).type === 'reply' && (m as ReplyMessage).requestId === requestId)!
}
const place = (prompt: string) =>
  request('place-image', { taskId: prompt, image: { bytes: encodePng(32, 32), width: 32, height: 32 }, placement: 'new-layer', targetIds: [], name: prompt, reveal: false, record: record(prompt) })

describe('the file’s history', () => {
  it('keeps each placed image in the document, newest first, and survives closing and reopening the plugin', async () => {
    startPlugin()
    await place('First')
    await place('Second')
    fake.page.children[0].remove()
    // Reopened on the same document: a new run of the sandbox.
    startPlugin()
    const reply = (await request('load-history', {})) as { result: HistoryItem[] }
    expect(reply.result.map((item) => [item.record.prompt, item.exists])).toEqual([['Second', true], ['First', false]])
    expect(JSON.stringify(fake.figma.root.getPluginDataKeys())).not.toMatch(/sk-or/)
  })

  it('tells an image replaced on its layer by later ones from one whose layer was deleted', async () => {
    startPlugin()
    const frame = fake.addFrame({ name: 'Hero', width: 64, height: 64 })
    const at = (minute: number, prompt: string) => ({ ...record(prompt), createdAt: `2026-11-24T10:0${minute}:00.000Z` })
    for (const [minute, prompt] of [[1, 'First'], [2, 'Second'], [3, 'Third']] as const) {
      await request('place-image', { taskId: prompt, image: { bytes: encodePng(32, 32), width: 32, height: 32 }, placement: 'fill', targetIds: [frame.id], name: prompt, reveal: false, record: at(minute, prompt) })
    }
    await place('Elsewhere')
    fake.page.children.find((node) => node.name === 'Elsewhere')!.remove()
    const reply = (await request('load-history', {})) as { result: HistoryItem[] }
    expect(reply.result.map((item) => [item.record.prompt, item.exists, item.replaced ?? false])).toEqual([
      ['Elsewhere', false, false],
      ['Third', true, false],
      ['Second', true, false],
      ['First', false, true],
    ])
  })

  it('counts an image Figma no longer has as gone, though its layer keeps it as the previous image: Place again would have nothing to copy', async () => {
    startPlugin()
    const frame = fake.addFrame({ name: 'Hero', width: 64, height: 64 })
    const at = (minute: number, prompt: string) => ({ ...record(prompt), createdAt: `2026-11-24T10:0${minute}:00.000Z` })
    for (const [minute, prompt, side] of [[1, 'First', 32], [2, 'Second', 16]] as const) {
      await request('place-image', { taskId: prompt, image: { bytes: encodePng(side, side), width: side, height: side }, placement: 'fill', targetIds: [frame.id], name: prompt, reveal: false, record: at(minute, prompt) })
    }
    const first = async () => ((await request('load-history', {})) as { result: HistoryItem[] }).result.find((item) => item.record.prompt === 'First')!
    expect([(await first()).exists, (await first()).swappedOut]).toEqual([true, true])
    // The file no longer uses the first image anywhere: Figma may drop it.
    const shown = frame.fills[0].imageHash
    const getImageByHash = fake.figma.getImageByHash.bind(fake.figma)
    fake.figma.getImageByHash = (hash: string) => (hash === shown ? getImageByHash(hash) : null)
    const gone = await first()
    expect([gone.exists, gone.swappedOut, gone.replaced]).toEqual([false, undefined, true])
    expect(await request('place-again', { layerId: frame.id, record: gone.record })).toMatchObject({ ok: false, message: expect.stringMatching(/gone/) })
  })

  it('finds an image that filled several layers on any of them: the first deleted or filled again is not the image gone', async () => {
    startPlugin()
    const [hero, card, tile] = ['Hero', 'Card', 'Tile'].map((name) => fake.addFrame({ name, width: 64, height: 64 }))
    await request('place-image', { taskId: 'all', image: { bytes: encodePng(32, 32), width: 32, height: 32 }, placement: 'fill', targetIds: [hero.id, card.id, tile.id], name: 'All', reveal: false, record: record('All') })
    const image = card.fills[0].imageHash
    hero.remove()
    // The second, filled again with a later image: the third still shows this one.
    await request('place-image', { taskId: 'later', image: { bytes: encodePng(16, 16), width: 16, height: 16 }, placement: 'fill', targetIds: [card.id], name: 'Later', reveal: false, record: { ...record('Later'), createdAt: '2026-11-24T11:00:00.000Z' } })
    const reply = (await request('load-history', {})) as { result: HistoryItem[] }
    const all = reply.result.find((item) => item.record.prompt === 'All')!
    expect([all.exists, all.replaced ?? false]).toEqual([true, false])
    // The layer that shows it comes first: its thumbnail, and Place again copies this image, not the later one.
    expect(all.layerIds[0]).toBe(tile.id)
    expect(await request('place-again', { layerId: all.layerIds[0], record: all.record })).toMatchObject({ ok: true })
    expect(fake.page.children.at(-1)!.fills[0].imageHash).toBe(image)
  })

  it('finds a set of formats while any of its images is still in its frame, whichever was deleted since', async () => {
    startPlugin()
    const frames = ['Story', 'Post'].map((name) => fake.addFrame({ name, width: 64, height: 64 }))
    const formatRecord = (minute: number) => ({ ...record('Campaign'), createdAt: `2026-11-24T10:0${minute}:00.000Z`, format: { keyVisualId: 'kv', setId: 'set-1' } })
    for (const [i, frame] of frames.entries()) {
      await request('place-image', { taskId: `f${i}`, image: { bytes: encodePng(32, 32), width: 32, height: 32 }, placement: 'behind', targetIds: [frame.id], name: frame.name, reveal: false, record: formatRecord(i + 1) })
    }
    const first = (await request('load-history', {})) as { result: HistoryItem[] }
    expect(first.result).toHaveLength(1)
    frames[0].kids[0].remove()
    const reply = (await request('load-history', {})) as { result: HistoryItem[] }
    expect(reply.result).toMatchObject([{ exists: true, frames: ['Post'] }])
    expect(reply.result[0].replaced).toBeUndefined()
  })

  it.each([
    ['a fill', 'fill' as const],
    ['a new layer', 'new-layer' as const],
  ])('writes the history entry within the placement’s undo step (%s), not as one of its own', async (_name, placement) => {
    startPlugin()
    const target = fake.addFrame({ name: 'Hero' })
    const order: string[] = []
    const root = fake.figma.root
    const setPluginData = root.setPluginData.bind(root)
    root.setPluginData = (key, value) => (order.push(`write ${key}`), setPluginData(key, value))
    const commitUndo = fake.figma.commitUndo.bind(fake.figma)
    fake.figma.commitUndo = () => (order.push('commit'), commitUndo())
    await request('place-image', { taskId: 'u', image: { bytes: encodePng(32, 32), width: 32, height: 32 }, placement, targetIds: [target.id], name: 'Undo', reveal: false, record: record('Undo') })
    // Every write of the history, then the one commit: all in the placement's undo step.
    expect(order.at(-1)).toBe('commit')
    expect(order.filter((step) => step === 'commit')).toHaveLength(1)
    expect(order).toContain('write history-0')
  })

  it('keeps the last 200, dropping the oldest, each part within the plugin data limit', () => {
    const long = 'A red fox in the snow. '.repeat(2000)
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) addToHistory({ layerIds: [`1:${i}`], record: record(`${i} ${long}`) })
    const history = readHistory()
    expect(history).toHaveLength(HISTORY_LIMIT)
    expect(history[0].record.prompt.startsWith(`${HISTORY_LIMIT + 4} `)).toBe(true)
    expect(history.at(-1)!.record.prompt.startsWith('5 ')).toBe(true)
    for (const key of fake.figma.root.getPluginDataKeys()) expect(new TextEncoder().encode(fake.figma.root.getPluginData(key)).length).toBeLessThan(100_000)
  })

  it('writes one list for a new image, not the whole history (two once the oldest go)', () => {
    const long = 'A red fox in the snow. '.repeat(500)
    for (let i = 0; i < HISTORY_LIMIT; i++) addToHistory({ layerIds: [`1:${i}`], record: record(`${i} ${long}`) })
    expect(fake.figma.root.getPluginDataKeys().filter((key) => key.startsWith('history-')).length).toBeGreaterThan(4)
    const root = fake.figma.root
    const writes: string[] = []
    const setPluginData = root.setPluginData.bind(root)
    root.setPluginData = (key, value) => (writes.push(key), setPluginData(key, value))
    addToHistory({ layerIds: ['1:new'], record: record(`new ${long}`) })
    expect(writes.length).toBeLessThanOrEqual(2)
    expect(readHistory()[0].record.prompt.startsWith('new ')).toBe(true)
    expect(readHistory()).toHaveLength(HISTORY_LIMIT)
    expect(readHistory().at(-1)!.record.prompt.startsWith('1 ')).toBe(true)
  })

  it('reads a history written newest first by an earlier version, and goes on from it', () => {
    const older = [record('Newer'), record('Older')].map((r, i) => ({ layerIds: [`1:${i}`], record: r }))
    fake.figma.root.setPluginData('history-0', JSON.stringify(older))
    expect(readHistory().map((e) => e.record.prompt)).toEqual(['Newer', 'Older'])
    addToHistory({ layerIds: ['1:9'], record: record('Newest') })
    expect(readHistory().map((e) => e.record.prompt)).toEqual(['Newest', 'Newer', 'Older'])
  })

  it('shortens a prompt too long for one entry, and keeps it', () => {
    addToHistory({ layerIds: ['1:1'], record: record('x'.repeat(300_000)) })
    expect(readHistory()[0].record).toMatchObject({ promptTruncated: true })
  })

  it('skips what is damaged, not the whole list', () => {
    addToHistory({ layerIds: ['1:1'], record: record('Kept') })
    const good = fake.figma.root.getPluginData('history-0')
    fake.figma.root.setPluginData('history-0', good.replace('[', '[{"layerIds": 5}, null, "x", '))
    fake.figma.root.setPluginData('history-1', '{broken')
    expect(readHistory().map((e) => e.record.prompt)).toEqual(['Kept'])
    addToHistory({ layerIds: ['1:2'], record: record('New') })
    expect(readHistory().map((e) => e.record.prompt)).toEqual(['New', 'Kept'])
    expect(fake.figma.root.getPluginData('history-1')).toBe('')
  })

  it('checks every field of what the document holds: a bad entry is skipped, never a crash, and never stops new entries', () => {
    const good = record('Kept')
    const { cost: _cost, ...noCost } = good
    const { fontInputs: _fonts, ...noFonts } = good.settings
    const bad = [
      { layerIds: ['1:1'], record: noCost },
      { layerIds: ['1:1'], record: { ...good, settings: { ...good.settings, aspectRatio: { toString: 1 } } } },
      // Over 4 KB with no font inputs: recordForPluginData threw on it at every later placement.
      { layerIds: ['1:1'], record: { ...good, prompt: 'x'.repeat(5_000), settings: noFonts } },
      { layerIds: ['1:1'], record: { ...good, cost: '0.02' } },
      { layerIds: ['1:1'], record: { ...good, createdAt: 'yesterday' } },
      { layerIds: [{}], record: good },
      { layerIds: ['1:1'], record: { ...good, generationId: 'g'.repeat(10_000) } },
    ]
    fake.figma.root.setPluginData('history-0', JSON.stringify([...bad, { layerIds: ['1:1'], record: good }]))
    expect(readHistory().map((e) => e.record.prompt)).toEqual(['Kept'])
    addToHistory({ layerIds: ['1:2'], record: record('New') })
    expect(readHistory().map((e) => e.record.prompt)).toEqual(['New', 'Kept'])
  })

  it('reads a long entry a file wrote shortened, as it would have been written: the panel is never sent megabytes', () => {
    const long = { ...record('y'.repeat(80_000)), settings: record('').settings }
    fake.figma.root.setPluginData('history-0', JSON.stringify([{ layerIds: ['1:1'], record: long }]))
    const [entry] = readHistory()
    expect(entry.record.promptTruncated).toBe(true)
    expect(JSON.stringify(entry.record).length).toBeLessThanOrEqual(4_000)
    expect(entry.record.prompt).toMatch(/^y+$/)
  })

  it.each([
    ['ends in a space', (list: string) => `${list} `],
    ['is laid out on lines', (list: string) => JSON.stringify(JSON.parse(list), null, 2)],
    ['is empty but for a space', () => '[ ]'],
  ])('goes on from a list that %s, as JSON allows: the file’s entries and the new one all kept', (_name, layout) => {
    addToHistory({ layerIds: ['1:1'], record: record('Theirs') })
    fake.figma.root.setPluginData('history-0', layout(fake.figma.root.getPluginData('history-0')))
    const theirs = readHistory().map((e) => e.record.prompt)
    addToHistory({ layerIds: ['1:2'], record: record('Mine 1') })
    addToHistory({ layerIds: ['1:3'], record: record('Mine 2') })
    expect(readHistory().map((e) => e.record.prompt)).toEqual(['Mine 2', 'Mine 1', ...theirs])
  })

  it('reads only history-<digits> as chunks, and clears stray keys that look like them', () => {
    fake.figma.root.setPluginData('history-', JSON.stringify([{ layerIds: ['1:9'], record: record('Stray') }]))
    fake.figma.root.setPluginData('history-01x', JSON.stringify([{ layerIds: ['1:9'], record: record('Stray too') }]))
    expect(readHistory()).toEqual([])
    addToHistory({ layerIds: ['1:2'], record: record('New') })
    expect(readHistory().map((e) => e.record.prompt)).toEqual(['New'])
    expect(fake.figma.root.getPluginDataKeys().filter((key) => key.startsWith('history'))).toEqual(['history-0'])
  })

  it('never stops taking new entries: past the largest number a list’s key may have, the lists are numbered again from 0', () => {
    const root = fake.figma.root
    const long = 'A red fox in the snow. '.repeat(150)
    const chunks = () => root.getPluginDataKeys().filter((key) => key.startsWith('history-'))
    for (let i = 0; chunks().length < 2; i++) addToHistory({ layerIds: [`1:${i}`], record: record(`${i} ${long}`) })
    // A file whose one list is full and has the largest number a key may have.
    root.setPluginData('history-999999', root.getPluginData('history-0'))
    for (const key of ['history-0', 'history-1']) root.setPluginData(key, '')
    const held = readHistory().length
    for (const prompt of ['New 1', 'New 2', 'New 3']) {
      addToHistory({ layerIds: ['1:new'], record: record(`${prompt} ${long}`) })
      expect(readHistory()[0].record.prompt).toBe(`${prompt} ${long}`)
    }
    expect(readHistory()).toHaveLength(held + 3)
    expect(chunks().sort()).toEqual(['history-0', 'history-1'])
  })

  it('caps a long Judge by text on write and on read, so no placement throws over the plugin data limit', async () => {
    startPlugin()
    const judged = { ...record('Judged'), settings: { ...record('Judged').settings, scoringPrompt: 'Sharp edges. '.repeat(10_000) } }
    const reply = await request('place-image', { taskId: 'j', image: { bytes: encodePng(32, 32), width: 32, height: 32 }, placement: 'new-layer', targetIds: [], name: 'Judged', reveal: false, record: judged })
    expect(reply).toMatchObject({ ok: true })
    const onLayer = JSON.parse(fake.page.children[0].getPluginData('riverflow')) as GenerationRecord
    expect(onLayer.settings.scoringPrompt.length).toBe(MAX_SCORING_PROMPT)
    expect(readHistory()[0].record.settings.scoringPrompt.length).toBeLessThanOrEqual(MAX_SCORING_PROMPT)
  })

  it('places an image again beside its layer, and says when the layer is gone', async () => {
    startPlugin()
    await place('Again')
    const [layer] = fake.page.children
    const reply = await request('place-again', { layerId: layer.id, record: record('Again') })
    expect(reply).toMatchObject({ ok: true, result: { placement: 'new-layer' } })
    const copy = fake.page.children[1]
    expect(copy.fills[0].imageHash).toBe(layer.fills[0].imageHash)
    expect(copy.x).toBeGreaterThanOrEqual(layer.x + layer.width)
    layer.remove()
    expect(await request('place-again', { layerId: layer.id, record: record('Again') })).toMatchObject({ ok: false, message: expect.stringMatching(/gone/) })
  })

  it('places again with the whole record kept on the layer, not the history’s shortened copy', async () => {
    startPlugin()
    const prompt = `A market stall, ${'lanterns and paper signs, '.repeat(400)}at dusk`
    await place(prompt)
    const [entry] = readHistory()
    expect(entry.record.prompt.length).toBeLessThan(prompt.length)
    expect(await request('place-again', { layerId: fake.page.children[0].id, record: entry.record })).toMatchObject({ ok: true })
    const copy = JSON.parse(fake.page.children[1].getPluginData('riverflow')) as GenerationRecord
    expect(copy.prompt).toBe(prompt)
    expect(copy.promptTruncated).toBeUndefined()
  })

  it('never takes the designer’s own group of images for an entry’s tiles: an entry read from the file may name any layer', async () => {
    startPlugin()
    const photos = await Promise.all([0, 100].map((x) => fake.addPhoto({ name: `Photo ${x}`, x, width: 100, height: 100 })))
    const group = fake.figma.group(photos as unknown as SceneNode[], fake.figma.currentPage)
    addToHistory({ layerIds: [group.id], record: record('Not theirs') })
    const history = (await request('load-history', {})) as { result: HistoryItem[] }
    expect(history.result.map((item) => item.exists)).toEqual([false])
    expect(await request('place-again', { layerId: group.id, record: record('Not theirs') })).toMatchObject({ ok: false, message: expect.stringMatching(/gone/) })
    expect(fake.page.children).toHaveLength(1)
  })

  it('finds a group of tiles in the history, and places it again beside it, tile for tile', async () => {
    startPlugin()
    // One tile a request, as the UI hands them over: Figma holds each image, then places the group.
    const held = (await request('create-image', { bytes: encodePng(2500, 20) })) as { result: { imageHash: string } }
    const tiles = [0, 2500].map((x) => ({ imageHash: held.result.imageHash, x, y: 0, width: 2500, height: 20 }))
    const image = { width: 5000, height: 20, tiles }
    await request('place-image', { taskId: 'wide', image, placement: 'new-layer', targetIds: [], name: 'Wide', reveal: false, record: record('Wide') })
    const [group] = fake.page.children
    const history = (await request('load-history', {})) as { result: HistoryItem[] }
    expect(history.result.map((item) => [item.layerIds, item.exists])).toEqual([[[group.id], true]])

    const reply = await request('place-again', { layerId: group.id, record: record('Wide') })
    expect(reply).toMatchObject({ ok: true, result: { placement: 'new-layer' } })
    const copy = fake.page.children[1]
    expect(copy).toMatchObject({ type: 'GROUP', name: 'Wide', width: 5000, height: 20 })
    expect(copy.x).toBeGreaterThanOrEqual(group.x + group.width)
    const layout = (g: typeof group) => g.kids.map((t) => [t.x - g.x, t.y - g.y, t.width, t.height, t.fills[0].imageHash])
    expect(layout(copy)).toEqual(layout(group))
    expect(JSON.parse(copy.getPluginData('riverflow'))).toMatchObject({ prompt: 'Wide' })

    group.remove()
    const after = (await request('load-history', {})) as { result: HistoryItem[] }
    expect(after.result[0].exists).toBe(false)
    expect(await request('place-again', { layerId: group.id, record: record('Wide') })).toMatchObject({ ok: false, message: expect.stringMatching(/gone/) })
  })
})
