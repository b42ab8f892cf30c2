import { Muted } from '@create-figma-plugin/ui'
import type { SelectedLayer } from '../../common/domain'
import { SelectField } from '../components/SelectField'
import type { LayerRole, Roles } from './roles'

interface SelectionPanelProps {
  selection: SelectedLayer[]
  roles: Roles
  thumbnails: Record<string, string>
  onRoleChange: (layerId: string, role: LayerRole) => void
}

const ROLES: { value: LayerRole; label: string }[] = [
  { value: 'input', label: 'Input' },
  { value: 'reference', label: 'Reference' },
  { value: 'unused', label: 'Unused' },
]

/** The selected layers, live, each with what it is for: input, reference (refSR) or unused. */
export function SelectionPanel(props: SelectionPanelProps) {
  return (
    <section class="field" aria-label="Selected layers">
      <span class="field-label">Selected layers</span>
      <ul class="layers">
        {props.selection.map((layer) => (
          <li class="layer" key={layer.id}>
            {props.thumbnails[layer.id] ? <img src={props.thumbnails[layer.id]} alt="" /> : <span class="thumb" aria-hidden="true" />}
            <span class="layer-name" title={layer.name}>
              {layer.name}
              <Muted> {Math.round(layer.width)}×{Math.round(layer.height)}</Muted>
            </span>
            <SelectField<LayerRole>
              label={`Role of ${layer.name}`}
              hideLabel
              class="role"
              value={props.roles[layer.id] ?? 'unused'}
              options={ROLES}
              onChange={(role) => props.onRoleChange(layer.id, role)}
            />
          </li>
        ))}
      </ul>
    </section>
  )
}
