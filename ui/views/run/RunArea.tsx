import { Button, LoadingIndicator } from '@create-figma-plugin/ui'
import type { ComponentChildren } from 'preact'
import type { AspectRatio } from '../../../common/domain'
import type { Offer } from '../../generation/plan/offer'
import { needsConfirmation } from '../../generation/plan/plan-click'
import type { Proposal } from '../../generation/plan/propose'
import type { Generation } from '../../generation/use-generation'
import { ActionBar } from './ActionBar'
import { ConfirmSend } from './ConfirmSend'
import { JobStatus } from './JobStatus'
import { KeptImages } from '../outcome/KeptImages'
import { KeptOriginals } from '../outcome/KeptOriginals'
import { OutcomeLine } from '../outcome/OutcomeLine'
import type { ClickWait } from './use-run-action'

interface RunAreaProps {
  proposal: Proposal
  /** The model the designer chose, for the actions that go to another. */
  model: string
  generation: Generation
  /** The action waiting for "Send N requests", by key; looked up in the current proposal so its numbers stay true. */
  confirmKey: string | null
  /** A click waiting before its job starts (the brand kit read, a set's frames made): said, with Cancel, in the actions' place. */
  wait: ClickWait | null
  onRun: (offer: Offer, confirmed?: boolean) => void
  /** Retry of a failed frame or take of the last job. */
  onRetry: (taskId: string) => void
  onBack: () => void
  onRatio: (ratio: AspectRatio) => void
  /** The formats picked on Every format's list. */
  onFormats: (formats: string[]) => void
  /** USD: a click that may cost more asks first. */
  spendLimit: number
  /** Why the last job failed and what stops the next click: said right under the actions. */
  alerts: ComponentChildren
}

/**
 * Where the designer is looking: the selection's actions, or the running job
 * with Cancel, the wait before it (the brand kit, a set's frames) with Cancel, or the question before a
 * large batch; then what the last job did, and any paid image that waits to be placed.
 */
export function RunArea({ proposal, model, generation, confirmKey, wait, onRun, onRetry, onBack, onRatio, onFormats, spendLimit, alerts }: RunAreaProps) {
  const { primary, secondary, more } = proposal
  const confirming = [primary, ...secondary, ...more].find((offer) => offer.key === confirmKey && needsConfirmation(offer, spendLimit))
  return (
    <>
      {generation.job ? (
        <JobStatus job={generation.job} onCancel={generation.cancel} />
      ) : wait ? (
        <div class="status" role="status" aria-label={wait.label}>
          <LoadingIndicator />
          <span class="grow">{wait.text}</span>
          {wait.cancel && (
            <Button secondary onClick={wait.cancel}>
              Cancel
            </Button>
          )}
        </div>
      ) : confirming ? (
        <ConfirmSend action={confirming} spendLimit={spendLimit} onSend={() => onRun(confirming, true)} onBack={onBack} />
      ) : (
        <ActionBar proposal={proposal} model={model} onRun={onRun} onRatio={onRatio} onFormats={onFormats} />
      )}
      {alerts}
      {/* A press under way has begun the next job: the last one's Retry waits, as it does while a job runs. */}
      {generation.outcome && !generation.job && !wait && <OutcomeLine outcome={generation.outcome} headline={generation.error} onRetry={onRetry} />}
      {generation.placedFromKept.map((label, index) => (
        <p class="muted" role="status" key={index}>
          Placed “{label}” from the kept images.
        </p>
      ))}
      {generation.kept.length > 0 && <KeptImages items={generation.kept} onRetry={generation.retryKept} onDismiss={generation.dismissKept} />}
      <KeptOriginals outcome={generation.job ? null : generation.outcome} />
    </>
  )
}
