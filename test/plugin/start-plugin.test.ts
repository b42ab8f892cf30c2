import { beforeEach, describe, expect, it } from 'vitest'
import type { GenerationRecord, PluginToUiMessage, SavedState } from '../../plugin/messages'
import { startPlugin } from '../../plugin/start-plugin'
import type { FakeFigma } from '../fake-figma'
import { encodePng } from '../images/png'
import { installFakeFigma, settle } from './install-fake'

const KEY = 'sk-or-v1-fake-key-for-the-sandbox-tests'
let fake: FakeFigma
beforeEach(() => {
  fake = installFakeFigma()
  startPlugin()
})

const posted = () => fake.uiMessages as PluginToUiMessage[]
const state: SavedState = {
  prompt: 'A red fox',
  settings: { model: 'sourceful/riverflow-v2-pro', aspectRatio: '4:5', imageSize: '2K', fontInputs: [] },
  placement: 'new-layer',
}

describe('the sandbox', () => {
  it('opens the UI with Figma’s theme colours', () => {
    expect(fake.shownWith?.options).toMatchObject({ themeColors: true, width: 360 })
  })

  it('starts the UI with no key on first run', async () => {
    await fake.sendFromUi({ type: 'ui-ready' })
    expect(posted()[0]).toEqual({ type: 'init', key: null, state: null, selection: [] })
  })

  it('stores the key in clientStorage only, and hands it back on the next start', async () => {
    await fake.sendFromUi({ type: 'save-key', key: KEY })
    await fake.sendFromUi({ type: 'save-state', state })
    expect(posted()).toContainEqual({ type: 'key-saved' })
    expect([...fake.storage.values()]).toContain(KEY)
    await fake.sendFromUi({ type: 'ui-ready' })
    expect(posted().find((m) => m.type === 'init')).toMatchObject({ key: KEY, state })
  })

  it('forgets the key', async () => {
    await fake.sendFromUi({ type: 'save-key', key: KEY })
    await fake.sendFromUi({ type: 'forget-key' })
    expect([...fake.storage.values()]).not.toContain(KEY)
    expect(posted()).toContainEqual({ type: 'key-forgotten' })
  })

  it('never writes the key into the document, and never posts it except in init', async () => {
    await fake.sendFromUi({ type: 'save-key', key: KEY })
    const frame = fake.addFrame()
    fake.select(frame)
    await settle()
    const record: GenerationRecord = { prompt: 'p', settings: state.settings, generationId: null, cost: null, createdAt: 'now' }
    for (const placement of ['fill', 'new-layer'] as const) {
      await fake.sendFromUi({
        type: 'place-image', jobId: placement, index: 0, image: { bytes: encodePng(64, 64), width: 64, height: 64 },
        placement, targetIds: [frame.id], name: 'p', reveal: true, record,
      })
    }
    await fake.sendFromUi({ type: 'ui-ready' })
    await settle()
    for (const node of fake.allNodes()) {
      for (const key of node.getPluginDataKeys()) expect(node.getPluginData(key)).not.toContain(KEY)
      expect(node.name).not.toContain(KEY)
    }
    const carriers = posted().filter((m) => JSON.stringify(m).includes(KEY))
    expect(carriers.map((m) => m.type)).toEqual(['init'])
    expect(fake.notifications.some((n) => n.message.includes(KEY))).toBe(false)
  })

  it('tells the UI about selection changes, then sends a thumbnail of each layer', async () => {
    const frame = fake.addFrame({ name: 'Hero', width: 400, height: 200 })
    fake.select(frame)
    await settle(20)
    expect(posted()).toContainEqual({
      type: 'selection-changed',
      selection: [{ id: frame.id, name: 'Hero', type: 'FRAME', width: 400, height: 200, fillable: true }],
    })
    const thumbnail = posted().find((m) => m.type === 'layer-thumbnail')
    expect(thumbnail).toMatchObject({ layerId: frame.id })
    expect(frame.exports.at(-1)).toMatchObject({ width: 96, height: 48 })
  })

  it('exports a layer at the asked size for the UI to encode', async () => {
    const frame = fake.addFrame({ width: 300, height: 150 })
    await fake.sendFromUi({ type: 'export-layer', requestId: 'r1', layerId: frame.id, constraint: { type: 'SCALE', value: 2 } })
    const exported = posted().find((m) => m.type === 'layer-exported')
    expect(exported).toMatchObject({ requestId: 'r1', layerId: frame.id, image: { width: 600, height: 300 } })
  })

  it('reports an export of a deleted layer', async () => {
    const frame = fake.addFrame()
    frame.remove()
    await fake.sendFromUi({ type: 'export-layer', requestId: 'r2', layerId: frame.id, constraint: { type: 'SCALE', value: 1 } })
    expect(posted().find((m) => m.type === 'export-failed')).toMatchObject({ requestId: 'r2', message: expect.stringMatching(/deleted/) })
  })

  it('shows a notification the UI asks for', async () => {
    await fake.sendFromUi({ type: 'notify', text: 'Done', error: false })
    expect(fake.notifications).toEqual([{ message: 'Done', options: { error: false } }])
  })
})
