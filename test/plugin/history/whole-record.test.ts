import { beforeEach, describe, expect, it } from 'vitest'
import type { GenerationRecord } from '../../../common/domain'
import type { HistoryItem, RequestArgs, RequestType } from '../../../common/messages'
import { RECORD_KEY } from '../../../plugin/history/record'
import type { FakeFigma } from '../../fake-figma'
import { recordWith } from '../../fixtures/records'
import { encodePng } from '../../images/png'
import { installFakeFigma, requestFrom, runPlugin } from '../install-fake'

// Reuse: History keeps a long prompt shortened (each entry within a few kB), the layer keeps it whole.

let fake: FakeFigma
beforeEach(() => {
  fake = installFakeFigma()
  runPlugin(fake, '')
})

const request = <K extends RequestType>(type: K, args: RequestArgs<K>) => requestFrom(fake, type, args)
const prompt = `A market stall, ${'lanterns and paper signs, '.repeat(400)}at dusk`

async function placedEntry(): Promise<HistoryItem> {
  const record = recordWith({ prompt, settings: { aspectRatio: '4:5', fontInputs: [{ fontUrl: 'https://fonts.gstatic.com/s/a.ttf', text: 'Open late' }] } })
  await request('place-image', { taskId: 't', image: { bytes: encodePng(32, 32), width: 32, height: 32 }, placement: 'new-layer', targetIds: [], name: 'Stall', reveal: false, record })
  const reply = (await request('load-history', {})) as { result: HistoryItem[] }
  return reply.result[0]
}

describe('the whole record for Reuse', () => {
  it('answers the whole prompt kept on the image’s layer for History’s shortened entry, with the settings it was made with', async () => {
    const item = await placedEntry()
    expect(item.record).toMatchObject({ promptTruncated: true })
    expect(item.record.prompt.length).toBeLessThan(prompt.length)
    const reply = (await request('whole-record', { layerIds: item.layerIds, record: item.record })) as { ok: true; result: GenerationRecord }
    expect(reply.result.prompt).toBe(prompt)
    expect(reply.result.promptTruncated).toBeUndefined()
    expect(reply.result.settings).toMatchObject({ aspectRatio: '4:5', fontInputs: [{ text: 'Open late' }] })
  })

  it('says so when the layer was deleted meanwhile, and what to do', async () => {
    const item = await placedEntry()
    fake.page.children[0].remove()
    expect(await request('whole-record', { layerIds: item.layerIds, record: item.record })).toMatchObject({ ok: false, message: expect.stringMatching(/deleted.*undo/i) })
  })

  it('checks the layer’s record as all document data is: a damaged one is refused, never sent to the panel', async () => {
    const item = await placedEntry()
    const layer = fake.page.children[0]
    const damaged = { ...(JSON.parse(layer.getPluginData(RECORD_KEY)) as GenerationRecord), settings: 'junk' }
    layer.setPluginData(RECORD_KEY, JSON.stringify(damaged))
    expect(await request('whole-record', { layerIds: item.layerIds, record: item.record })).toMatchObject({ ok: false, message: expect.stringMatching(/could not be read/) })
  })
})
