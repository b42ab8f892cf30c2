import { Checkbox, Inline, Muted, Text } from '@create-figma-plugin/ui'
import { SelectField } from '../components/SelectField'

interface BatchChoiceProps {
  inputCount: number
  eachOnItsOwn: boolean
  concurrency: number
  onEachOnItsOwnChange: (eachOnItsOwn: boolean) => void
  onConcurrencyChange: (concurrency: number) => void
}

const CONCURRENCIES = [1, 2, 3, 4, 5, 6].map((n) => ({ value: String(n), label: String(n) }))

/** Several input frames: one request each, so many at a time, or all of them in one request. */
export function BatchChoice(props: BatchChoiceProps) {
  if (props.inputCount < 2) return <Muted>The result goes beside the input frame, at its size on the canvas.</Muted>
  return (
    <div class="actions">
      <Checkbox value={props.eachOnItsOwn} onValueChange={props.onEachOnItsOwnChange}>
        <Text>Each frame on its own</Text>
      </Checkbox>
      {props.eachOnItsOwn && (
        <Inline space="extraSmall">
          <SelectField
            label="Requests at a time"
            hideLabel
            class="narrow"
            value={String(props.concurrency)}
            options={CONCURRENCIES}
            onChange={(value) => props.onConcurrencyChange(Number(value))}
          />
          at a time
        </Inline>
      )}
    </div>
  )
}
