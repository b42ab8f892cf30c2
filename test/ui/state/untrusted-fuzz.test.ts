import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readRecord } from '../../../common/read/read-record'
import type { Launch } from '../../../common/messages'
import { planLaunch } from '../../../ui/generation/plan/launch/plan-launch'
import { BUILT_IN_MODELS } from '../../../ui/models'
import { formatUsd } from '../../../ui/pricing'
import { readSavedState } from '../../../ui/state/read-saved-state'
import { damagedRecord, hostile } from '../../fixtures/hostile'
import { frameWith } from '../../fixtures/records'
import { areaAt } from '../../fixtures/area'

// The panel's readers of what a shared file holds: a relaunch's record, a
// history entry, the saved state. None may throw, whatever they are given.
const current = readSavedState(null, BUILT_IN_MODELS).state

describe('the panel’s readers, fuzzed with hostile records', () => {
  it('a relaunch plans, or says why not, and never throws', () => {
    fc.assert(
      fc.property(damagedRecord, fc.constantFrom<Launch['command']>('regenerate', 'more-like-this', 'edit-prompt', 'edit-an-area', 'erase-an-area'), fc.boolean(), (record, command, onEdit) => {
        // On an edit's group the record's area is read too; on an image, the selection.
        const placed = (id: string) => frameWith(id, { area: areaAt({ x: 0, y: 0, width: 100, height: 100 }, 'p', id === 'img') })
        const area = onEdit ? { area: { image: placed('img'), shape: { ...placed('shape'), type: 'ELLIPSE' } } } : {}
        const launch: Launch = { command, layer: frameWith('1:1', { madeHere: true }), record, problem: null, ...area, selection: [placed('img'), placed('shape')] }
        const plan = planLaunch(launch, current, BUILT_IN_MODELS)
        expect(plan.notes.every((note) => typeof note === 'string')).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  it('the saved state reads with notes, whatever its fields hold', () => {
    fc.assert(fc.property(damagedRecord, hostile, (settings, prompt) => void readSavedState({ settings: (settings as { settings?: unknown } | null)?.settings ?? settings, prompt }, BUILT_IN_MODELS)), { numRuns: 300 })
  })

  it('a history row’s facts can always be drawn from a record that reads', () => {
    fc.assert(
      fc.property(damagedRecord, (raw) => {
        const record = readRecord(raw)
        if (record) expect(`${record.settings.aspectRatio} · ${record.cost === null ? '' : formatUsd(record.cost)}`).toMatch(/·/)
      }),
      { numRuns: 300 },
    )
  })

  it('an object where a string is expected ({"toString": 1}) never throws', () => {
    expect(() => readSavedState({ settings: { aspectRatio: { toString: 1 }, model: { toString: 1 } } }, BUILT_IN_MODELS)).not.toThrow()
  })
})
