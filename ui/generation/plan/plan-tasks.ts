import type { AspectRatio, ExportConstraint, ImageSize, Placement } from '../../../common/domain'
import type { SelectedLayer } from '../../../common/selection'
import { FIGMA_MAX_IMAGE_SIDE, IMAGE_SIZES, type PixelSize, expectedPixelSize, figmaSize, nearestAspectRatio, scaleSize } from '../../../common/sizes'
import { type CostEstimate, addEstimates, estimateCost } from '../../pricing'
import { type Roles, layersWithRole } from '../../selection/roles'
import { covers, fitFrame } from '../../models/frame-size'
import type { LayerToSend, Order, TaskSpec } from './task'
import { nextId } from '../next-id'
import { type RoadChoice, chooseRoad } from '../../openrouter/choose-road'

/** Said to the model when the designer upscales without a prompt of their own. */
export const UPSCALE_PROMPT =
  'Upscale this image: keep its content, composition, colours and text exactly as they are, and add fine, sharp detail.'

/**
 * Fit the frame (on unless the designer chose a tier): the request's size for
 * an image meant for `frame`, and what it pays and crops. `frame` is given
 * whenever there is a frame, so that the panel can offer the choice.
 */
function fittedTo(order: Order, frame: { width: number; height: number } | undefined): Pick<TaskSpec, 'settings' | 'exactSize' | 'frame'> {
  const { settings, model } = order
  if (!frame) return { settings }
  const fitted = fitFrame(model, settings, frame, { keepFullResolution: order.keepFullResolution ?? false })
  if (settings.fitFrame === false) return { settings, frame: fitted }
  const sized = { ...settings, imageSize: fitted.imageSize, aspectRatio: fitted.aspectRatio }
  return { settings: sized, frame: fitted, ...(fitted.exactSize ? { exactSize: fitted.exactSize } : {}) }
}

/** Text to image: one request; the images fill the selection (fitting the first layer) or go on new layers. */
export function planGenerate(order: Order, placement: Placement, selection: SelectedLayer[]): TaskSpec[] {
  const { prompt } = order
  const fillable = selection.filter((layer) => layer.fillable)
  return [
    {
      id: nextId('task'),
      label: layerNameFromPrompt(prompt),
      ...order,
      ...fittedTo(order, placement === 'fill' ? fillable[0] : undefined),
      inputs: [],
      references: [],
      placement,
      targetIds: placement === 'fill' ? fillable.map((l) => l.id) : selection.map((l) => l.id),
      name: layerNameFromPrompt(prompt),
      reveal: true,
    },
  ]
}

/**
 * Image to image: the input frames with the prompt. Together, one request with
 * every input (the result beside the first); in a batch, one request per frame,
 * each result beside its own frame, the same size on the canvas.
 */
export function planRefine(order: Order, selection: SelectedLayer[], roles: Roles, batch: boolean): TaskSpec[] {
  const inputs = layersWithRole(selection, roles, 'input')
  const references = referencesToSend(selection, roles)
  const groups = batch ? inputs.map((layer) => [layer]) : inputs.length > 0 ? [inputs] : []
  return groups.map((group) => refineTask(order, group, references, groups.length === 1))
}

/** One request of a refine: `group`'s frames as its input images, the result beside the first, at its size on the canvas. */
export function refineTask(order: Order, group: SelectedLayer[], references: LayerToSend[], reveal: boolean): TaskSpec {
  const source = group[0]
  return {
    id: nextId('task'),
    label: source.name,
    ...order,
    // Fit the frame, or the designer's tier at the ratio nearest the frame's.
    ...fittedTo({ ...order, settings: { ...order.settings, aspectRatio: nearestAspectRatio(source.width, source.height) } }, source),
    inputs: group.map((layer) => ({ layer, constraint: refineExport(layer) })),
    references,
    fromImages: true,
    placement: 'new-layer',
    targetIds: [source.id],
    size: { width: source.width, height: source.height },
    name: `${source.name} · Riverflow`,
    reveal,
  }
}

/** The layers marked as references, at the size they are sent: every request of a click shares them. */
export function referencesToSend(selection: SelectedLayer[], roles: Roles): LayerToSend[] {
  return layersWithRole(selection, roles, 'reference').map((layer) => ({ layer, constraint: referenceExport(layer) }))
}

/**
 * Upscale each input frame by `factor`: the input goes at the target pixel size
 * (refSR answers at the input's size), the references add detail, and the
 * sharper image lands beside its frame at the frame's canvas size.
 */
export function planUpscale(order: Order, selection: SelectedLayer[], roles: Roles, factor: 2 | 4): TaskSpec[] {
  const inputs = layersWithRole(selection, roles, 'input')
  const references = referencesToSend(selection, roles)
  return inputs.map((layer) => upscaleTask(order, layer, references, factor, inputs.length === 1))
}

/** One request of an upscale: `layer` at `factor` times its size, the result beside it. */
export function upscaleTask(order: Order, layer: SelectedLayer, references: LayerToSend[], factor: 2 | 4, reveal: boolean): TaskSpec {
  const { prompt, settings, model } = order
  const ownPrompt = prompt.trim() !== ''
  const target = upscaleTarget(layer, factor)
  const aspectRatio = nearestAspectRatio(layer.width, layer.height)
  return withReachName({
    id: nextId('task'),
    label: `${layer.name} ${factor}×`,
    model,
    prompt: ownPrompt ? prompt : UPSCALE_PROMPT,
    designerPrompt: ownPrompt ? prompt : '',
    upscale: { factor },
    settings: {
      ...settings,
      aspectRatio,
      imageSize: sizeCovering(aspectRatio, target, model.sizes),
      // The frame's text is already in its pixels; font inputs (billed, and needing their
      // text in the prompt) go only with a prompt of the designer's own.
      fontInputs: ownPrompt ? settings.fontInputs : [],
    },
    inputs: [{ layer, constraint: upscaleExport(layer, factor) }],
    references,
    fromImages: true,
    placement: 'new-layer',
    targetIds: [layer.id],
    size: { width: layer.width, height: layer.height },
    name: layer.name,
    reveal,
  })
}

/**
 * The pixels an upscale comes back with, as Figma holds them: with refSR
 * references the input's (exported at the target size), else the model's for
 * the tier and ratio asked, which may fall short of the factor (2 Fast's 2K
 * is 2304×1728 at 4:3, 2.9× an 800×600 image).
 */
export function upscaleMade(task: TaskSpec): PixelSize {
  const layer = task.inputs[0].layer
  const refSR = task.model.maxReferences > 0 && task.references.length > 0
  const made = refSR ? upscaleTarget(layer, task.upscale?.factor ?? 2) : expectedPixelSize(task.settings.aspectRatio, task.settings.imageSize)
  return figmaSize(made)
}

/** How many times its layer's size an upscale comes to, to a tenth and no more than asked: 2, or 2.9 for a 4× the model cannot make. */
export function upscaleReach(task: TaskSpec): number {
  const layer = task.inputs[0].layer
  const made = upscaleMade(task)
  return Math.round(Math.min(task.upscale?.factor ?? 2, made.width / layer.width, made.height / layer.height) * 10) / 10
}

/** An upscale's layer named for how far it goes ("Shot @2.9x", not "@4x"), once its references (the kit's too) are known. */
export function withReachName(task: TaskSpec): TaskSpec {
  return { ...task, name: `${task.inputs[0].layer.name} @${upscaleReach(task)}x` }
}

/**
 * Each task `takes` times, as requests of their own: the takes of a task go
 * in one row on new layers beside its target (filling one layer with several
 * takes would keep only the last), and the first take alone is revealed. Each
 * layer is named with its take, so that the layers panel tells them apart.
 */
export function withTakes(tasks: TaskSpec[], takes: number): TaskSpec[] {
  if (takes <= 1) return tasks
  return tasks.flatMap((task) =>
    Array.from({ length: takes }, (_, i) => ({
      ...task,
      id: nextId('task'),
      row: task.id,
      label: `${task.label} · variation ${i + 1}`,
      name: `${task.name} · variation ${i + 1}`,
      placement: 'new-layer' as const,
      reveal: task.reveal && i === 0,
    })),
  )
}

/**
 * The price of all the requests of a plan, before sending: fixed only if every
 * request's is, a range if any is billed by use, free if all are; null if one
 * asks for a size its model does not offer.
 */
export function estimatePlanCost(tasks: TaskSpec[]): CostEstimate | null {
  let total: CostEstimate | undefined
  for (const task of tasks) {
    // Priced as the road it will take prices it: that road's record, for the size it will send.
    const lines = taskRoad(task).carries.priceLines
    const cost = estimateCost(task.model, task.settings, task.inputs.length > 0 ? task.references.length : 0, { lines, exactSize: task.exactSize })
    if (cost === null) return null
    total = total ? addEstimates(total, cost) : cost
  }
  return total ?? { kind: 'fixed', usd: 0 }
}

/**
 * Pixel sizes for sending frames. Input images for refining are exported with
 * a long side between 1024 and 2048 px (enough detail for the model, small
 * enough to leave room for references); the request budget shrinks further
 * when it must.
 */
function refineExport(layer: SelectedLayer): ExportConstraint {
  const longSide = Math.max(layer.width, layer.height)
  const target = Math.min(2048, Math.max(1024, longSide))
  return longestSide(layer, target)
}

/** References add detail; more than 2048 px would only crowd the input out of the request. */
function referenceExport(layer: SelectedLayer): ExportConstraint {
  return longestSide(layer, Math.min(2048, Math.max(layer.width, layer.height)))
}

/**
 * An upscale's input is exported at the target pixel size, because refSR answers
 * at the input's size; Figma holds at most 4096 px a side, so that is the ceiling.
 */
export function upscaleTarget(layer: SelectedLayer, factor: number): { width: number; height: number } {
  const scale = Math.min(factor, FIGMA_MAX_IMAGE_SIDE / Math.max(layer.width, layer.height))
  return scaleSize(layer, scale)
}

function upscaleExport(layer: SelectedLayer, factor: number): ExportConstraint {
  return { type: 'WIDTH', value: upscaleTarget(layer, factor).width }
}

/**
 * The output size to ask for: the smallest the model offers whose pixels at `ratio` cover `target`
 * on both sides, as Fit the frame chooses a frame's (`covers`), else its largest. Both sides, since a
 * size's pixels differ by ratio (1K is 1024 px a side at 1:1, 1280×720 at 16:9): by the long side
 * alone, 2× of a 600×600 layer asked 1K and came back 1.7×.
 */
export function sizeCovering(ratio: AspectRatio, target: PixelSize, offered: readonly ImageSize[]): ImageSize {
  return IMAGE_SIZES.find((size) => offered.includes(size) && covers(expectedPixelSize(ratio, size), target)) ?? offered[offered.length - 1]
}

function longestSide(layer: SelectedLayer, target: number): ExportConstraint {
  return layer.width >= layer.height ? { type: 'WIDTH', value: Math.round(target) } : { type: 'HEIGHT', value: Math.round(target) }
}

/** A layer name from the prompt: its first words, short enough for the layers panel. */
export function layerNameFromPrompt(prompt: string, maxLength = 40): string {
  const words = prompt.replace(/\s+/g, ' ').trim()
  if (words === '') return 'Riverflow image'
  if (words.length <= maxLength) return words
  const cut = words.slice(0, maxLength)
  const lastSpace = cut.lastIndexOf(' ')
  return `${(lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,.;:]+$/, '')}…`
}

/** The road a planned task will go on, worked out from the same needs its request will have (road.ts). */
export function taskRoad(task: TaskSpec): RoadChoice {
  const inputs = task.inputs.length
  return chooseRoad(task.model, task.settings, { inputs, references: inputs > 0 ? task.references.length : 0, rubric: task.scoringRubric?.length, exact: task.exactSize !== undefined })
}
