import type { GenerationSettings, Placement, SelectedLayer } from '../../common/domain'
import { nearestAspectRatio } from '../aspect-ratios'
import { sizesOffered } from '../models'
import { type CostEstimate, addEstimates, estimateCost } from '../pricing'
import { type Roles, layersWithRole } from '../selection/roles'
import { layerNameFromPrompt } from './layer-name'
import type { TaskSpec } from './task-spec'
import { referenceExport, refineExport, sizeCovering, upscaleExport, upscaleTarget } from './source-sizes'

/** Said to the model when the designer upscales without a prompt of their own. */
export const UPSCALE_PROMPT =
  'Upscale this image: keep its content, composition, colours and text exactly as they are, and add fine, sharp detail.'

let counter = 0
const taskId = () => `task-${Date.now().toString(36)}-${++counter}`

/** Text to image: one request; the images fill the selection or go on new layers. */
export function planGenerate(prompt: string, settings: GenerationSettings, placement: Placement, selection: SelectedLayer[]): TaskSpec[] {
  const fillable = selection.filter((layer) => layer.fillable)
  return [
    {
      id: taskId(),
      label: layerNameFromPrompt(prompt),
      prompt,
      settings,
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
export function planRefine(prompt: string, settings: GenerationSettings, selection: SelectedLayer[], roles: Roles, batch: boolean): TaskSpec[] {
  const inputs = layersWithRole(selection, roles, 'input')
  const references = layersWithRole(selection, roles, 'reference').map((layer) => ({ layer, constraint: referenceExport(layer) }))
  const groups = batch ? inputs.map((layer) => [layer]) : inputs.length > 0 ? [inputs] : []
  return groups.map((group) => {
    const source = group[0]
    return {
      id: taskId(),
      label: source.name,
      prompt,
      settings: { ...settings, aspectRatio: nearestAspectRatio(source.width, source.height) },
      inputs: group.map((layer) => ({ layer, constraint: refineExport(layer) })),
      references,
      placement: 'new-layer',
      targetIds: [source.id],
      size: { width: source.width, height: source.height },
      name: `${source.name} · Riverflow`,
      reveal: groups.length === 1,
    }
  })
}

/**
 * Upscale each input frame by `factor`: the input goes at the target pixel size
 * (refSR answers at the input's size), the references add detail, and the
 * sharper image lands beside its frame at the frame's canvas size.
 */
export function planUpscale(prompt: string, settings: GenerationSettings, selection: SelectedLayer[], roles: Roles, factor: 2 | 4): TaskSpec[] {
  const inputs = layersWithRole(selection, roles, 'input')
  const references = layersWithRole(selection, roles, 'reference').map((layer) => ({ layer, constraint: referenceExport(layer) }))
  const ownPrompt = prompt.trim() !== ''
  const offered = sizesOffered(settings.model)
  return inputs.map((layer) => {
    const target = upscaleTarget(layer, factor)
    return {
      id: taskId(),
      label: `${layer.name} ${factor}×`,
      prompt: ownPrompt ? prompt : UPSCALE_PROMPT,
      settings: {
        ...settings,
        aspectRatio: nearestAspectRatio(layer.width, layer.height),
        imageSize: sizeCovering(Math.max(target.width, target.height), offered),
        // The frame's text is already in its pixels; font inputs (billed, and needing their
        // text in the prompt) go only with a prompt of the designer's own.
        fontInputs: ownPrompt ? settings.fontInputs : [],
      },
      inputs: [{ layer, constraint: upscaleExport(layer, factor) }],
      references,
      placement: 'new-layer',
      targetIds: [layer.id],
      size: { width: layer.width, height: layer.height },
      name: `${layer.name} @${factor}x`,
      reveal: inputs.length === 1,
    }
  })
}

/**
 * Each task `takes` times, as requests of their own: the takes of a task go
 * in one row on new layers beside its target (filling one layer with several
 * takes would keep only the last), and the first take alone is revealed.
 */
export function withTakes(tasks: TaskSpec[], takes: number): TaskSpec[] {
  if (takes <= 1) return tasks
  return tasks.flatMap((task) =>
    Array.from({ length: takes }, (_, i) => ({
      ...task,
      id: taskId(),
      row: task.id,
      label: `${task.label} · take ${i + 1}`,
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
    const cost = estimateCost(task.settings, task.inputs.length > 0 ? task.references.length : 0)
    if (cost === null) return null
    total = total ? addEstimates(total, cost) : cost
  }
  return total ?? { kind: 'fixed', usd: 0 }
}
