import { SelectField } from '../components/SelectField'
import { MAX_TAKES } from '../state/read-saved-state'

const TAKES = Array.from({ length: MAX_TAKES }, (_, i) => ({ value: String(i + 1), label: i === 0 ? '1 take' : `${i + 1} takes, side by side` }))

/** How many takes one Generate makes: one request each, sent together, priced together. */
export function TakesField(props: { takes: number; onChange: (takes: number) => void }) {
  return <SelectField label="Takes" value={String(props.takes)} options={TAKES} onChange={(value) => props.onChange(Number(value))} />
}
