import type { KeyInfo } from '../openrouter/sign-in/key'
import { type SessionSpend, mayHaveSpent } from '../generation/session-spend'
import { formatUsd, formatUsdRange, roundUsd } from '../pricing'

/** The top bar's word on the key: what is left to spend, once OpenRouter has said. */
export function creditLine(info: KeyInfo | null): string {
  if (!info) return 'OpenRouter key saved'
  if (info.limitRemaining === null) return `Key${info.label ? ` “${info.label}”` : ''} · no limit`
  return `${formatUsd(info.limitRemaining)} credit left on this key`
}

/** "a", "a and b", "a, b and c": a short list in a sentence. */
export function listInWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

/**
 * What this session's images cost so far, once there is something to say: a range
 * up to the most that requests OpenRouter may still charge come to, as short as the top bar needs.
 */
export function spendLine(spend: SessionSpend): string | null {
  if (!mayHaveSpent(spend)) return null
  const amount = spend.mayBeCharged === 0 ? formatUsd(spend.total) : formatUsdRange(spend.total, roundUsd(spend.total + spend.mayBeCharged))
  const unpriced = spend.unpriced === 0 ? '' : ` (and ${imagesInWords(spend.unpriced)}, price unknown)`
  return `${amount} this session${unpriced}`
}

/**
 * What a job's images cost, as their answers said: "cost $0.08", "free", or where an answer gave no
 * cost, that its price is unknown and where to find it (the words of the buttons and History).
 */
export function jobCostWords(cost: number | null, unpriced: number): string | null {
  const where = 'see openrouter.ai/activity'
  if (cost === null) return unpriced === 0 ? null : `price unknown: ${where}`
  const known = cost === 0 ? 'free' : `cost ${formatUsd(cost)}`
  return unpriced === 0 ? known : `${known}; ${unpriced === 1 ? '1 image’s price' : `${unpriced} images’ prices`} unknown: ${where}`
}

function imagesInWords(count: number): string {
  return count === 1 ? '1 image' : `${count} images`
}

/** What the range of the spend line stands for, for its tooltip; null when it has none. */
export function spendRangeWhy(spend: SessionSpend): string | null {
  if (spend.mayBeCharged === 0) return null
  return `Up to ${formatUsd(spend.mayBeCharged)} of it is for requests cut off (a Cancel, a timeout) that OpenRouter may still charge: see openrouter.ai/activity.`
}

/** What a road could not carry, in the designer's words rather than the API's. */
const DROPPED_WORDS: Record<string, string> = {
  'font inputs': 'text in your font',
  'refSR references': 'references',
  scoring: 'checks of its own images',
  effort: 'thinking setting',
}

export function droppedInWords(dropped: readonly string[]): string {
  return listInWords(dropped.map((what) => DROPPED_WORDS[what] ?? what))
}
