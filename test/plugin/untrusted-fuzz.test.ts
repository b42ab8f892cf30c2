import fc from 'fast-check'
import { beforeEach, describe, expect, it } from 'vitest'
import { propertyRuns } from '../support/property-runs'
import { readRecord } from '../../common/read/read-record'
import type { HistoryItem } from '../../common/messages'
import { addToHistory, readHistory } from '../../plugin/history/history'
import { RECORD_KEY } from '../../plugin/history/record'
import type { FakeFigma } from '../fake-figma'
import { damagedRecord, entry } from '../fixtures/hostile'
import { recordWith } from '../fixtures/records'
import { installFakeFigma, requestFrom, runPlugin, shownStartData } from './install-fake'

// Whatever a shared file holds was written by anyone with edit access: the
// sandbox's readers and the panel's must take it all without an uncaught error.
let fake: FakeFigma
beforeEach(() => {
  fake = installFakeFigma()
})

describe('untrusted document data, fuzzed', () => {
  it('history entries: no reader throws, each survivor is fully checked, and new entries are still recorded', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 6 }), fc.constantFrom('history-0', 'history-1', 'history-', 'history-01x'), async (entries, key) => {
        fake = installFakeFigma()
        const text = JSON.stringify(entries) ?? 'null'
        if (text.length < 95_000) fake.figma.root.setPluginData(key, text)
        runPlugin(fake, '')
        const reply = (await requestFrom(fake, 'load-history', {})) as { ok: boolean; result: HistoryItem[] }
        expect(reply.ok).toBe(true)
        for (const item of reply.result) expect(readRecord(item.record)).toEqual(item.record)
        addToHistory({ layerIds: ['1:2'], record: recordWith({ prompt: 'Still recording' }) })
        expect(readHistory()[0].record.prompt).toBe('Still recording')
        expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      }),
      { numRuns: propertyRuns(150) },
    )
  })

  it('layer records and relaunch data: the launch reads without an uncaught error, its record as plain JSON', async () => {
    await fc.assert(
      fc.asyncProperty(damagedRecord, fc.constantFrom('regenerate', 'more-like-this', 'edit-prompt', 'restore-previous'), async (record, command) => {
        fake = installFakeFigma()
        const layer = fake.addFrame({ name: 'Hero' })
        // What fits a plugin data entry: Figma itself refuses more.
        const text = (JSON.stringify(record) ?? '').slice(0, 90_000)
        layer.setPluginData(RECORD_KEY, text)
        layer.setPluginData('riverflow-previous-fills', (JSON.stringify([record]) ?? '').slice(0, 90_000))
        layer.setPluginData('riverflow-previous-record', text)
        fake.select(layer)
        runPlugin(fake, command)
        if (command === 'restore-previous') {
          expect(fake.closed()).toBe(true)
          return
        }
        const launch = (await shownStartData(fake)).launch!
        expect(launch.command).toBe(command)
        expect(launch.record === null || launch.problem === null).toBe(true)
      }),
      { numRuns: propertyRuns(150) },
    )
  })
})
