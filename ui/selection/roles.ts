import type { SelectedLayer } from '../../common/domain'
import { type ModelInfo, referenceLimitMessage } from '../models'

/** What a selected layer is for in the next request. */
export type LayerRole = 'input' | 'reference' | 'unused'

export type Roles = Record<string, LayerRole>

/**
 * Roles for the current selection. A layer still selected keeps the role the
 * designer gave it; new layers get the defaults: the first image-like layer is
 * the input, the next ones references while the model takes them (refSR, at
 * most `maxReferences`), the rest unused. Text layers start unused: they are
 * for "Use selected text layer", not pixels to send.
 */
export function assignRoles(selection: readonly SelectedLayer[], model: ModelInfo, previous: Roles = {}): Roles {
  const roles: Roles = {}
  // Counted as they are given: a selection can hold thousands of layers, and this runs on every change of it.
  const counts: Record<LayerRole, number> = { input: 0, reference: 0, unused: 0 }
  const give = (id: string, role: LayerRole) => {
    roles[id] = role
    counts[role]++
  }
  for (const layer of selection) {
    if (previous[layer.id] && !roles[layer.id]) give(layer.id, previous[layer.id])
  }
  for (const layer of selection) {
    if (roles[layer.id]) continue
    if (layer.text) give(layer.id, 'unused')
    else if (counts.input === 0) give(layer.id, 'input')
    else if (counts.reference < model.maxReferences) give(layer.id, 'reference')
    else give(layer.id, 'unused')
  }
  return roles
}

/** Layers in selection order that have `role`. */
export function layersWithRole(selection: readonly SelectedLayer[], roles: Roles, role: LayerRole): SelectedLayer[] {
  return selection.filter((layer) => roles[layer.id] === role)
}

/** What the roles ask of the model that it cannot do, as messages; empty when fine. */
export function roleProblems(selection: readonly SelectedLayer[], roles: Roles, model: ModelInfo, batch: boolean): string[] {
  const inputs = layersWithRole(selection, roles, 'input').length
  const references = layersWithRole(selection, roles, 'reference').length
  const problems: string[] = []
  if (!batch && inputs > model.maxInputImages) {
    problems.push(`${model.label} takes at most ${model.maxInputImages} input images; ${inputs} are marked as input.`)
  }
  if (references > model.maxReferences) problems.push(referenceLimitMessage(model, references, 'marked as reference'))
  if (references > 0 && inputs === 0) problems.push('References only work with an input image: mark one layer as the input.')
  return problems
}
