import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { GenerationRecord } from '../../../common/domain'
import { readRecord } from '../../../common/read/read-record'
import { RECORD_LIMIT_BYTES, recordForPluginData } from '../../../plugin/history/record'

const record: GenerationRecord = {
  prompt: 'A red fox',
  settings: { model: 'sourceful/riverflow-v2-pro', aspectRatio: '16:9', imageSize: '2K', fontInputs: [{ fontUrl: 'https://fonts.gstatic.com/s/inter/v1/a.woff2', text: 'Big Sale' }], background: 'original', backgroundColor: '#FFFFFF', effort: 'medium', scoringPrompt: '' },
  generationId: 'gen-1234567890-abcdef',
  cost: 0.15,
  createdAt: '2026-11-24T10:00:00.000Z',
}

const bytes = (text: string) => new TextEncoder().encode(text).length
const withPrompt = (prompt: string): GenerationRecord => ({ ...record, prompt })

describe('recordForPluginData', () => {
  it('keeps the limit well under Figma’s 100 kB an entry', () => {
    expect(RECORD_LIMIT_BYTES).toBeLessThanOrEqual(90_000)
  })

  it('writes a record that fits as it is, unchanged', () => {
    expect(recordForPluginData(record)).toBe(JSON.stringify(record))
  })

  it('never writes a key a record brought in from a file', () => {
    const key = 'sk-or-v1-' + 'ab'.repeat(32)
    const json = recordForPluginData({ ...record, prompt: `A fox ${key}`, settings: { ...record.settings, scoringPrompt: key } })
    expect(json).not.toContain('sk-or-')
    expect((JSON.parse(json) as GenerationRecord).prompt).toBe('A fox [key hidden]')
  })

  it.each([
    ['plain text', 'a'.repeat(200_000)],
    ['three-byte characters', '狐'.repeat(60_000)],
    ['emoji (surrogate pairs)', '🦊'.repeat(40_000)],
    ['characters JSON escapes', '"\n\\'.repeat(50_000)],
  ])('shortens a prompt too long for plugin data (%s), says so, and keeps the rest', (_name, prompt) => {
    const json = recordForPluginData(withPrompt(prompt))
    expect(bytes(json)).toBeLessThanOrEqual(RECORD_LIMIT_BYTES)
    const written = JSON.parse(json) as GenerationRecord
    expect(written.promptTruncated).toBe(true)
    expect(prompt.startsWith(written.prompt)).toBe(true)
    // Shortened no more than it had to be: within a few characters of the limit (room is kept for both flags).
    expect(bytes(json)).toBeGreaterThan(RECORD_LIMIT_BYTES - 64)
    expect(written).toMatchObject({ settings: record.settings, generationId: record.generationId, cost: record.cost, createdAt: record.createdAt })
    expect(written.fontInputsTruncated).toBeUndefined()
  })

  it('never cuts a character in two', () => {
    const written = JSON.parse(recordForPluginData(withPrompt('🦊'.repeat(40_000)))) as GenerationRecord
    expect(written.prompt).toMatch(/^(🦊)+$/u)
  })

  it('shortens the font inputs’ texts as well when the prompt alone is not enough', () => {
    const fontInputs = [0, 1].map((i) => ({ fontUrl: `https://fonts.gstatic.com/s/f${i}.woff2`, text: 'x'.repeat(60_000) }))
    const json = recordForPluginData({ ...record, prompt: 'p'.repeat(10_000), settings: { ...record.settings, fontInputs } })
    expect(bytes(json)).toBeLessThanOrEqual(RECORD_LIMIT_BYTES)
    const written = JSON.parse(json) as GenerationRecord
    expect(written).toMatchObject({ prompt: '', promptTruncated: true, fontInputsTruncated: true })
    expect(written.settings.fontInputs.map((f) => f.fontUrl)).toEqual(fontInputs.map((f) => f.fontUrl))
    for (const font of written.settings.fontInputs) expect(font.text.length).toBeGreaterThan(1000)
  })

  it('drops the font inputs when a URL is longer than any font’s, and keeps the prompt', () => {
    const fontInputs = [{ fontUrl: `https://example.com/${'f'.repeat(120_000)}.woff2`, text: 'Sale' }]
    const json = recordForPluginData({ ...record, settings: { ...record.settings, fontInputs } })
    expect(bytes(json)).toBeLessThanOrEqual(RECORD_LIMIT_BYTES)
    expect(JSON.parse(json)).toMatchObject({ prompt: 'A red fox', settings: { fontInputs: [] }, fontInputsTruncated: true })
  })

  it('writes only what the reader takes back, each field within its bounds, whatever a relaunched record carried', () => {
    // Anyone who can edit the file can write a layer's record; Regenerate sends it back to be written with the new image.
    const crafted = {
      ...record,
      junk: 'j'.repeat(99_800),
      generationId: 'g'.repeat(10_000),
      brandKit: 'k'.repeat(1_000),
      settings: {
        ...record.settings,
        junk: 'x'.repeat(99_800),
        scoringPrompt: 'Sharp. '.repeat(10_000),
        fontInputs: [0, 1, 2].map((i) => ({ fontUrl: `https://fonts.gstatic.com/s/f${i}.woff2`, text: 'Sale', junk: 'y'.repeat(50_000) })),
        fitFrame: false,
        density: 3,
      },
    } as unknown as GenerationRecord
    const json = recordForPluginData(crafted)
    expect(bytes(json)).toBeLessThan(5_000)
    const written: unknown = JSON.parse(json)
    // The reader takes every field back, and finds nothing it does not know.
    expect(readRecord(written)).toEqual(written)
    expect(written).toMatchObject({ prompt: 'A red fox', generationId: null, brandKit: 'k'.repeat(200), fontInputsTruncated: true, settings: { fitFrame: false, density: 3 } })
    expect((written as GenerationRecord).settings.fontInputs).toEqual([0, 1].map((i) => ({ fontUrl: `https://fonts.gstatic.com/s/f${i}.woff2`, text: 'Sale' })))
  })

  it('always fits, whatever the prompt and font inputs', () => {
    const text = fc.oneof(fc.string({ maxLength: 3000, unit: 'binary' }), fc.string({ maxLength: 3000, unit: 'grapheme' }), fc.string({ maxLength: 3000 }))
    const long = fc.tuple(text, fc.integer({ min: 1, max: 60 })).map(([t, n]) => t.repeat(n))
    fc.assert(
      fc.property(long, fc.array(fc.record({ fontUrl: long, text: long }), { maxLength: 4 }), (prompt, fontInputs) => {
        const json = recordForPluginData({ ...record, prompt, settings: { ...record.settings, fontInputs } })
        expect(bytes(json)).toBeLessThanOrEqual(RECORD_LIMIT_BYTES)
        const written = JSON.parse(json) as GenerationRecord
        expect(prompt.startsWith(written.prompt)).toBe(true)
        expect(written.promptTruncated ?? false).toBe(written.prompt !== prompt)
      }),
      { numRuns: 60 },
    )
  })
})
