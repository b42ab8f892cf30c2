import { Button, Inline } from '@create-figma-plugin/ui'
import type { ClickAction } from '../../generation/plan/offer'
import { formatEstimateInSentence } from '../../pricing'

/** Asked once before a click sends many requests: how many, and what they are estimated to cost. */
export function ConfirmSend({ action, onSend, onBack }: { action: ClickAction; onSend: () => void; onBack: () => void }) {
  const { count } = action
  const cost = `${formatEstimateInSentence(action.cost)} in all`
  return (
    <div class="notice field" role="alertdialog" aria-label="Confirm sending">
      <p>
        This sends {count} requests, {action.concurrency} at a time: {cost}.
      </p>
      <Inline space="extraSmall">
        <Button secondary onClick={onBack}>
          Back
        </Button>
        <Button onClick={onSend}>Send {count} requests</Button>
      </Inline>
    </div>
  )
}
