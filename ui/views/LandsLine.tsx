import type { Placement } from '../../common/domain'
import type { SelectedLayer } from '../../common/selection'
import type { Offer } from '../generation/plan/offer'
import { type ClickPlan, showsImage } from '../generation/plan/plan-click'
import { landsLine } from '../generation/plan/propose'
import { RoadNote } from './RoadNote'

interface LandsLineProps {
  offer: Offer
  plan: ClickPlan
  selection: readonly SelectedLayer[]
  /** The designer's choice for a new image with a layer selected that shows none: its fill, or a new layer. */
  placement: Placement
  onPlacement: (placement: Placement) => void
}

/**
 * Where the main action's image lands, in one line, with the one change a
 * designer may want (a new layer rather than the frame's fill); then what it
 * will send that its label does not say, and why an action is not offered.
 */
export function LandsLine({ offer, plan, selection, placement, onPlacement }: LandsLineProps) {
  // No selected layer takes a fill (a 600×0 divider, a text layer): said, so the new layer is no surprise.
  const noFill = offer.kind === 'generate' && offer.count === 1 && selection.length > 0 && plan.fillableCount === 0
  const line = noFill ? `${noFillReason(selection)}, so the image goes on a new layer beside ${selection.length === 1 ? 'it' : 'the selection'}.` : landsLine(offer, selection)
  // The choice exists for Generate on layers that take a fill and show no image yet.
  const choosable = offer.kind === 'generate' && offer.count === 1 && selection.some((layer) => layer.fillable && !showsImage(layer)) && plan.imageCount === 0
  return (
    <div class="field" aria-label="Where it lands">
      {line && (
        <p class="lands">
          {line}{' '}
          {choosable && (
            <button class="link-button" onClick={() => onPlacement(placement === 'fill' ? 'new-layer' : 'fill')}>
              {placement === 'fill' ? 'On a new layer instead' : 'As the fill instead'}
            </button>
          )}
        </p>
      )}
      {offer.note && <p class="muted">{offer.note}</p>}
      <RoadNote task={offer.first} />
      {plan.hints.map((hint) => (
        <p class="muted" key={hint}>
          {hint}
        </p>
      ))}
    </div>
  )
}

/**
 * Why no selected layer takes the image as a fill, said before sending: a
 * fill on a divider line (600×0) would hold a paid image no one can see.
 */
function noFillReason(selection: readonly SelectedLayer[]): string {
  const thin = selection.find((layer) => layer.width < 1 || layer.height < 1)
  if (thin) return `“${thin.name}” is too thin to show an image (${Math.round(thin.width)}×${Math.round(thin.height)})`
  if (selection.length === 1) return `“${selection[0].name}” takes no image fill (it is text, a group or locked)`
  return 'None of the selected layers takes an image fill (text, groups or locked layers)'
}
