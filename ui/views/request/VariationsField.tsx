import { SelectField } from '../../components/SelectField'
import { MAX_TAKES } from '../../state/read-saved-state'
import type { Offer, OfferKind } from '../../generation/plan/offer'

const VARIATIONS = Array.from({ length: MAX_TAKES }, (_, i) => ({ value: String(i + 1), label: i === 0 ? '1 image' : `${i + 1} variations, side by side` }))

/** The actions that make variations; every other makes one image for each layer it works on. */
const MAKES_VARIATIONS: readonly OfferKind[] = ['generate', 'generate-each', 'refine-each']

/**
 * How many variations a Generate or a Refine makes: one request each, sent together, priced together.
 * Under any other action the field says it makes one image, so a choice here is never quietly ignored.
 */
export function VariationsField(props: { takes: number; action: Offer; onChange: (takes: number) => void }) {
  const ignored = props.takes > 1 && props.action.first !== undefined && !MAKES_VARIATIONS.includes(props.action.kind)
  return (
    <div>
      <SelectField label="Variations" value={String(props.takes)} options={VARIATIONS} onChange={(value) => props.onChange(Number(value))} />
      {ignored && (
        <p class="muted" role="note">
          {props.action.label} makes one image{props.action.count > 1 ? ' for each layer' : ''}; variations are made by Generate and Refine.
        </p>
      )}
    </div>
  )
}
