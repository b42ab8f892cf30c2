import type { AspectRatio, Placement, SavedState, SelectionUse } from '../../../common/domain'
import type { SelectedLayer } from '../../../common/selection'
import type { ModelCapabilities } from '../../../common/models'
import { isHexColor } from '../../hex-color'
import { findModel } from '../../models'
import type { ReadyKit } from '../../brand-kit/ready-kit'
import { type Roles, assignRoles, combineNote, layersWithRole, roleProblems } from '../../selection/roles'
import { cutoutOrder, offersTransparency } from './cutout-settings'
import { planGenerate, planRefine, referencesToSend, refineTask, upscaleTask, withTakes } from './plan-tasks'
import type { LayerToSend, Order, TaskSpec } from './task'
import { type ClickAction, clickAction, eachLayerAction, promptProblems, withKit } from './click-action'
import { areaHint, planAreaActions } from './plan-edit-area'
import { expandHint, planExpandActions } from './plan-expand'
import { planUpscaleWithReferences } from './upscale-with-references'

export type { ClickAction } from './click-action'

/**
 * One of the named actions on the selected frames. Pressing it makes the
 * selection what to refine or upscale, each on its own or combined, and sends.
 */
export interface BatchAction extends ClickAction {
  kind: 'refine-each' | 'upscale-each' | 'upscale-with-references' | 'combine' | 'remove-background' | 'expand' | 'edit-area' | 'erase'
  label: string
  factor?: 2 | 4
  /** What the click sets: "What to refine or upscale", each frame on its own or not; a model that can do it. */
  choices: Pick<SavedState, 'selectionUse' | 'eachOnItsOwn'> & Partial<Pick<SavedState, 'settings'>>
  /** Why it may not send, for the designer; empty when it may. */
  problems: string[]
  /** What it will send that the label does not say (which frames are left out), shown under the actions. */
  note?: string
  /** Expand to a ratio: the ratio it makes, and those it offers, each with the frame's size, for the choice on the action. */
  ratio?: { value: AspectRatio; options: { value: AspectRatio; label: string }[] }
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
  /** Refine each, Upscale each (2× and 4×), Combine into one: offered once an image-like layer is selected. */
  batchActions: BatchAction[]
  /** In edit mode, the batch action Generate (⌘↵) stands for: the one whose roles the panel lists. */
  currentAction: string | null
  /** Why Generate may not run, for the designer; empty when it may. */
  problems: string[]
  /** Why an action the selection seems to ask for is not offered (a shape over no image, a frame already filled). */
  hints: string[]
}

export interface ClickInput {
  state: SavedState
  selection: SelectedLayer[]
  roles: Roles
  /** "Replace this image", chosen for this selection: never saved, so another take is never a replacement by default. */
  replace?: boolean
  /** The models on offer (the catalog, its cache or the built-in table): each task's model is looked up here. */
  models: readonly ModelCapabilities[]
  /** The file's brand kit, when the designer uses one: every task but a cutout carries it. */
  kit?: ReadyKit | null
  /** The ratio chosen on Expand's action for this selection; never saved. */
  expandTo?: AspectRatio
}

/** More requests than this from one click, and the panel asks once before sending. */
export const CONFIRM_ABOVE = 10

const BAD_COLOUR = 'The background colour must be # and six hex digits, such as #F4E9DA.'
const NO_INPUT = 'Mark one of the selected layers as the input to refine or upscale it.'
export { NO_PROMPT } from './click-action'

export function planClick(input: ClickInput): ClickPlan {
  const { state, selection, roles, replace = false, models } = input
  const { prompt, settings } = state
  const model = findModel(models, settings.model)
  const order: Order = { prompt, settings, model, keepFullResolution: state.keepFullResolution }
  const fillableCount = selection.filter((layer) => layer.fillable).length
  const inputCount = layersWithRole(selection, roles, 'input').length
  const use: SelectionUse = selection.length > 0 ? state.selectionUse : 'create'
  const refining = use === 'edit' && inputCount > 0
  const batch = refining && inputCount > 1 && state.eachOnItsOwn
  const ownImageCount = selection.filter((layer) => layer.fillable && layer.madeHere).length
  // Several takes go side by side on new layers: filling one layer with them would keep only the last.
  const placement: Placement =
    fillableCount === 0 || state.takes > 1 ? 'new-layer' : ownImageCount > 0 ? (replace ? 'fill' : 'new-layer') : state.placement
  const finish = (tasks: TaskSpec[]) => withKit(withTakes(tasks, state.takes), input.kit)
  const generate = batch
    ? refineEach('generate', order, layersWithRole(selection, roles, 'input'), referencesToSend(selection, roles), state.concurrency, finish)
    : clickAction('generate', finish(refining ? planRefine(order, selection, roles, false) : planGenerate(order, placement, selection)), state.concurrency)
  const batchActions = planBatchActions(input, order)
  return {
    use,
    placement,
    fillableCount,
    ownImageCount,
    inputCount,
    batch,
    generate,
    batchActions,
    currentAction: use !== 'edit' ? null : state.eachOnItsOwn || !batchActions.some((a) => a.kind === 'combine') ? 'refine-each' : 'combine',
    hints: [...areaHint(selection), ...expandHint(selection)],
    problems: [
      ...settingsProblems(settings),
      ...(use === 'create' ? [] : refining ? [...promptProblems(prompt), ...roleProblems(selection, roles, model, batch)] : [NO_INPUT]),
    ],
  }
}

/** Whether a click sends so many requests that the panel asks first. */
export function needsConfirmation(action: ClickAction): boolean {
  return action.tasks.length > CONFIRM_ABOVE
}

/**
 * The named actions, each with the roles it would send: the designer's own
 * when the panel already shows that action's roles, else the action's
 * defaults (each: every image-like layer an input; combined: the first an
 * input, the next ones references), so one click does what its name says.
 */
function planBatchActions({ state, selection, roles, models, kit, expandTo }: ClickInput, order: Order): BatchAction[] {
  const imageLike = selection.filter((layer) => !layer.text).length
  if (imageLike === 0) return []
  const { model } = order
  const rolesFor = (each: boolean) => (state.selectionUse === 'edit' && state.eachOnItsOwn === each ? roles : assignRoles(selection, model, {}, each))
  const eachRoles = rolesFor(true)
  // Each action on its own shares these: worked out once, as a selection may hold thousands of layers.
  const eachInputs = layersWithRole(selection, eachRoles, 'input')
  const eachReferences = referencesToSend(selection, eachRoles)
  const count = eachInputs.length
  const each = { selectionUse: 'edit', eachOnItsOwn: true } as const
  const problems = (given: Roles, batch: boolean, needsPrompt = true) =>
    layersWithRole(selection, given, 'input').length === 0
      ? [NO_INPUT]
      : [...(needsPrompt ? promptProblems(order.prompt) : []), ...roleProblems(selection, given, model, batch)]
  // Upscale and Remove background need no prompt of the designer's: their problems are the same.
  const noPromptProblems = problems(eachRoles, true, false)
  const actions: BatchAction[] = [
    named(refineEach('refine-each', order, eachInputs, eachReferences, state.concurrency, (tasks) => withKit(tasks, kit)), {
      kind: 'refine-each',
      label: count === 1 ? 'Refine' : `Refine each (${count})`,
      choices: each,
      problems: problems(eachRoles, true),
    }),
    ...([2, 4] as const).map((factor) =>
      named(upscaleEach(`upscale-each-${factor}`, order, eachInputs, eachReferences, factor, state.concurrency, (tasks) => withKit(tasks, kit, 'upscale')), {
        kind: 'upscale-each',
        factor,
        label: factor === 2 ? (count === 1 ? 'Upscale 2×' : `Upscale each (${count})`) : '4×',
        choices: each,
        problems: noPromptProblems,
      }),
    ),
  ]
  actions.push(...planExpandActions(order, selection, expandTo, each, kit))
  // What a drawn area asks for comes first: the designer drew it for that.
  actions.unshift(...planAreaActions(order, selection, each, kit))
  const withReferences = planUpscaleWithReferences(order, selection, models, kit)
  if (withReferences) actions.push(withReferences)
  // Offered once the list has a model that can answer on a transparent background (2.5 and later).
  if (offersTransparency(models)) {
    const cutouts = refineEach('remove-background', cutoutOrder(order.settings, models), eachInputs, eachReferences, state.concurrency)
    actions.push(named(cutouts, { kind: 'remove-background', label: 'Remove background', choices: each, problems: noPromptProblems }))
  }
  if (imageLike > 1) {
    const combined = rolesFor(false)
    actions.push({
      kind: 'combine',
      label: 'Combine into one',
      note: combineNote(selection, combined, model) ?? undefined,
      choices: { selectionUse: 'edit', eachOnItsOwn: false },
      problems: problems(combined, false),
      ...clickAction('combine', withKit(planRefine(order, selection, combined, false), kit), state.concurrency),
    })
  }
  return actions
}

/**
 * Refine each input layer on its own, one request each with the references,
 * made on the click (`eachLayerAction`); `finish` gives a layer's request its takes or the kit.
 */
function refineEach(key: string, order: Order, inputs: SelectedLayer[], references: LayerToSend[], concurrency: number, finish = (tasks: TaskSpec[]) => tasks): ClickAction {
  return eachLayerAction(key, inputs, (layer) => finish([refineTask(order, [layer], references, inputs.length === 1)]), concurrency)
}

/** Upscale each input layer by `factor`, one request each, made on the click. */
function upscaleEach(key: string, order: Order, inputs: SelectedLayer[], references: LayerToSend[], factor: 2 | 4, concurrency: number, finish: (tasks: TaskSpec[]) => TaskSpec[]): ClickAction {
  return eachLayerAction(key, inputs, (layer) => finish([upscaleTask(order, layer, references, factor, inputs.length === 1)]), concurrency)
}

/** A batch action's name and choices, put on the action itself: spreading it would read, and so make, an each-layer action's tasks. */
function named(action: ClickAction, what: Omit<BatchAction, keyof ClickAction>): BatchAction {
  return Object.assign(action, what)
}

/** A solid background needs a colour OpenRouter takes: said at the field, and nothing is sent. */
function settingsProblems(settings: SavedState['settings']): string[] {
  return settings.background === 'solid' && !isHexColor(settings.backgroundColor) ? [BAD_COLOUR] : []
}
