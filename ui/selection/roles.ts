import type { SelectedLayer } from '../../common/selection'
import { type ModelCapabilities, referenceLimitMessage } from '../models'

/** What a selected layer is for in the next request. */
export type LayerRole = 'input' | 'reference' | 'unused'

export type Roles = Record<string, LayerRole>

/**
 * Roles for the current selection. A layer still selected keeps the role the
 * designer gave it; new layers get the defaults of the batch action. Each on
 * its own ("Refine each", "Upscale each"): every image-like layer is an input.
 * Combined into one: the first image-like layer is the input, the next ones
 * references while the model takes them (refSR, at most `maxReferences`), or
 * on a model without references more inputs (at most `maxInputImages`), the
 * rest unused. Text layers start unused: they are for "Use selected text
 * layer", not pixels to send; so do empty frames (`isEmptyFrame`): they are
 * where new images go.
 */
export function assignRoles(
  selection: readonly SelectedLayer[],
  model: Pick<ModelCapabilities, 'maxReferences' | 'maxInputImages'>,
  previous: Roles = {},
  each = false,
): Roles {
  const roles: Roles = {}
  // Running counts: this runs on every selection change, and counting the
  // roles again for each layer made 5,000 selected layers take seconds.
  let inputs = 0
  let references = 0
  const give = (id: string, role: LayerRole) => {
    roles[id] = role
    if (role === 'input') inputs++
    else if (role === 'reference') references++
  }
  for (const layer of selection) {
    if (previous[layer.id] && !roles[layer.id]) give(layer.id, previous[layer.id])
  }
  for (const layer of selection) {
    if (roles[layer.id]) continue
    if (layer.text || isEmptyFrame(layer)) give(layer.id, 'unused')
    // Combined on a model that takes no references (2.5 and later), the frames are its inputs, as many
    // as it takes: the model combines its input images. The rest are unused, and the action says so.
    else if (each || inputs === 0 || (model.maxReferences === 0 && inputs < model.maxInputImages)) give(layer.id, 'input')
    else if (references < model.maxReferences) give(layer.id, 'reference')
    else give(layer.id, 'unused')
  }
  return roles
}

/**
 * The selected layers an action on pictures sends (Refine, Upscale, Remove
 * background, Combine, Upscale with references): every layer but text and
 * empty frames. Empty frames are where new images go, whether beside a key
 * visual (the frames of its formats) or on their own (Generate fills them):
 * sent, they would be blank exports, paid for. Empty frames alone have no
 * pictures, and the panel offers them Generate and Generate each only.
 */
export function picturesOf(selection: readonly SelectedLayer[]): SelectedLayer[] {
  return selection.filter((layer) => !layer.text && !isEmptyFrame(layer))
}

/**
 * The layers that, with nothing in them, mark where an image goes: a frame, a
 * component or an instance of one, and the rectangle or ellipse a designer
 * draws as a placeholder (Figma places a dropped image in a rectangle; an
 * avatar is a circle). A star, a polygon or a path is a drawing: its outline
 * is the picture, sent as drawn.
 */
const EMPTY_FRAME_TYPES = new Set(['FRAME', 'COMPONENT', 'INSTANCE', 'RECTANGLE', 'ELLIPSE'])

/**
 * An empty frame: a place for a new image, not a picture to send. No image
 * fill, no layers of its own, no image this plugin made. Its own fill, a
 * solid colour or a gradient, and its stroke or shadow do not make it a
 * picture: exported, it is a blank of that colour, and refining, upscaling or
 * cutting out that blank would pay for nothing the designer made. A frame
 * holding the designer's layers (a headline, a layout) is a picture.
 */
export function isEmptyFrame(layer: SelectedLayer): boolean {
  return EMPTY_FRAME_TYPES.has(layer.type) && layer.showsImage !== true && !layer.madeHere && layer.holdsLayers !== true
}

/** Layers in selection order that have `role`. */
export function layersWithRole(selection: readonly SelectedLayer[], roles: Roles, role: LayerRole): SelectedLayer[] {
  return selection.filter((layer) => roles[layer.id] === role)
}

/** What the roles ask of the model that it cannot do, as messages; empty when fine. */
export function roleProblems(selection: readonly SelectedLayer[], roles: Roles, model: ModelCapabilities, batch: boolean): string[] {
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

/**
 * What Combine into one sends, said under the actions before sending: on a
 * model that takes refSR references, which frame is the input and which are
 * references; on any model, which frames are left out and why. Null when
 * every frame goes as an input image.
 */
export function combineNote(selection: readonly SelectedLayer[], roles: Roles, model: ModelCapabilities): string | null {
  const names = (role: LayerRole, among = selection) => layersWithRole(among, roles, role).filter((layer) => !layer.text).map((layer) => `“${layer.name}”`)
  // Empty frames are left out for being empty, not for the model's limit: not named as such.
  const [inputs, references, left] = [names('input'), names('reference'), names('unused', picturesOf(selection))]
  const sent = references.length > 0 ? `Combine: ${joinAnd(inputs)} as the input, ${joinAnd(references)} as ${references.length === 1 ? 'a reference' : 'references'}.` : null
  if (left.length === 0) return sent
  const limit = model.maxReferences > 0 ? `${model.label} takes ${model.maxReferences} references` : `${model.label} takes ${model.maxInputImages} input images`
  const out = `${joinAnd(left, NAMED_LEFT_OUT)} ${left.length === 1 ? 'is' : 'are'} left out: ${limit}.`
  return sent ? `${sent} ${out}` : `Combine: ${out}`
}

/** Frames left out are named up to this many, the rest counted: a selection of thousands made a note of thousands of names. */
const NAMED_LEFT_OUT = 10

function joinAnd(items: readonly string[], max = Infinity): string {
  if (items.length > max) return `${items.slice(0, max).join(', ')} and ${(items.length - max).toLocaleString('en')} more`
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}
