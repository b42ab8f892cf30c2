import type { SelectedLayer } from '../../common/domain'
import type { LayerRole, Roles } from './roles'

interface SelectionPanelProps {
  selection: SelectedLayer[]
  roles: Roles
  thumbnails: Record<string, string>
  onRoleChange: (layerId: string, role: LayerRole) => void
}

const ROLE_LABELS: Record<LayerRole, string> = { input: 'Input', reference: 'Reference', unused: 'Unused' }

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
              <span class="muted"> {Math.round(layer.width)}×{Math.round(layer.height)}</span>
            </span>
            <select
              class="select role"
              aria-label={`Role of ${layer.name}`}
              value={props.roles[layer.id] ?? 'unused'}
              onChange={(event) => props.onRoleChange(layer.id, event.currentTarget.value as LayerRole)}
            >
              {(Object.keys(ROLE_LABELS) as LayerRole[]).map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
    </section>
  )
}
