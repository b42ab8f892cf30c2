/**
 * What this session's generations cost, as OpenRouter charged them
 * (`usage.cost`). Answers that gave no cost are counted apart, so the total
 * never claims to be complete when it is not.
 */
export interface SessionSpend {
  total: number
  /** Answers without a cost: their charge is on openrouter.ai/activity only. */
  unpriced: number
}

export const NOTHING_SPENT: SessionSpend = { total: 0, unpriced: 0 }

export function addSpend(spend: SessionSpend, cost: number | null): SessionSpend {
  return cost === null ? { ...spend, unpriced: spend.unpriced + 1 } : { ...spend, total: spend.total + cost }
}
