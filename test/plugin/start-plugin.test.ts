import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { GenerationRecord, SavedState } from '../../common/domain'
import type { PluginToUiMessage, ReplyMessage, RequestArgs, RequestType } from '../../common/messages'
import { startPlugin } from '../../plugin/start-plugin'
import type { FakeFigma } from '../fake-figma'
import { encodePng } from '../images/png'
import { withStartData } from '../../plugin/storage/start-data'
import { installFakeFigma, shownStartData } from './install-fake'

const KEY = 'sk-or-v1-fake-key-for-the-sandbox-tests'
let fake: FakeFigma
beforeEach(() => {
  fake = installFakeFigma()
  startPlugin()
})

const posted = () => fake.uiMessages as PluginToUiMessage[]
let ids = 0
/** Sends a request as the UI does and returns the sandbox's reply to it. */
async function request<K extends RequestType>(type: K, args: RequestArgs<K>): Promise<ReplyMessage> {
  const requestId = `r${++ids}`
  await fake.sendFromUi({ ...args, type, requestId })
  const reply = posted().find((m): m is ReplyMessage => m.type === 'reply' && m.requestId === requestId)
  if (!reply) throw new Error(`No reply to ${type}`)
  return reply
}

const state: SavedState = {
  prompt: 'A red fox',
  settings: { model: 'sourceful/riverflow-v2-pro', aspectRatio: '4:5', imageSize: '2K', fontInputs: [], background: 'transparent', backgroundColor: '#FFFFFF', effort: 'high', scoringPrompt: '' },
  placement: 'new-layer',
  concurrency: 2,
  takes: 3,
  recentPrompts: ['A red fox'],
  keepFullResolution: true,
  formats: ['story'],
  spendLimit: 5,
}

describe('the sandbox', () => {
  it('opens the UI with Figma’s theme colours', async () => {
    await shownStartData(fake)
    expect(fake.shownWith?.options).toMatchObject({ themeColors: true, width: 360, height: 640 })
  })

  it('opens the UI with its start data in the HTML: no key on first run', async () => {
    expect(await shownStartData(fake)).toEqual({ key: null, state: null, catalog: null, selection: [], quickAction: null, launch: null })
  })

  it('stores the key in clientStorage only, and hands it back with the next start', async () => {
    expect(await request('save-key', { key: KEY })).toMatchObject({ ok: true })
    await request('save-state', { state })
    expect([...fake.storage.values()]).toContain(KEY)
    expect(await request('load-start', {})).toMatchObject({ ok: true, result: { key: KEY, state } })
    // The next run: the key, the state and the selection are in the page before the panel draws.
    const frame = fake.addFrame({ name: 'Hero' })
    fake.select(frame)
    startPlugin()
    await vi.waitFor(async () => expect(await shownStartData(fake)).toMatchObject({ key: KEY, state, selection: [{ id: frame.id, name: 'Hero' }] }))
  })

  it('keeps the model catalog with its time in clientStorage, and hands over none for a broken one', async () => {
    expect((await shownStartData(fake)).catalog).toBeNull()
    const catalog = { models: [{ id: 'sourceful/riverflow-v2-fast', name: 'Riverflow', pricing: {}, supportedParameters: [] }], fetchedAt: 1_800_000_000_000 }
    expect(await request('save-catalog', { catalog })).toMatchObject({ ok: true, result: null })
    expect(await request('load-start', {})).toMatchObject({ ok: true, result: { catalog } })
    fake.storage.set('model-catalog', { models: 'all of them', fetchedAt: 'today' })
    expect(await request('load-start', {})).toMatchObject({ ok: true, result: { catalog: null } })
  })

  it('escapes the start data so that no prompt can end its script early', () => {
    const data = { key: null, state: { prompt: '</script><script>alert(1)</script> $& \u2028' }, catalog: null, selection: [], quickAction: null, launch: null }
    const html = withStartData('<html><head><title>x</title></head><body></body></html>', data)
    expect(html.match(/<\/script>/g)).toHaveLength(1)
    const json = html.slice(html.indexOf('=') + 1, html.indexOf('</script>'))
    expect(JSON.parse(json)).toEqual(data)
    expect(html).toContain('</script><title>x</title>')
  })

  it('forgets the key', async () => {
    await request('save-key', { key: KEY })
    expect(await request('forget-key', {})).toMatchObject({ ok: true })
    expect([...fake.storage.values()]).not.toContain(KEY)
  })

  it('never writes the key into the document, and never posts it except in the start data', async () => {
    await request('save-key', { key: KEY })
    const frame = fake.addFrame()
    fake.select(frame)
    const record: GenerationRecord = { prompt: 'p', settings: state.settings, generationId: null, cost: null, createdAt: 'now' }
    for (const placement of ['fill', 'new-layer'] as const) {
      const reply = await request('place-image', { taskId: placement, image: { bytes: encodePng(64, 64), width: 64, height: 64 },
        placement, targetIds: [frame.id], name: 'p', reveal: true, record,
      })
      expect(reply).toMatchObject({ ok: true, result: { placement } })
    }
    const init = await request('load-start', {})
    for (const node of fake.allNodes()) {
      for (const key of node.getPluginDataKeys()) expect(node.getPluginData(key)).not.toContain(KEY)
      expect(node.name).not.toContain(KEY)
    }
    const carriers = posted().filter((m) => JSON.stringify(m).includes(KEY))
    expect(carriers).toEqual([init])
    expect(fake.notifications.some((n) => n.message.includes(KEY))).toBe(false)
  })

  it('tells the UI about selection changes, then sends a thumbnail of each layer', async () => {
    const frame = fake.addFrame({ name: 'Hero', width: 400, height: 200 })
    fake.select(frame)
    await vi.waitFor(() => expect(posted().find((m) => m.type === 'layer-thumbnail')).toMatchObject({ layerId: frame.id }))
    expect(posted()).toContainEqual({
      type: 'selection-changed',
      selection: [{ id: frame.id, name: 'Hero', type: 'FRAME', width: 400, height: 200, fillable: true, madeHere: false }],
    })
    expect(frame.exports.at(-1)).toMatchObject({ width: 96, height: 48 })
  })

  it('sends thumbnails for the first 50 selected layers only, and the whole selection', async () => {
    const frames = Array.from({ length: 60 }, (_, i) => fake.addFrame({ name: `Frame ${i}`, x: i * 120, width: 100, height: 100 }))
    fake.select(...frames)
    await vi.waitFor(() => expect(posted().filter((m) => m.type === 'layer-thumbnail')).toHaveLength(50))
    // 60 layers go as two runs of 25 ahead of the message that carries the last 10 (plugin/post-in-parts.ts).
    const selection = posted().flatMap((m) => (m.type === 'selection-part' ? m.layers : m.type === 'selection-changed' ? m.selection : []))
    expect(selection.map((layer) => layer.id)).toEqual(frames.map((f) => f.id))
    expect(posted().filter((m) => m.type === 'selection-part' || m.type === 'selection-changed').map((m) => m.type)).toEqual(['selection-part', 'selection-part', 'selection-changed'])
    const thumbnails = posted().flatMap((m) => (m.type === 'layer-thumbnail' ? [m.layerId] : []))
    expect(thumbnails).toEqual(frames.slice(0, 50).map((f) => f.id))
  })

  it('tells the UI the new page’s selection when the designer switches pages', async () => {
    const frame = fake.addFrame({ name: 'Hero' })
    fake.select(frame)
    await vi.waitFor(() => expect(posted().filter((m) => m.type === 'selection-changed').at(-1)).toMatchObject({ selection: [{ id: frame.id }] }))
    const second = fake.addPage('Page 2')
    await fake.figma.setCurrentPageAsync(second as unknown as PageNode)
    await vi.waitFor(() => expect(posted().filter((m) => m.type === 'selection-changed').at(-1)).toEqual({ type: 'selection-changed', selection: [] }))
  })

  it('holds a tile’s image for the UI and answers its hash, or says why Figma refused it, making no layer', async () => {
    const held = await request('create-image', { bytes: encodePng(2560, 2880) })
    expect(held).toMatchObject({ ok: true, result: { imageHash: expect.any(String) } })
    expect(fake.images.has((held as { result: { imageHash: string } }).result.imageHash)).toBe(true)
    expect(await request('create-image', { bytes: new Uint8Array([1, 2, 3]) })).toMatchObject({ ok: false, message: expect.stringMatching(/^Figma refused the image/) })
    expect(fake.page.children).toHaveLength(0)
  })

  it('exports a layer at the asked size for the UI to encode', async () => {
    const frame = fake.addFrame({ width: 300, height: 150 })
    const reply = await request('export-layer', { layerId: frame.id, constraint: { type: 'SCALE', value: 2 } })
    expect(reply).toMatchObject({ ok: true, result: { width: 600, height: 300 } })
  })

  it('reports an export of a deleted layer', async () => {
    const frame = fake.addFrame()
    frame.remove()
    const reply = await request('export-layer', { layerId: frame.id, constraint: { type: 'SCALE', value: 1 } })
    expect(reply).toMatchObject({ ok: false, message: expect.stringMatching(/deleted/) })
  })

  it('opens OpenRouter’s sign-in page in the designer’s browser', async () => {
    const url = 'https://openrouter.ai/auth?code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256'
    expect(await request('open-external', { url })).toMatchObject({ ok: true, result: null })
    expect(fake.openedUrls).toEqual([url])
  })

  it.each([
    'https://openrouter.ai.example.com/auth',
    'https://openrouter.ai@example.com/auth',
    'http://openrouter.ai/auth',
    'https://example.com/?next=https://openrouter.ai/',
    'javascript:alert(1)//https://openrouter.ai/',
    'https://openrouter.ai',
  ])('opens nothing but https://openrouter.ai/ pages: refuses %s', async (url) => {
    expect(await request('open-external', { url })).toMatchObject({ ok: false, message: 'The plugin opens only openrouter.ai pages in your browser.' })
    expect(fake.openedUrls).toEqual([])
  })

  it('answers a handler that throws with a plain failure, never silence or a stack trace', async () => {
    fake.figma.clientStorage.setAsync = () => Promise.reject(new TypeError('quota exceeded at Object.setAsync (storage.js:12)'))
    const reply = await request('save-state', { state })
    expect(reply).toEqual({ type: 'reply', requestId: expect.any(String), ok: false, message: expect.stringMatching(/could not be saved for next time/) })
    expect(JSON.stringify(reply)).not.toMatch(/TypeError|storage\.js/)
  })

  it('answers a request it does not know with a failure', async () => {
    await fake.sendFromUi({ type: 'no-such-request', requestId: 'x1' })
    expect(posted()).toContainEqual({ type: 'reply', requestId: 'x1', ok: false, message: expect.stringMatching(/reopen/) })
  })
})
