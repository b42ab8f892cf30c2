import { GenerationError } from '../answer/errors'
import { type CostEstimate, highestUsd, roundUsd } from '../pricing'
import type { SettledTask } from './task-types'

/**
 * What this session's generations cost, as OpenRouter charged them
 * (`usage.cost`). Answers that gave no cost, and requests cut off that it may
 * still charge, are counted apart, so the total never claims to be complete
 * when it is not.
 */
export interface SessionSpend {
  total: number
  /** Answers without a cost: their charge is on openrouter.ai/activity only. */
  unpriced: number
  /** The most that requests cut off while OpenRouter had them (a Cancel, a timeout) may still be charged: their estimates' high ends. */
  mayBeCharged: number
}

export const NOTHING_SPENT: SessionSpend = { total: 0, unpriced: 0, mayBeCharged: 0 }

/** Something may have come off the key: a charge, an answer without a price, or a request OpenRouter may still charge. */
export function mayHaveSpent(spend: SessionSpend): boolean {
  return spend.total > 0 || spend.unpriced > 0 || spend.mayBeCharged > 0
}

export function addSpend(spend: SessionSpend, cost: number | null): SessionSpend {
  return cost === null ? { ...spend, unpriced: spend.unpriced + 1 } : { ...spend, total: spend.total + cost }
}

/** A request OpenRouter may still charge, at the most its estimate comes to; one with no estimate or no known most counts as an image without a price. */
export function addMayBeCharged(spend: SessionSpend, estimate: CostEstimate | null): SessionSpend {
  const most = estimate && highestUsd(estimate)
  return most === null ? { ...spend, unpriced: spend.unpriced + 1 } : { ...spend, mayBeCharged: roundUsd(spend.mayBeCharged + most) }
}

/**
 * The session's spend once a task settled: what its answer cost (or that it gave no cost), what an
 * answer that brought no image billed, or, for a request cut off while OpenRouter had it (a Cancel,
 * a timeout), the most `estimate` says it may still come to.
 */
export function spendAfterTask(spend: SessionSpend, task: SettledTask, estimate: CostEstimate | null): SessionSpend {
  if (task.ok) return addSpend(spend, task.value.cost)
  const error = task.error instanceof GenerationError ? task.error : null
  if (error?.charged) return addSpend(spend, error.charged)
  return error?.mayHaveCharged ? addMayBeCharged(spend, estimate) : spend
}
