import type { SelectedLayer } from '../../../common/selection'
import { type CostEstimate, addEstimates, timesEstimate } from '../../pricing'
import { type KitUse, applyKit } from '../../brand-kit/apply-kit'
import type { ReadyKit } from '../../brand-kit/ready-kit'
import { estimatePlanCost } from './plan-tasks'
import type { TaskSpec } from './task'

/** What one button sends, what it will cost, and how many of its requests go at a time. */
export interface ClickAction {
  /** Names the button, so a confirmation finds the same action in the next plan. */
  key: string
  /** What the click sends; one request per layer is made when first read (see `eachLayerAction`). */
  readonly tasks: TaskSpec[]
  /** The first of them, for what the panel says of the click (the frame's size, the brand kit, the road). */
  first: TaskSpec | undefined
  /** Null when a request asks for a size its model does not offer. */
  cost: CostEstimate | null
  concurrency: number
}

/** Said once the designer tries to send without a prompt, not before: an empty box is where everyone starts. */
export const NO_PROMPT = 'Write a prompt first: say how to change the frames. Upscale needs none.'

export function promptProblems(prompt: string): string[] {
  return prompt.trim() === '' ? [NO_PROMPT] : []
}

/** One request needs no pool; several share it at the designer's pace. */
export function clickAction(key: string, tasks: TaskSpec[], concurrency: number): ClickAction {
  return { key, tasks, first: tasks[0], cost: estimatePlanCost(tasks), concurrency: tasks.length > 1 ? concurrency : 1 }
}

/**
 * A click of one request per layer (Refine each, Upscale each, Remove
 * background, Generate over a batch), `tasksOf` making a layer's (its takes).
 * They are made when first read (the click), not at every render: a selection
 * of 5,000 frames would otherwise plan, and keep, 25,000 tasks for a few
 * labels and estimates, a main-thread task of hundreds of milliseconds and
 * their collection after it. The estimate prices one layer of each size: what
 * a layer's requests ask for, and so cost, follows from its size alone.
 */
export function eachLayerAction(key: string, layers: readonly SelectedLayer[], tasksOf: (layer: SelectedLayer) => TaskSpec[], concurrency: number): ClickAction {
  const [firstLayer, ...rest] = layers
  const firstTasks = firstLayer ? tasksOf(firstLayer) : []
  let tasks: TaskSpec[] | null = null
  return {
    key,
    get tasks() {
      return (tasks ??= [...firstTasks, ...rest.flatMap(tasksOf)])
    },
    first: firstTasks[0],
    cost: estimateEachLayer(layers, tasksOf),
    concurrency: layers.length * firstTasks.length > 1 ? concurrency : 1,
  }
}

/** `estimatePlanCost` of every layer's tasks, each size priced once for all the layers of that size. */
function estimateEachLayer(layers: readonly SelectedLayer[], tasksOf: (layer: SelectedLayer) => TaskSpec[]): CostEstimate | null {
  // By width, then height: one layer of each size, and how many share it.
  const sizes = new Map<number, Map<number, { layer: SelectedLayer; count: number }>>()
  for (const layer of layers) {
    let byHeight = sizes.get(layer.width)
    if (!byHeight) sizes.set(layer.width, (byHeight = new Map()))
    const same = byHeight.get(layer.height)
    if (same) same.count++
    else byHeight.set(layer.height, { layer, count: 1 })
  }
  let total: CostEstimate | undefined
  for (const byHeight of sizes.values()) {
    for (const { layer, count } of byHeight.values()) {
      const cost = estimatePlanCost(tasksOf(layer))
      if (cost === null) return null
      const all = timesEstimate(cost, count)
      total = total ? addEstimates(total, all) : all
    }
  }
  return total ?? { kind: 'fixed', usd: 0 }
}

/** The tasks with the brand kit, when there is one. A cutout takes none: it keeps what the frame shows. */
export function withKit(tasks: TaskSpec[], kit: ReadyKit | null | undefined, use: KitUse = 'images'): TaskSpec[] {
  return kit ? tasks.map((task) => applyKit(task, kit, use)) : tasks
}
