import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_STATE } from '../../../ui/defaults'
import { isOfferedModel } from '../../../ui/models'
import { SAVED_STATE_VERSION, readSavedState, toStoredState } from '../../../ui/state/read-saved-state'

const read = (raw: unknown) => readSavedState(raw, isOfferedModel)
const v1 = {
  prompt: 'A red fox',
  settings: { model: 'sourceful/riverflow-v2-pro', aspectRatio: '4:5', imageSize: '4K', fontInputs: [{ fontUrl: 'https://x/f.ttf', text: 'SALE' }] },
  placement: 'new-layer',
}

describe('readSavedState', () => {
  it('reads the recent prompts, skipping what is not text', () => {
    expect(read({ ...toStoredState(DEFAULT_STATE), recentPrompts: ['a', 4, null, 'b'] }).state.recentPrompts).toEqual(['a', 'b'])
    expect(read({ ...toStoredState(DEFAULT_STATE), recentPrompts: 'a' }).state.recentPrompts).toEqual([])
  })

  it('reads the takes, 1 to 4, and falls back to 1', () => {
    expect(read({ ...toStoredState(DEFAULT_STATE), takes: 3 }).state.takes).toBe(3)
    for (const takes of [0, 5, 2.5, '3', null]) expect(read({ ...toStoredState(DEFAULT_STATE), takes }).state.takes).toBe(1)
  })

  it('starts from the defaults on first run, without a note', () => {
    expect(read(null)).toEqual({ state: DEFAULT_STATE, notes: [] })
  })

  it('reads a version 1 state whole, the new fields taking their defaults', () => {
    const { state, notes } = read(v1)
    expect(notes).toEqual([])
    expect(state).toEqual({ ...DEFAULT_STATE, ...v1 })
  })

  it('reads back what it stores, with the version', () => {
    const stored = toStoredState({ ...DEFAULT_STATE, prompt: 'p', selectionUse: 'edit', eachOnItsOwn: false, concurrency: 5 })
    expect(stored.version).toBe(SAVED_STATE_VERSION)
    expect(read(stored)).toEqual({ state: { ...DEFAULT_STATE, prompt: 'p', selectionUse: 'edit', eachOnItsOwn: false, concurrency: 5 }, notes: [] })
  })

  it.each([
    ['an unknown model', { ...v1, settings: { ...v1.settings, model: 'sourceful/riverflow-v1' } }, /model saved last time \(sourceful\/riverflow-v1\) is not offered/],
    ['an aspect ratio Riverflow lacks', { ...v1, settings: { ...v1.settings, aspectRatio: '2:1' } }, /aspect ratio \(2:1\)/],
    ['a size the model lacks', { ...v1, settings: { ...v1.settings, model: 'sourceful/riverflow-v2-fast' } }, /does not offer the saved size \(4K\)/],
    ['settings: null', { ...v1, settings: null }, /model and sizes could not be read/],
    ['prompt: 42', { ...v1, prompt: 42 }, /prompt could not be read/],
    ['fontInputs: [null]', { ...v1, settings: { ...v1.settings, fontInputs: [null] } }, /font.*left out/],
    ['a string instead of an object', 'corrupt', /could not be read/],
  ])('falls back with a note for %s', (_name, raw, note) => {
    const { state, notes } = read(raw)
    expect(notes.join(' ')).toMatch(note)
    expect(isOfferedModel(state.settings.model)).toBe(true)
  })

  it('keeps the rest of the settings when one is wrong, and a settings object without fontInputs', () => {
    const { state, notes } = read({ ...v1, settings: { model: 'sourceful/riverflow-v2-pro', aspectRatio: '16:9', imageSize: '2K' } })
    expect(notes).toEqual([])
    expect(state.settings).toEqual({ model: 'sourceful/riverflow-v2-pro', aspectRatio: '16:9', imageSize: '2K', fontInputs: [] })
    expect(state.prompt).toBe('A red fox')
  })

  it('never throws and always gives a usable state, whatever was stored', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const { state } = read(raw)
        expect(typeof state.prompt).toBe('string')
        expect(isOfferedModel(state.settings.model)).toBe(true)
        expect(Array.isArray(state.settings.fontInputs)).toBe(true)
        expect(state.concurrency).toBeGreaterThanOrEqual(1)
      }),
    )
  })
})
