import { useMemo, useState } from 'preact/hooks'
import type { SelectedLayer } from '../../common/selection'
import type { ModelCapabilities } from '../models'
import { type LayerRole, type Roles, assignRoles } from './roles'

/**
 * The part of each selected layer in Combine into one: the one the designer
 * gave it, else the default (the first image-like layer the picture, the next
 * ones references while the model takes them). A layer still selected keeps
 * the part it was given; a new selection starts from the defaults.
 *
 * Worked out while rendering, not in an effect: an effect would draw the
 * panel, and plan every click, once with the old roles and again with the
 * new ones, which a selection of thousands of layers makes slow.
 */
export function useRoles(selection: readonly SelectedLayer[], model: ModelCapabilities) {
  const [given, setGiven] = useState<Roles>(NONE)
  // The model's limits are all the defaults depend on; its object may be rebuilt on any render.
  const { maxReferences, maxInputImages } = model
  const roles = useMemo(() => assignRoles(selection, { maxReferences, maxInputImages }, given, false), [selection, maxReferences, maxInputImages, given])
  // Every role shown is kept with the one changed: giving Frame 2 the picture must not move Frame 1's.
  const setRole = (layerId: string, role: LayerRole) => setGiven({ ...roles, [layerId]: role })
  return [roles, setRole] as const
}

const NONE: Roles = {}
