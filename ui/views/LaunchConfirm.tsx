import { Button, Inline } from '@create-figma-plugin/ui'
import type { LaunchReview } from '../generation/plan/launch/review-launch'
import { formatEstimateInSentence } from '../pricing'

/**
 * A relaunch button's request, held for the designer: what it will send, why
 * it did not run at once, and Send. Nothing is spent until Send is pressed.
 */
export function LaunchConfirm({ review, busy, onSend, onDismiss }: { review: LaunchReview; busy: boolean; onSend: () => void; onDismiss: () => void }) {
  const count = review.tasks.length
  const { label } = review.tasks[0].model
  return (
    <div class="notice field view-note" role="alertdialog" aria-label="Confirm the relaunch">
      <p>
        This layer asks for {count === 1 ? 'an image' : `${count} images`} with {label}: {formatEstimateInSentence(review.estimate)}. It waits for you:
      </p>
      <ul>
        {review.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      <Inline space="extraSmall">
        <Button secondary onClick={onDismiss}>
          Not now
        </Button>
        <Button disabled={busy} onClick={onSend}>
          {count === 1 ? 'Send' : `Send ${count} requests`}
        </Button>
      </Inline>
    </div>
  )
}
