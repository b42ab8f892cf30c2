import { describe, expect, it } from 'vitest'
import { DEFAULT_STATE } from '../../../ui/defaults'
import { BUILT_IN_MODELS, startOnFree } from '../../../ui/models'
import type { KeyInfo } from '../../../ui/openrouter/sign-in/key'

const key = (limitRemaining: number | null): KeyInfo => ({ label: 'Mine', limitRemaining, usage: 10, isFreeTier: false })
const pro = { ...DEFAULT_STATE.settings, model: 'sourceful/riverflow-v2.5-pro', imageSize: '4K' as const, effort: 'high' as const }

describe('startOnFree', () => {
  it('moves a key with no credit left to the free model, fitted to it, and says why', () => {
    const started = startOnFree(pro, key(0), BUILT_IN_MODELS)
    expect(started?.settings).toMatchObject({ model: 'sourceful/riverflow-v2.5-fast:free', imageSize: '2K', effort: 'high' })
    expect(started?.notes[0]).toBe(
      'This key has no credit left, so Riverflow 2.5 Fast (free) is chosen (it is rate-limited). Add credit at openrouter.ai/settings/credits to use the other models.',
    )
    expect(started?.notes[1]).toMatch(/does not offer 4K/)
  })

  it('counts less than the cheapest paid image as no credit', () => {
    expect(startOnFree(pro, key(0.01), BUILT_IN_MODELS)?.settings.model).toBe('sourceful/riverflow-v2.5-fast:free')
    expect(startOnFree(pro, key(0.02), BUILT_IN_MODELS)).toBeNull()
  })

  it('starts an account that has never bought credit (the free tier) there too, saying so', () => {
    const started = startOnFree(pro, { ...key(null), isFreeTier: true }, BUILT_IN_MODELS)
    expect(started?.settings.model).toBe('sourceful/riverflow-v2.5-fast:free')
    expect(started?.notes[0]).toMatch(/^This OpenRouter account has no credit yet, so Riverflow 2.5 Fast \(free\) is chosen/)
  })

  it('leaves a key without a limit, a key not yet checked, and the free model itself alone', () => {
    expect(startOnFree(pro, key(null), BUILT_IN_MODELS)).toBeNull()
    expect(startOnFree(pro, null, BUILT_IN_MODELS)).toBeNull()
    expect(startOnFree({ ...pro, model: 'sourceful/riverflow-v2.5-fast:free' }, key(0), BUILT_IN_MODELS)).toBeNull()
  })

  it('changes nothing when the list has no free model', () => {
    expect(startOnFree(pro, key(0), BUILT_IN_MODELS.filter((m) => m.pricing.kind !== 'free'))).toBeNull()
  })
})
