import { Muted } from '@create-figma-plugin/ui'
import type { Placement } from '../../common/domain'
import type { SelectedLayer } from '../../common/selection'
import { RadioField } from '../components/RadioField'

interface PlacementChoiceProps {
  selection: readonly SelectedLayer[]
  fillableCount: number
  ownImageCount: number
  takes: number
  placement: Placement
  onChange: (placement: Placement) => void
  onReplaceChange: (replace: boolean) => void
}

/** Where a new image goes: a choice only when a selected layer can take it as a fill. */
export function PlacementChoice(props: PlacementChoiceProps) {
  const selectedCount = props.selection.length
  if (props.takes > 1) {
    const where = selectedCount === 0 ? 'in the middle of the view' : 'beside the selection'
    return <Muted>The {props.takes} takes go side by side on new layers {where}.</Muted>
  }
  if (selectedCount === 0) return <Muted>Nothing selected: the image goes on a new layer in the middle of the view.</Muted>
  if (props.fillableCount === 0) return <Muted>{noFillReason(props.selection)}, so the image goes on a new layer beside {selectedCount === 1 ? 'it' : 'the selection'}.</Muted>
  if (props.ownImageCount > 0) {
    // One of our images: another take goes beside it; replacing it is asked for each time.
    return (
      <RadioField<Placement>
        label="Place the image"
        value={props.placement}
        options={[
          { value: 'new-layer', label: 'On a new layer beside it' },
          { value: 'fill', label: props.ownImageCount === 1 ? 'Replace this image' : `Replace these ${props.ownImageCount} images` },
        ]}
        onChange={(placement) => props.onReplaceChange(placement === 'fill')}
      />
    )
  }
  const layers = props.fillableCount === 1 ? 'the selected layer' : `the ${props.fillableCount} selected layers`
  return (
    <RadioField<Placement>
      label="Place the image"
      value={props.placement}
      options={[
        { value: 'fill', label: `As the fill of ${layers}` },
        { value: 'new-layer', label: 'On a new layer beside the selection' },
      ]}
      onChange={props.onChange}
    />
  )
}

/**
 * Why no selected layer takes the image as a fill, said before sending: a
 * fill on a divider line (600×0) would hold a paid image no one can see.
 */
export function noFillReason(selection: readonly SelectedLayer[]): string {
  const thin = selection.find((layer) => layer.width < 1 || layer.height < 1)
  if (thin) return `“${thin.name}” is too thin to show an image (${Math.round(thin.width)}×${Math.round(thin.height)})`
  if (selection.length === 1) return `“${selection[0].name}” takes no image fill (it is text, a group or locked)`
  return 'None of the selected layers takes an image fill (text, groups or locked layers)'
}
