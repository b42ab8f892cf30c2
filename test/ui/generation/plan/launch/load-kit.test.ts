import { describe, expect, it } from 'vitest'
import type { BrandKit } from '../../../../../common/brand-kit'
import { readRecord } from '../../../../../common/read/read-record'
import { findLaunchKit } from '../../../../../ui/generation/plan/launch/load-kit'

const kit = (id: string, name: string): BrandKit => ({ id, name, references: [], fonts: [], palette: [], note: '', checks: [], problems: [] })

describe('the brand kit a relaunched image was made with', () => {
  // Any page named "Brand kit: Acme" is a kit: one added before the real one must not take over Regenerate.
  const impostor = kit('7:1', 'Acme')
  const acme = kit('0:9', 'Acme')

  it('is found by its page id, whatever other kits share its name or come first', () => {
    expect(findLaunchKit({ kits: [impostor, acme], chosenId: null }, { id: '0:9', name: 'Acme' })).toBe(acme)
    expect(findLaunchKit({ kits: [impostor, acme], chosenId: '7:1' }, { id: '0:9', name: 'Acme' })).toBe(acme)
  })

  it('by name only when one kit has it, or the file uses one of those that do; else it is ambiguous', () => {
    expect(findLaunchKit({ kits: [kit('5:5', 'Other'), acme], chosenId: null }, { id: null, name: 'Acme' })).toBe(acme)
    expect(findLaunchKit({ kits: [impostor, acme], chosenId: null }, { id: null, name: 'Acme' })).toBe('ambiguous')
    expect(findLaunchKit({ kits: [impostor, acme], chosenId: '0:9' }, { id: null, name: 'Acme' })).toBe(acme)
    // The page the record names is gone, and two others share its name.
    expect(findLaunchKit({ kits: [impostor, acme], chosenId: null }, { id: '3:3', name: 'Acme' })).toBe('ambiguous')
    expect(findLaunchKit({ kits: [impostor], chosenId: null }, { id: '3:3', name: 'Other' })).toBeUndefined()
  })

  it('is named in the record by page id as well as by name; an id longer than any page id is not read', () => {
    const record = { prompt: 'A poster', settings: { model: 'm', aspectRatio: '1:1', imageSize: '1K', fontInputs: [], background: 'original', backgroundColor: '#FFFFFF', effort: 'medium', scoringPrompt: '' }, generationId: null, cost: null, createdAt: '2026-01-01T00:00:00Z' }
    expect(readRecord({ ...record, brandKit: 'Acme', brandKitId: '0:9' })).toMatchObject({ brandKit: 'Acme', brandKitId: '0:9' })
    expect(readRecord({ ...record, brandKit: 'Acme', brandKitId: '9'.repeat(41) })?.brandKitId).toBeUndefined()
  })
})
