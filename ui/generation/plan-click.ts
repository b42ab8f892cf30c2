import type { Placement, SavedState, SelectedLayer, SelectionUse } from '../../common/domain'
import { modelInfo } from '../models'
import { type Roles, layersWithRole, roleProblems } from '../selection/roles'
import { estimatePlanCost, planGenerate, planRefine, planUpscale, withTakes } from './plan-tasks'
import type { TaskSpec } from './task-spec'

/** What one button sends, what it will cost, and how many of its requests go at a time. */
export interface ClickAction {
  tasks: TaskSpec[]
  /** Null when a request asks for a size its model does not offer. */
  cost: number | null
  concurrency: number
}

export interface UpscaleAction extends ClickAction {
  factor: 2 | 4
}

/** Everything the panel shows about what a click will do, decided in one place. */
export interface ClickPlan {
  /** What the selection is for; 'edit' only when something is selected. */
  use: SelectionUse
  /** Where a new image goes: a fill only when a selected layer takes one. */
  placement: Placement
  fillableCount: number
  /** Selected layers that show an image this plugin made: a new take goes beside them unless the designer asks to replace. */
  ownImageCount: number
  inputCount: number
  /** Several input frames, one request each. */
  batch: boolean
  /** Generate (or ⌘↵): a new image, or the input frames refined with the prompt. */
  generate: ClickAction
  /** Upscale 2× and 4×, offered once a selected layer is marked as the input. */
  upscales: UpscaleAction[]
  /** Why no button may run, for the designer; empty when they may. */
  problems: string[]
}

export interface ClickInput {
  state: SavedState
  selection: SelectedLayer[]
  roles: Roles
  /** "Replace this image", chosen for this selection: never saved, so another take is never a replacement by default. */
  replace?: boolean
}

const NO_INPUT = 'Mark one of the selected layers as the input to refine or upscale it.'

export function planClick({ state, selection, roles, replace = false }: ClickInput): ClickPlan {
  const { prompt, settings } = state
  const model = modelInfo(settings.model)
  const fillableCount = selection.filter((layer) => layer.fillable).length
  const inputCount = layersWithRole(selection, roles, 'input').length
  const use: SelectionUse = selection.length > 0 ? state.selectionUse : 'create'
  const refining = use === 'edit' && inputCount > 0
  const batch = refining && inputCount > 1 && state.eachOnItsOwn
  const ownImageCount = selection.filter((layer) => layer.fillable && layer.madeHere).length
  // Several takes go side by side on new layers: filling one layer with them would keep only the last.
  const placement: Placement =
    fillableCount === 0 || state.takes > 1 ? 'new-layer' : ownImageCount > 0 ? (replace ? 'fill' : 'new-layer') : state.placement
  // One request needs no pool; several share it at the designer's pace.
  const action = (tasks: TaskSpec[]): ClickAction => ({
    tasks,
    cost: estimatePlanCost(tasks),
    concurrency: tasks.length > 1 ? state.concurrency : 1,
  })
  return {
    use,
    placement,
    fillableCount,
    ownImageCount,
    inputCount,
    batch,
    generate: action(
      withTakes(refining ? planRefine(prompt, settings, selection, roles, batch) : planGenerate(prompt, settings, placement, selection), state.takes),
    ),
    upscales: refining
      ? ([2, 4] as const).map((factor) => ({ factor, ...action(planUpscale(prompt, settings, selection, roles, factor)) }))
      : [],
    problems: use === 'create' ? [] : refining ? roleProblems(selection, roles, model, batch) : [NO_INPUT],
  }
}
