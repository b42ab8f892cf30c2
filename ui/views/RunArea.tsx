import { Button, LoadingIndicator } from '@create-figma-plugin/ui'
import { type ClickAction, type ClickPlan, needsConfirmation } from '../generation/plan/plan-click'
import type { Generation } from '../generation/use-generation'
import { ConfirmSend } from './ConfirmSend'
import { JobStatus } from './JobStatus'
import { KeptImages } from './KeptImages'
import { KeptOriginals } from './KeptOriginals'
import { OutcomeLine } from './OutcomeLine'
import { RunButtons } from './RunButtons'
import type { KitWait } from './use-run-action'

interface RunAreaProps {
  plan: ClickPlan
  generation: Generation
  /** The action waiting for "Send N requests", by key; looked up in the current plan so its numbers stay true. */
  confirmKey: string | null
  /** A click waiting for the brand kit to be read: said, with Cancel, in Generate's place. */
  wait: KitWait | null
  onRun: (action: ClickAction, confirmed?: boolean) => void
  onBack: () => void
}

/** The panel's foot: Generate, the confirmation of a large batch, the running job and what it left. */
export function RunArea({ plan, generation, confirmKey, wait, onRun, onBack }: RunAreaProps) {
  const editing = plan.use === 'edit'
  const confirming = [plan.generate, ...plan.batchActions].find((action) => action.key === confirmKey && needsConfirmation(action))
  return (
    <>
      {generation.job ? (
        <JobStatus job={generation.job} onCancel={generation.cancel} />
      ) : wait ? (
        <div class="status" role="status" aria-label="Waiting for the brand kit">
          <LoadingIndicator />
          <span class="grow">{wait.text}</span>
          <Button secondary onClick={wait.cancel}>
            Cancel
          </Button>
        </div>
      ) : confirming ? (
        <ConfirmSend action={confirming} onSend={() => onRun(confirming, true)} onBack={onBack} />
      ) : (
        !editing && <RunButtons action={plan.generate} blocked={plan.problems.length > 0} onRun={onRun} />
      )}
      {generation.outcome && !generation.job && <OutcomeLine outcome={generation.outcome} onRetry={generation.retryTask} />}
      {generation.kept.length > 0 && <KeptImages items={generation.kept} onRetry={generation.retryKept} onDismiss={generation.dismissKept} />}
      <KeptOriginals outcome={generation.job ? null : generation.outcome} />
    </>
  )
}
