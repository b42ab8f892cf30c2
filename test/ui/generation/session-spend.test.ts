import { describe, expect, it } from 'vitest'
import { NOTHING_SPENT, addSpend } from '../../../ui/generation/session-spend'

describe('addSpend', () => {
  it('adds what each answer was charged, and counts the answers that gave no cost apart', () => {
    const spent = [0.02, null, 0.045, 0].reduce(addSpend, NOTHING_SPENT)
    expect(spent.total).toBeCloseTo(0.065)
    expect(spent.unpriced).toBe(1)
  })
})
