import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_STATE } from '../../../ui/defaults'
import { BUILT_IN_MODELS, describeModel } from '../../../common/models'
import { findModel } from '../../../ui/models'

const isOfferedModel = (id: string) => BUILT_IN_MODELS.some((model) => model.id === id)
import { SAVED_STATE_VERSION, readSavedState, toStoredState } from '../../../ui/state/read-saved-state'
import { MAX_TEXT, MAX_URL } from '../../../common/read/read-settings'

const read = (raw: unknown, models = BUILT_IN_MODELS) => readSavedState(raw, models)
const v1 = {
  prompt: 'A red fox',
  settings: { model: 'sourceful/riverflow-v2-pro', aspectRatio: '4:5', imageSize: '4K', fontInputs: [{ fontUrl: 'https://x/f.ttf', text: 'SALE' }] },
  placement: 'new-layer',
}
const v25 = { ...v1, settings: { ...v1.settings, model: 'sourceful/riverflow-v2.5-fast', imageSize: '2K', background: 'solid', backgroundColor: '#112233', effort: 'high', scoringPrompt: 'Crisp text' } }

describe('readSavedState', () => {
  it('reads the recent prompts, skipping what is not text', () => {
    expect(read({ ...toStoredState(DEFAULT_STATE), recentPrompts: ['a', 4, null, 'b'] }).state.recentPrompts).toEqual(['a', 'b'])
    expect(read({ ...toStoredState(DEFAULT_STATE), recentPrompts: 'a' }).state.recentPrompts).toEqual([])
  })

  it('reads the takes, 1 to 4, and falls back to 1', () => {
    expect(read({ ...toStoredState(DEFAULT_STATE), takes: 3 }).state.takes).toBe(3)
    for (const takes of [0, 5, 2.5, '3', null]) expect(read({ ...toStoredState(DEFAULT_STATE), takes }).state.takes).toBe(1)
  })

  it('reads Keep full resolution, off when missing or not a boolean', () => {
    expect(read({ ...toStoredState(DEFAULT_STATE), keepFullResolution: true }).state.keepFullResolution).toBe(true)
    for (const keepFullResolution of [undefined, 'true', 1, null]) {
      expect(read({ ...toStoredState(DEFAULT_STATE), keepFullResolution }).state.keepFullResolution).toBe(false)
    }
    expect(read(v1).state.keepFullResolution).toBe(false)
  })

  it('starts from the defaults on first run, without a note', () => {
    expect(read(null)).toEqual({ state: DEFAULT_STATE, notes: [] })
  })

  it('reads a version 1 state whole, the new fields taking their defaults', () => {
    const { state, notes } = read(v1)
    expect(notes).toEqual([])
    expect(state).toEqual({ ...DEFAULT_STATE, ...v1, settings: { ...DEFAULT_STATE.settings, ...v1.settings } })
  })

  it('reads back what it stores, with the version', () => {
    const stored = toStoredState({ ...DEFAULT_STATE, prompt: 'p', concurrency: 5 })
    expect(stored.version).toBe(SAVED_STATE_VERSION)
    expect(read(stored)).toEqual({ state: { ...DEFAULT_STATE, prompt: 'p', concurrency: 5 }, notes: [] })
    // A state saved when the panel still had "The selection is" opens, those fields read no more.
    expect(read({ ...stored, selectionUse: 'edit', eachOnItsOwn: false })).toEqual({ state: { ...DEFAULT_STATE, prompt: 'p', concurrency: 5 }, notes: [] })
  })

  it('keeps for next time each text whole up to what it is read back with, and all of it within clientStorage', () => {
    const long = (what: string) => what.padEnd(MAX_TEXT + 50, '字')
    const fontUrl = `https://fonts.gstatic.com/s/${'a'.repeat(MAX_URL)}.woff2`
    const typed = {
      ...DEFAULT_STATE,
      prompt: long('prompt'),
      recentPrompts: Array.from({ length: 20 }, (_, i) => long(`draft ${i}`)),
      settings: { ...DEFAULT_STATE.settings, model: 'sourceful/riverflow-v2.5-fast', scoringPrompt: long('judge'), backgroundColor: long('#'), fontInputs: [{ fontUrl, text: long('SALE') }] },
    }
    const stored = toStoredState(typed)
    // clientStorage holds about 5 MB (docs/contracts.md#figma-clientstorage): over it, nothing would be saved.
    expect(Buffer.byteLength(JSON.stringify(stored))).toBeLessThan(2.5 * 1024 * 1024)
    // The panel's own state, the prompt box included, is not cut: only what is kept for next time.
    expect(typed.prompt).toHaveLength(MAX_TEXT + 50)
    const { state, notes } = read(stored)
    expect(state.prompt).toBe(long('prompt').slice(0, MAX_TEXT))
    expect(state.settings.scoringPrompt).toBe(long('judge').slice(0, MAX_TEXT))
    // The font row comes back with its text, its link (longer than any font's) to paste again.
    expect(state.settings.fontInputs).toEqual([{ fontUrl: '', text: long('SALE').slice(0, MAX_TEXT) }])
    expect(state.recentPrompts[0]).toBe(long('draft 0').slice(0, MAX_TEXT))
    expect(notes).toEqual([expect.stringMatching(/^The saved background colour \(#字/)])
  })

  it('reads a prompt longer than the panel keeps as its start, with a note', () => {
    const { state, notes } = read({ ...v1, prompt: 'p'.repeat(MAX_TEXT + 1) })
    expect(state.prompt).toBe('p'.repeat(MAX_TEXT))
    expect(notes).toEqual(['Only the first 100,000 characters of the prompt are loaded.'])
  })

  it('reads the recent prompts within their bounds, the newest first', () => {
    const recentPrompts = Array.from({ length: 30 }, (_, i) => `${i}`.padEnd(MAX_TEXT + 1, 'x'))
    const read30 = read({ ...toStoredState(DEFAULT_STATE), recentPrompts }).state.recentPrompts
    expect(read30.length).toBeGreaterThan(0)
    expect(read30).toEqual(recentPrompts.slice(0, read30.length).map((p) => p.slice(0, MAX_TEXT)))
    expect(read30.join('').length).toBeLessThan(20 * MAX_TEXT)
  })

  it('reads the 2.5 settings: background, its colour, effort and scoring prompt', () => {
    const { state, notes } = read(v25)
    expect(notes).toEqual([])
    expect(state.settings).toMatchObject({ background: 'solid', backgroundColor: '#112233', effort: 'high', scoringPrompt: 'Crisp text' })
  })

  it.each([
    ['an unknown model', { ...v1, settings: { ...v1.settings, model: 'sourceful/riverflow-v1' } }, /^Riverflow 1 is not offered now, so Riverflow 2 Fast is chosen/],
    ['an aspect ratio Riverflow lacks', { ...v1, settings: { ...v1.settings, aspectRatio: '2:1' } }, /aspect ratio \(2:1\)/],
    ['a size the model lacks', { ...v1, settings: { ...v1.settings, model: 'sourceful/riverflow-v2-fast' } }, /Riverflow 2 Fast does not offer 4K, so 2K is chosen/],
    ['settings: null', { ...v1, settings: null }, /model and sizes could not be read/],
    ['prompt: 42', { ...v1, prompt: 42 }, /prompt could not be read/],
    ['fontInputs: [null]', { ...v1, settings: { ...v1.settings, fontInputs: [null] } }, /font.*left out/],
    ['a string instead of an object', 'corrupt', /could not be read/],
    ['a background V2 lacks', { ...v25, settings: { ...v25.settings, model: 'sourceful/riverflow-v2-fast' } }, /cannot make a solid background/],
    ['an effort the model lacks', { ...v25, settings: { ...v25.settings, effort: 'xhigh' } }, /does not offer “Most thorough \(slowest\)” thinking, so “Thorough” is chosen/],
    ['a malformed colour', { ...v25, settings: { ...v25.settings, backgroundColor: 'red' } }, /background colour \(red\)/],
    ['an unknown effort', { ...v25, settings: { ...v25.settings, effort: 'max' } }, /effort \(max\)/],
  ])('falls back with a note for %s', (_name, raw, note) => {
    const { state, notes } = read(raw)
    expect(notes.join(' ')).toMatch(note)
    expect(isOfferedModel(state.settings.model)).toBe(true)
  })

  it('moves a model that has gone from the list to the nearest of its tier', () => {
    const catalog = BUILT_IN_MODELS.filter((model) => !model.id.startsWith('sourceful/riverflow-v2-'))
    const { state, notes } = read(v1, catalog)
    expect(state.settings.model).toBe('sourceful/riverflow-v2.5-pro')
    expect(state.settings.imageSize).toBe('2K')
    expect(notes.join(' ')).toMatch(/Riverflow 2 Pro is not offered now, so Riverflow 2.5 Pro is chosen.*does not offer 4K, so 2K/)
  })

  it('keeps a slug only an earlier catalog knew, when that catalog is the list', () => {
    const newer = describeModel('sourceful/riverflow-v3-fast', { id: 'sourceful/riverflow-v3-fast', name: 'Sourceful: Riverflow 3 Fast', pricing: {}, supportedParameters: [] })
    const { state, notes } = read({ ...v1, settings: { ...v1.settings, model: newer.id, imageSize: '2K' } }, [...BUILT_IN_MODELS, newer])
    expect(notes).toEqual([])
    expect(state.settings.model).toBe('sourceful/riverflow-v3-fast')
  })

  it('keeps the rest of the settings when one is wrong, and a settings object without fontInputs', () => {
    const { state, notes } = read({ ...v1, settings: { model: 'sourceful/riverflow-v2-pro', aspectRatio: '16:9', imageSize: '2K' } })
    expect(notes).toEqual([])
    expect(state.settings).toEqual({ ...DEFAULT_STATE.settings, model: 'sourceful/riverflow-v2-pro', aspectRatio: '16:9', imageSize: '2K' })
    expect(state.prompt).toBe('A red fox')
  })

  it('never throws and always gives a usable state, whatever was stored', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const { state } = read(raw)
        expect(typeof state.prompt).toBe('string')
        const model = findModel(BUILT_IN_MODELS, state.settings.model)
        expect(isOfferedModel(model.id)).toBe(true)
        expect(model.sizes).toContain(state.settings.imageSize)
        expect(Array.isArray(state.settings.fontInputs)).toBe(true)
        expect(state.concurrency).toBeGreaterThanOrEqual(1)
      }),
    )
  })
})
