import { SelectField } from '../../components/SelectField'
import { MAX_TAKES } from '../../state/read-saved-state'

const VARIATIONS = Array.from({ length: MAX_TAKES }, (_, i) => ({ value: String(i + 1), label: i === 0 ? '1 image' : `${i + 1} variations, side by side` }))

/** How many variations one Generate makes: one request each, sent together, priced together. */
export function VariationsField(props: { takes: number; onChange: (takes: number) => void }) {
  return <SelectField label="Variations" value={String(props.takes)} options={VARIATIONS} onChange={(value) => props.onChange(Number(value))} />
}
