import { Muted } from '@create-figma-plugin/ui'
import type { Placement } from '../../common/domain'
import { RadioField } from '../components/RadioField'

interface PlacementChoiceProps {
  selectedCount: number
  fillableCount: number
  ownImageCount: number
  takes: number
  placement: Placement
  onChange: (placement: Placement) => void
  onReplaceChange: (replace: boolean) => void
}

/** Where a new image goes: a choice only when a selected layer can take it as a fill. */
export function PlacementChoice(props: PlacementChoiceProps) {
  if (props.takes > 1) {
    const where = props.selectedCount === 0 ? 'in the middle of the view' : 'beside the selection'
    return <Muted>The {props.takes} takes go side by side on new layers {where}.</Muted>
  }
  if (props.selectedCount === 0) return <Muted>Nothing selected: the image goes on a new layer in the middle of the view.</Muted>
  if (props.fillableCount === 0) return <Muted>The image goes on a new layer beside the selection.</Muted>
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
