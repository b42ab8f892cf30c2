import { Button, LoadingIndicator, Muted } from '@create-figma-plugin/ui'
import { formatElapsed, useElapsedSeconds } from '../../components/use-elapsed-seconds'
import type { JobTask, RunningJob } from '../../generation/use-generation'

/** The running job: one request with its elapsed time, or a batch frame by frame; and Cancel. */
export function JobStatus(props: { job: RunningJob; onCancel: () => void }) {
  const seconds = useElapsedSeconds(props.job.startedAt)
  const { tasks, modelLabel } = props.job
  const single = tasks.length === 1 ? tasks[0] : null
  // One whose image was kept rather than placed is done too: its request is over, its image waits below.
  const done = tasks.filter((t) => t.progress.phase === 'done' || t.progress.phase === 'kept').length
  const waitNote = props.job.waitNote
  const note = waitNote && seconds >= waitNote.afterSeconds ? waitNote.text : null
  return (
    <div class="status" role="status">
      <LoadingIndicator />
      <div class="grow">
        {single ? (
          <span>
            {phaseText(single, modelLabel, seconds)}
            {single.progress.phase === 'generating' && !single.progress.retry && note && <Muted> {note}</Muted>}
          </span>
        ) : (
          <>
            <span>
              {done} of {tasks.length} {tasks[0].isTake ? 'variations' : 'images'} done · {formatElapsed(seconds)}
              {note && <Muted> {note}</Muted>}
            </span>
            <ul class="tasks" aria-label={tasks[0].isTake ? 'Variations' : 'Frames'}>
              {tasks.map((task) => (
                <li key={task.id}>
                  <span>{task.label}</span>
                  <Muted>{phaseText(task, modelLabel, null)}</Muted>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <Button secondary onClick={props.onCancel}>
        Cancel
      </Button>
    </div>
  )
}

/** A task's phase in words; `seconds` adds the clock where one request has the line to itself. */
function phaseText(task: JobTask, modelLabel: string, seconds: number | null): string {
  const { progress } = task
  const retry = progress.retry
  // Counts down: the panel redraws every second while a job runs (useElapsedSeconds).
  const left = retry ? Math.ceil((retry.retryAt - Date.now()) / 1000) : 0
  if (progress.phase === 'generating' && retry && left > 0) return `${retry.reason.message} Trying again in ${left} s (attempt ${retry.attempt}).`
  // The wait is over and the request went again: which attempt it is, not a countdown stuck at 0.
  const attempt = retry ? ` (attempt ${retry.attempt})` : ''
  switch (progress.phase) {
    case 'waiting':
      return 'Waiting its turn'
    case 'exporting':
      return 'Preparing…'
    case 'ready':
      return 'Ready to send'
    case 'generating':
      return seconds === null ? `Generating…${attempt}` : `Generating with ${modelLabel}… ${formatElapsed(seconds)}${attempt}`
    case 'placing':
      return 'Placing…'
    case 'done':
      return 'Placed'
    case 'kept':
      return 'Not placed: kept below'
    case 'cancelled':
      return 'Cancelled'
    case 'failed':
      return `Failed: ${progress.message ?? ''}`
  }
}
