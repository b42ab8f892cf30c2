import { Button, Muted } from '@create-figma-plugin/ui'
import { sharedReason } from '../../generation/job-outcome'
import type { JobOutcome } from '../../generation/use-generation'
import { formatEstimateShort } from '../../pricing'
import { droppedInWords, jobCostWords } from '../format'
import { FullSizeNotes } from './FullSizeNotes'
import { MessageText } from './MessageText'
import { PlacedList } from './PlacedList'

type Failure = JobOutcome['failures'][number]

/**
 * What the requests could not carry, said as RoadNote says it before sending: in the designer's words,
 * not the names of OpenRouter's two ways of serving a model.
 */
function droppedLines(dropped: JobOutcome['dropped']): string[] {
  const options = [...new Set(Object.values(dropped).flat())]
  if (options.length === 0) return []
  const one = options.length === 1
  return [`The ${droppedInWords(options)} ${one ? 'was' : 'were'} left out: OpenRouter serves this model in a way that cannot carry ${one ? 'it' : 'them'}.`]
}

interface OutcomeLineProps {
  outcome: JobOutcome
  /** The job's error as shown above it: a reason it ends with is not said again in each failed row. */
  headline: string | null
  onRetry: (taskId: string) => void
}

/** What the last job did: images placed, what they cost, and anything sent or placed otherwise than asked. */
export function OutcomeLine({ outcome, headline, onRetry }: OutcomeLineProps) {
  const parts = [
    outcome.placed === 1 ? 'Placed 1 image' : `Placed ${outcome.placed} images`,
    jobCostWords(outcome.cost, outcome.unpriced),
  ].filter(Boolean)
  // Every frame refused for one reason (no credit, a model down): the headline says it once, the rows name the frames.
  const reason = sharedReason(outcome.failures)
  const saidAbove = reason !== null && headline !== null && headline.endsWith(reason)
  const retry = (failure: Failure) => (
    // Sent again, so priced again: the button says what the retry costs before it is pressed.
    <Button secondary aria-label={`Retry ${failure.label}`} onClick={() => onRetry(failure.taskId)}>
      {failure.cost ? `Retry · ${formatEstimateShort(failure.cost)}` : 'Retry'}
    </Button>
  )
  return (
    <div class="field" role="status">
      <Muted>
        {parts.join(' · ')}.
        {outcome.fellBack && ' A target layer was deleted, locked or has no area, so the image went on a new layer.'}
        {droppedLines(outcome.dropped).map((line) => ` ${line}`)}
      </Muted>
      <FullSizeNotes outcome={outcome} />
      {outcome.layers.length > 0 && <PlacedList layers={outcome.layers} />}
      {outcome.notes.map((note) => (
        <Muted key={note.name}>
          {note.keptPercent === 0
            ? `“${note.name}” was left out: it did not fit in the 4.5 MB request.`
            : `“${note.name}” was sent at ${note.to.width}×${note.to.height} instead of ${note.from.width}×${note.from.height} (${note.keptPercent}% of the pixels) to fit the 4.5 MB request.`}
        </Muted>
      ))}
      {saidAbove ? (
        <ul class="alert message tasks" aria-label="Not placed">
          {outcome.failures.map((failure) => (
            <li key={failure.taskId}>
              <span class="grow">
                {failure.label}
                {failure.note && (
                  <>
                    <br />
                    <span class="detail">{failure.note}</span>
                  </>
                )}
              </span>
              {retry(failure)}
            </li>
          ))}
        </ul>
      ) : (
        outcome.failures.map((failure) => (
          <div class="alert message" key={failure.taskId}>
            <MessageText text={`${failure.label}: ${failure.message}`} />
            {failure.note && <span>{failure.note}</span>}
            <div class="buttons">{retry(failure)}</div>
          </div>
        ))
      )}
    </div>
  )
}
