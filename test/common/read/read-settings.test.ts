import { describe, expect, it } from 'vitest'
import { readRecord } from '../../../common/read/read-record'
import { BUILT_IN_MODELS } from '../../../common/models'
import { readSavedState, toStoredState } from '../../../ui/state/read-saved-state'
import { DEFAULT_STATE } from '../../../ui/defaults'
import { recordWith } from '../../fixtures/records'

// One check for each setting (common/read-settings.ts): a layer's record and the panel's saved state
// agree on what a setting may be. A record refuses the whole for a field that does not read; the
// saved state keeps its default for that field and says so.
const fields: [string, unknown, string][] = [
  ['model', 'x'.repeat(201), 'model'],
  ['model', 42, 'model'],
  ['aspectRatio', '5:7', 'aspect ratio'],
  ['imageSize', '8K', 'size'],
  ['background', 'blurred', 'background'],
  ['backgroundColor', '#12345', 'background colour'],
  ['backgroundColor', 'red', 'background colour'],
  ['effort', 'extreme', 'effort'],
  ['scoringPrompt', 'x'.repeat(100_001), 'scoring prompt'],
  ['density', 4, 'density'],
  ['fitFrame', 'yes', '“Fit the frame”'],
]

describe('a setting that does not read', () => {
  it.each(fields)('%s = %s: refused by the record, the default with a note in the saved state', (key, value, what) => {
    const record = recordWith()
    const optional = key === 'density' || key === 'fitFrame'
    // Fit the frame and its density are optional in a record: one that does not read is left out, the record kept.
    const read = readRecord({ ...record, settings: { ...record.settings, [key]: value } })
    if (optional) expect(read?.settings[key as 'density']).toBeUndefined()
    else expect(read).toBeNull()

    const saved = readSavedState({ ...toStoredState(DEFAULT_STATE), settings: { ...DEFAULT_STATE.settings, [key]: value } }, BUILT_IN_MODELS)
    expect(saved.notes.some((note) => note.startsWith(`The saved ${what}`))).toBe(true)
    expect(saved.state.settings[key as 'model']).toBe(DEFAULT_STATE.settings[key as 'model'])
  })

  it('a font row that does not read: the record is refused, the saved state keeps the rows that read and says so', () => {
    const rows = [{ fontUrl: 'https://fonts.gstatic.com/s/a.ttf', text: 'SALE' }, { fontUrl: 7, text: 'x' }]
    const record = recordWith()
    expect(readRecord({ ...record, settings: { ...record.settings, fontInputs: rows } })).toBeNull()
    const saved = readSavedState({ ...toStoredState(DEFAULT_STATE), settings: { ...DEFAULT_STATE.settings, fontInputs: rows } }, BUILT_IN_MODELS)
    expect(saved.state.settings.fontInputs).toEqual([rows[0]])
    expect(saved.notes).toContain('A saved “text in a font” row could not be read and was left out.')
  })
})
