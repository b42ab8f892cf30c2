import { Muted } from '@create-figma-plugin/ui'
import type { SelectedLayer } from '../../common/selection'
import { SelectField } from '../components/SelectField'
import type { LayerRole, Roles } from './roles'

interface SelectionPanelProps {
  selection: SelectedLayer[]
  roles: Roles
  thumbnails: Record<string, string>
  onRoleChange: (layerId: string, role: LayerRole) => void
}

const ROLES: { value: LayerRole; label: string }[] = [
  { value: 'input', label: 'Picture' },
  { value: 'reference', label: 'Reference' },
  { value: 'unused', label: 'Left out' },
]

/**
 * Rows drawn at most: a row per layer of a 5,000-layer selection would freeze
 * the panel, and nobody sets roles one by one that far down. The sandbox sends
 * thumbnails for as many.
 */
const LISTED_LAYERS = 50

/** The selected layers, live, each with its part in Combine into one: a picture to combine, a reference (refSR) for detail, or left out. */
export function SelectionPanel(props: SelectionPanelProps) {
  const listed = props.selection.slice(0, LISTED_LAYERS)
  const rest = props.selection.slice(LISTED_LAYERS)
  return (
    <section class="field" aria-label="Selected layers">
      <span class="field-label">Combine into one: each layer’s part</span>
      <ul class="layers">
        {listed.map((layer) => (
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
      {rest.length > 0 && <Muted>{moreLine(rest, props.roles)}</Muted>}
    </section>
  )
}

/** "and 4,950 more: 12 as picture, 4,938 left out", so the roles of the unlisted layers are not a surprise. */
function moreLine(rest: readonly SelectedLayer[], roles: Roles): string {
  const counts = new Map<LayerRole, number>()
  for (const layer of rest) {
    const role = roles[layer.id] ?? 'unused'
    counts.set(role, (counts.get(role) ?? 0) + 1)
  }
  const parts = ROLES.filter(({ value }) => counts.has(value)).map(({ value, label }) =>
    value === 'unused' ? `${counts.get(value)!.toLocaleString('en')} left out` : `${counts.get(value)!.toLocaleString('en')} as ${label.toLowerCase()}`,
  )
  return `and ${rest.length.toLocaleString('en')} more: ${parts.join(', ')}`
}
