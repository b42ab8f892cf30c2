import { useMemo, useState } from 'preact/hooks'
import type { SelectedLayer } from '../../common/selection'
import type { ModelCapabilities } from '../models'
import { type LayerRole, type Roles, assignRoles } from './roles'

/**
 * The role of each selected layer: the one it had when the designer last set a role, else the
 * default of the action the panel is set up for (`action`: what to refine,
 * each on its own or combined). A change of action starts again from that
 * action's defaults: what its button promised.
 *
 * Worked out while rendering, not in an effect: an effect would draw the
 * panel, and plan every click, once with the old roles and again with the
 * new ones, which a selection of thousands of layers makes slow.
 */
export function useRoles(selection: readonly SelectedLayer[], model: ModelCapabilities, action: string, each: boolean) {
  const [given, setGiven] = useState<{ action: string; roles: Roles }>({ action, roles: {} })
  const designers = given.action === action ? given.roles : NONE
  // The model's limits are all the defaults depend on; its object may be rebuilt on any render.
  const { maxReferences, maxInputImages } = model
  const roles = useMemo(() => assignRoles(selection, { maxReferences, maxInputImages }, designers, each), [selection, maxReferences, maxInputImages, designers, each])
  // Every role shown is kept with the one changed: giving Frame 2 the input must not move Frame 1's.
  const setRole = (layerId: string, role: LayerRole) => setGiven({ action, roles: { ...roles, [layerId]: role } })
  return [roles, setRole] as const
}

const NONE: Roles = {}
