import { Inline, Muted } from '@create-figma-plugin/ui'
import { SelectField } from '../components/SelectField'

interface BatchChoiceProps {
  inputCount: number
  /** Several input frames, one request each. */
  batch: boolean
  concurrency: number
  onConcurrencyChange: (concurrency: number) => void
}

const CONCURRENCIES = [1, 2, 3, 4, 5, 6].map((n) => ({ value: String(n), label: String(n) }))

/** Where the results go, and for a batch how many of its requests go at a time. */
export function BatchChoice(props: BatchChoiceProps) {
  if (props.inputCount < 2) return <Muted>The result goes beside the input frame, at its size on the canvas.</Muted>
  if (!props.batch) return <Muted>The inputs go in one request; the result goes beside the first.</Muted>
  return (
    <Inline space="extraSmall">
      <SelectField
        label="Requests at a time"
        hideLabel
        class="narrow"
        value={String(props.concurrency)}
        options={CONCURRENCIES}
        onChange={(value) => props.onConcurrencyChange(Number(value))}
      />
      requests at a time; each result goes beside its frame.
    </Inline>
  )
}
