import type { AspectRatio, Placement, SavedState } from '../../../common/domain'
import type { SelectedLayer } from '../../../common/selection'
import type { PixelSize } from '../../../common/sizes'
import type { ModelCapabilities } from '../../../common/models'
import { isHexColor } from '../../hex-color'
import { highestUsd } from '../../pricing'
import { findModel, fitSettingsToModel } from '../../models'
import type { ReadyKit } from '../../brand-kit/ready-kit'
import { type Roles, assignRoles, combineNote, layersWithRole, picturesOf, roleProblems } from '../../selection/roles'
import { asCutout, cutoutOrder, offersTransparency } from './cutout-settings'
import { planGenerate, planRefine, referencesToSend, refineTask, upscaleMade, upscaleReach, upscaleTarget, upscaleTask, withTakes } from './plan-tasks'
import type { LayerToSend, Order, TaskSpec } from './task'
import { type ClickAction, type Offer, type OfferKind, clickAction, eachLayerAction, kitPriceNote, named, promptProblems, withKit } from './offer'
import { areaHint, planAreaActions } from './edit-area/plan-edit-area'
import { expandHint, planExpandActions } from './plan-expand'
import { planFormatsActions } from './plan-formats'
import { planUpscaleWithReferences } from './upscale-with-references'

/** Everything a click on the panel can do for the selection, decided in one place. */
export interface ClickPlan {
  /** Where Generate's image goes: a fill only when a selected layer takes one and shows no image yet. */
  placement: Placement
  fillableCount: number
  /** Selected layers that show an image: Generate goes beside them; replacing them is an offer of its own. */
  imageCount: number
  /** Generate (or ⌘↵ with nothing selected): a new image from the prompt. */
  generate: Offer
  /** Every other action the selection allows, each named, priced and ready to send. */
  offers: Offer[]
  /** Why an action the selection seems to ask for is not offered (a shape over no image, a frame already filled). */
  hints: string[]
}

export interface ClickInput {
  state: SavedState
  selection: SelectedLayer[]
  /** What the designer made of each selected layer for Combine into one (input, reference, unused); the defaults when empty. */
  roles: Roles
  /** The models on offer (the catalog, its cache or the built-in table): each task's model is looked up here. */
  models: readonly ModelCapabilities[]
  /** The file's brand kit, when the designer uses one: every task but a cutout carries it. */
  kit?: ReadyKit | null
  /** The ratio chosen on Expand's action for this selection; never saved. */
  expandTo?: AspectRatio
}

/** More requests than this from one click, and the panel asks once before sending. */
const CONFIRM_ABOVE = 10

const BAD_COLOUR = 'The background colour must be # and six hex digits, such as #F4E9DA.'
const NO_INPUT = 'Mark one of the selected layers as the input to combine the others with.'

export function planClick(input: ClickInput): ClickPlan {
  const { state, selection, kit } = input
  const { prompt, settings } = state
  const model = findModel(input.models, settings.model)
  const order: Order = { prompt, settings, model, keepFullResolution: state.keepFullResolution }
  const fillable = selection.filter((layer) => layer.fillable)
  const images = fillable.filter(showsImage)
  // A layer that shows an image is edited, never painted over unasked: Generate goes beside it.
  // Several takes go side by side on new layers: filling one layer with them would keep only the last.
  const placement: Placement = fillable.length === 0 || images.length > 0 || state.takes > 1 ? 'new-layer' : state.placement
  const generate = offer('generate', 'Generate', withKit(withTakes(planGenerate(order, placement, selection), state.takes), kit), state, settingsProblems(settings))
  return {
    placement,
    fillableCount: fillable.length,
    imageCount: images.length,
    generate,
    offers: [...generateOffers(order, input, fillable, images), ...selectionOffers(input, order)],
    hints: [...areaHint(selection), ...expandHint(selection)],
  }
}

/** Whether a layer shows an image (a photo, or one this plugin placed): edited, not filled. */
export function showsImage(layer: SelectedLayer): boolean {
  return layer.showsImage === true || layer.madeHere
}

/**
 * Whether the panel asks before a click sends: so many requests, or an
 * estimate that may come to more than the designer's spending limit a click
 * (or that cannot be made). Nothing is spent that the designer did not see priced.
 */
export function needsConfirmation(action: ClickAction, spendLimit: number): boolean {
  return action.count > CONFIRM_ABOVE || overSpendLimit(action, spendLimit)
}

/** The most a click may cost is over the limit, or unknown. */
export function overSpendLimit(action: Pick<ClickAction, 'cost' | 'count'>, spendLimit: number): boolean {
  if (action.count === 0) return false
  const most = action.cost && highestUsd(action.cost)
  return most === null || most > spendLimit + 1e-9
}

/** An offer with its tasks priced, and what stops it: the settings' problems, then the prompt's. */
function offer(kind: OfferKind, label: string, tasks: TaskSpec[] | ClickAction, state: SavedState, problems: string[] = [], key: string = kind): Offer {
  const action = Array.isArray(tasks) ? clickAction(key, tasks, state.concurrency) : tasks
  return named(action, { kind, label, problems: [...problems, ...promptProblems(state.prompt, kind, state.settings)] })
}

/**
 * Generate's other forms: several frames that show no image (empty, or
 * holding the designer's layers: `isEmptyFrame` is only the first) each get
 * an image of their own at their own size; the images shown by the
 * selection can be replaced (their fill changes; Restore previous on the
 * layer brings them back).
 */
function generateOffers(order: Order, { state, kit }: ClickInput, fillable: SelectedLayer[], images: SelectedLayer[]): Offer[] {
  const problems = settingsProblems(order.settings)
  const offers: Offer[] = []
  const imageless = fillable.filter((layer) => !showsImage(layer))
  if (imageless.length > 1 && images.length === 0) {
    const placement = state.takes > 1 ? 'new-layer' : 'fill'
    // Each request is named for its frame, as Refine each's are: a failure says which frame to retry.
    const forFrame = (layer: SelectedLayer) => planGenerate(order, placement, [layer]).map((task) => ({ ...task, label: layer.name }))
    const each = eachLayerAction('generate-each', imageless, (layer) => withKit(withTakes(forFrame(layer), state.takes), kit), state.concurrency)
    offers.push(offer('generate-each', `Generate each (${imageless.length})`, each, state, problems))
  }
  if (images.length > 0 && state.takes === 1) {
    const label = images.length === 1 ? 'Replace with a new image' : `Replace the ${images.length} images`
    offers.push(offer('replace', label, withKit(planGenerate(order, 'fill', images), kit), state, problems))
  }
  return offers
}

/**
 * The actions on what is selected, each with the roles it sends: each on its
 * own (Refine, Upscale, Remove background: every picture an input, `picturesOf`),
 * or combined (the designer's roles, else the first an input and the next
 * ones references), so one click does what its name says.
 */
function selectionOffers(input: ClickInput, order: Order): Offer[] {
  const { state, selection, roles, models, kit, expandTo } = input
  // Text and empty frames alone send no picture (`picturesOf`): nothing to refine, upscale, combine or cut out; Generate fills the frames.
  const pictures = picturesOf(selection)
  if (pictures.length === 0) return []
  // What a drawn area asks for is all it asks for: the shape is not an image to refine or upscale.
  const area = planAreaActions(order, selection, kit)
  if (area.length > 0) return area
  const { model } = order
  // The actions on each layer share these: worked out once, as a selection may hold thousands of layers.
  const eachRoles = assignRoles(selection, model, {}, true)
  const inputs = layersWithRole(selection, eachRoles, 'input')
  const references = referencesToSend(selection, eachRoles)
  const count = inputs.length
  const eachProblems = roleProblems(selection, eachRoles, model, true)
  const offers: Offer[] = [
    // Variations of a refine, as of a Generate: each take its own request, in a row beside its image.
    offer('refine-each', count > 1 ? `Refine each (${count})` : 'Refine', refineEach('refine-each', order, inputs, references, state.concurrency, (tasks) => withKit(withTakes(tasks, state.takes), kit)), state, eachProblems),
    ...upscaleOffers(input, order, inputs, references, eachProblems),
    ...planExpandActions(order, selection, expandTo, kit),
    ...planFormatsActions(order, { selection, picked: state.formats, concurrency: state.concurrency, models, kit }),
  ]
  const withReferences = planUpscaleWithReferences(order, selection, models, kit)
  if (withReferences) offers.push(withReferences)
  // Offered once the list has a model that can answer on a transparent background (2.5 and later).
  if (offersTransparency(models)) {
    offers.push(offer('remove-background', 'Remove background', refineEach('remove-background', cutoutOrder(order.settings, models, order.keepFullResolution), inputs, references, state.concurrency, (tasks) => tasks.map(asCutout)), state, eachProblems))
  }
  // Combined with what holds a picture: a key visual and the empty frames of its formats have nothing to combine.
  if (pictures.length > 1) {
    const combined = Object.keys(roles).length > 0 ? roles : assignRoles(selection, model, {}, false)
    const marked = layersWithRole(selection, combined, 'input').length
    const combine = offer('combine', 'Combine into one', withKit(planRefine(order, selection, combined, false), kit), state, marked === 0 ? [NO_INPUT] : roleProblems(selection, combined, model, false))
    offers.push(Object.assign(combine, { note: combineNote(selection, combined, model) ?? undefined }))
  }
  return offers
}

/**
 * Refine each input layer on its own, one request each with the references,
 * made on the click (`eachLayerAction`); `finish` gives a layer's request the kit.
 */
function refineEach(key: string, order: Order, inputs: SelectedLayer[], references: LayerToSend[], concurrency: number, finish = (tasks: TaskSpec[]) => tasks): ClickAction {
  return eachLayerAction(key, inputs, (layer) => finish([refineTask(order, [layer], references, inputs.length === 1)]), concurrency)
}

/**
 * Upscale 2× and 4×, each saying before the press how far it goes where the
 * model cannot make its factor ("Riverflow 2 Fast makes at most 2304×1728
 * here (2.9×, not 4×)"). 4× is not offered for one layer it would land as
 * 2× does: the same request under a bigger name.
 */
function upscaleOffers({ state, models, kit }: ClickInput, order: Order, inputs: SelectedLayer[], references: LayerToSend[], problems: string[]): Offer[] {
  const many = inputs.length > 1
  const [twice, fourTimes] = ([2, 4] as const).map((factor) => {
    const upscale = offer('upscale-each', many ? `Upscale each ${factor}×` : `Upscale ${factor}×`, upscaleEach(`upscale-each-${factor}`, order, inputs, references, factor, state.concurrency, (tasks) => withKit(tasks, kit, 'upscale')), state, problems)
    const reach = many || !upscale.first ? null : reachNote(upscale.first, factor, models, references, kit)
    return Object.assign(upscale, { factor, note: [reach, kitPriceNote(upscale.first?.brandKit, many)].filter(Boolean).join(' ') || undefined })
  })
  const same = !many && twice.first && fourTimes.first && sameSize(upscaleMade(twice.first), upscaleMade(fourTimes.first))
  return same ? [twice] : [twice, fourTimes]
}

/** Where the upscale falls short of its factor (Figma's 4096 px aside), what the model makes, and a model on offer that makes it. */
function reachNote(task: TaskSpec, factor: 2 | 4, models: readonly ModelCapabilities[], references: LayerToSend[], kit: ReadyKit | null | undefined): string | null {
  const layer = task.inputs[0].layer
  const target = upscaleTarget(layer, factor)
  const full = Math.round(Math.min(target.width / layer.width, target.height / layer.height) * 10) / 10
  const reached = upscaleReach(task)
  if (reached >= full) return null
  const made = upscaleMade(task)
  const most = task.settings.imageSize === task.model.sizes[task.model.sizes.length - 1] ? 'at most ' : ''
  const able = models.find((model) => {
    const order = { prompt: task.designerPrompt ?? '', settings: fitSettingsToModel(task.settings, model).settings, model }
    return upscaleReach(withKit([upscaleTask(order, layer, references, factor, false)], kit, 'upscale')[0]) >= full
  })
  const there = full === factor ? `${factor}×` : `${target.width}×${target.height} (${full}×)`
  return `${task.model.label} makes ${most}${made.width}×${made.height} here (${reached}×, not ${factor}×)${able ? `; ${able.label} makes ${there}` : ''}.`
}

function sameSize(a: PixelSize, b: PixelSize): boolean {
  return a.width === b.width && a.height === b.height
}

/** Upscale each input layer by `factor`, one request each, made on the click. */
function upscaleEach(key: string, order: Order, inputs: SelectedLayer[], references: LayerToSend[], factor: 2 | 4, concurrency: number, finish: (tasks: TaskSpec[]) => TaskSpec[]): ClickAction {
  return eachLayerAction(key, inputs, (layer) => finish([upscaleTask(order, layer, references, factor, inputs.length === 1)]), concurrency)
}

/** A solid background needs a colour OpenRouter takes: said at the field, and nothing is sent. */
function settingsProblems(settings: SavedState['settings']): string[] {
  return settings.background === 'solid' && !isHexColor(settings.backgroundColor) ? [BAD_COLOUR] : []
}
