import { Question } from '../../components/Question'
import type { ClickAction } from '../../generation/plan/offer'
import { overSpendLimit } from '../../generation/plan/plan-click'
import { formatEstimateInSentence, formatUsd } from '../../pricing'

/**
 * Asked once before a click sends many requests, may cost more than the
 * designer's spending limit a click, or has a price not known (a model new to
 * this build): how many, and what they are estimated to cost.
 */
export function ConfirmSend({ action, spendLimit, onSend, onBack }: { action: ClickAction; spendLimit: number; onSend: () => void; onBack: () => void }) {
  const { count } = action
  const what = count === 1 ? 'one request' : `${count} requests, ${action.concurrency} at a time`
  const known = action.cost !== null && action.cost.kind !== 'unknown'
  const cost = `${formatEstimateInSentence(action.cost)}${count === 1 || !known ? '' : ' in all'}`
  // Over the limit only where a most is known: a price not yet known is no amount to compare.
  const over = known && overSpendLimit(action, spendLimit) ? `, more than your limit of ${formatUsd(spendLimit)} a click (set in Settings)` : ''
  // What the designer learns only after: said now, so that Send is a choice made knowing where to look.
  const after = action.cost?.kind === 'unknown' ? ' The model is new to this plugin: what it cost shows in this session’s spend once the image is made.' : ''
  // Keyboard: the focus on Send, what the designer pressed for.
  return (
    <Question label="Confirm sending" action={count === 1 ? 'Send' : `Send ${count} requests`} focus="action" onAction={onSend} onBack={onBack}>
      This sends {what}: {cost}
      {over}.{after}
    </Question>
  )
}
