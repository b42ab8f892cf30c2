import { holdsKey } from '../../../common/api-key'
import type { AspectRatio, GenerationSettings } from '../../../common/domain'
import type { FormatGroup } from '../../../common/formats'
import type { SelectedLayer } from '../../../common/selection'
import { REFERENCE_PRICE } from '../../../common/models'
import { type CostEstimate, addEstimates, formatUsd, timesEstimate } from '../../pricing'
import { type KitUse, applyKit } from './apply-kit'
import type { ReadyKit } from '../../brand-kit/ready-kit'
import { estimatePlanCost } from './plan-tasks'
import type { KitApplied, TaskSpec } from './task'

/** What one button sends, what it will cost, and how many of its requests go at a time. */
export interface ClickAction {
  /** Names the button, so a confirmation finds the same action in the next plan. */
  key: string
  /** What the click sends; one request per layer is made when first read (see `eachLayerAction`). */
  readonly tasks: TaskSpec[]
  /** The first of them, for what the panel says of the click (its size, the brand kit, the road): reading it makes no others. */
  first: TaskSpec | undefined
  /** How many requests the click sends, known without making them. */
  count: number
  /** Null when a request asks for a size its model does not offer. */
  cost: CostEstimate | null
  concurrency: number
}

/** What an offer does, whatever its label says: the panel ranks offers by it. */
export type OfferKind =
  | 'generate'
  | 'generate-each'
  | 'replace'
  | 'refine-each'
  | 'upscale-each'
  | 'upscale-with-references'
  | 'combine'
  | 'remove-background'
  | 'expand'
  | 'edit-area'
  | 'erase'
  | 'formats'

/**
 * One thing the panel offers for the selection, ready to send: a named action
 * with its tasks and price, and why it may not send yet.
 */
export interface Offer extends ClickAction {
  kind: OfferKind
  label: string
  factor?: 2 | 4
  /** Why it may not send, for the designer; empty when it may. */
  problems: string[]
  /** What it will send that the label does not say (which frames are left out), said before sending. */
  note?: string
  /** Settings the press switches to before it can send (a model that takes references), said in its problem. */
  switchTo?: GenerationSettings
  /** Expand to a ratio: the ratio it makes, and those it offers, each with the frame's size, for the choice on the action. */
  ratio?: { value: AspectRatio; options: { value: AspectRatio; label: string }[] }
  /** Every format from a key visual selected alone: the formats picked, and the list to pick from, for the choice on the action. */
  formats?: FormatChoice
  /** Every format from a key visual selected alone: the frames to make beside it first, then the requests for them. */
  makeFrames?: MakeFrames
}

/** The list of formats beside Every format: those picked, and every one offered with its group. */
export interface FormatChoice {
  chosen: string[]
  /** `label` names the format and its size, as its frame is named; `name` and `size` are its two parts, shown apart. */
  options: { value: string; label: string; name: string; size: string; group: FormatGroup }[]
}

/** The frames a click makes before it sends (one undo step with their images), and the requests it then sends for them. */
interface MakeFrames {
  keyVisualId: string
  formats: { name: string; width: number; height: number }[]
  tasksFor: (frames: SelectedLayer[]) => TaskSpec[]
}

/** What each kind needs a prompt for, said once the designer presses it without one. */
const PROMPT_NEEDED: Partial<Record<OfferKind, string>> = {
  generate: 'Write a prompt first: describe the image you want.',
  'generate-each': 'Write a prompt first: describe the image you want.',
  replace: 'Write a prompt first: describe the image you want.',
  'refine-each': 'Write a prompt first: say what to change. Upscale needs none.',
  combine: 'Write a prompt first: say how to combine them.',
  'edit-area': 'Write a prompt first: say what goes in the area. Erase needs none.',
}

/**
 * Why what the designer typed cannot be sent as it is: a key in the prompt,
 * the checks or the text in the brand's font (all are kept in the file, on the
 * layer and in its history, for anyone who opens it: said at once), or no
 * prompt where one is needed (said once the designer tries to send without
 * one, not before: an empty box is where everyone starts).
 */
export function promptProblems(prompt: string, kind: OfferKind, settings?: Pick<GenerationSettings, 'scoringPrompt' | 'fontInputs'>): string[] {
  if (holdsKey(prompt)) return ['The prompt holds an OpenRouter key: take it out. A prompt is kept in the file, where anyone who opens it can read it.']
  if (settings && [settings.scoringPrompt, ...settings.fontInputs.map((font) => font.text)].some(holdsKey)) {
    return ['The checks or the text in your font hold an OpenRouter key: take it out. They are kept in the file, where anyone who opens it can read them.']
  }
  const needed = PROMPT_NEEDED[kind]
  return needed && prompt.trim() === '' ? [needed] : []
}

/** Whether a problem is only the missing prompt: not said until the designer presses. */
export function isPromptProblem(problem: string): boolean {
  return Object.values(PROMPT_NEEDED).includes(problem)
}

/** One request needs no pool; several share it at the designer's pace. */
export function clickAction(key: string, tasks: TaskSpec[], concurrency: number): ClickAction {
  return { key, tasks, first: tasks[0], count: tasks.length, cost: estimatePlanCost(tasks), concurrency: tasks.length > 1 ? concurrency : 1 }
}

/**
 * A click of one request per layer (Refine each, Upscale each, Remove
 * background, Generate each), `tasksOf` making a layer's (its variations).
 * They are made when first read (the click), not at every render: a selection
 * of 5,000 frames would otherwise plan, and keep, 25,000 tasks for a few
 * labels and estimates, a main-thread task of hundreds of milliseconds and
 * their collection after it. The estimate prices one layer of each size: what
 * a layer's requests ask for, and so cost, follows from its size alone. It too
 * is worked out when first read: the panel shows the prices of the main action
 * and those beside it, and the rest only when More is opened, and a selection
 * of thousands of layers in hundreds of sizes plans a request for each size.
 */
export function eachLayerAction(key: string, layers: readonly SelectedLayer[], tasksOf: (layer: SelectedLayer) => TaskSpec[], concurrency: number): ClickAction {
  const [firstLayer, ...rest] = layers
  const firstTasks = firstLayer ? tasksOf(firstLayer) : []
  const count = layers.length * firstTasks.length
  let tasks: TaskSpec[] | null = null
  let cost: CostEstimate | null | undefined
  return {
    key,
    get tasks() {
      return (tasks ??= [...firstTasks, ...rest.flatMap(tasksOf)])
    },
    first: firstTasks[0],
    count,
    get cost() {
      if (cost === undefined) cost = estimateEachLayer(layers, tasksOf)
      return cost
    },
    concurrency: count > 1 ? concurrency : 1,
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
  // Layers of different sizes mostly ask for the same requests (a tier model's size and ratio): each
  // such set of requests is priced once. The layers of one action differ in nothing else.
  const byRequests = new Map<string, CostEstimate | null>()
  const priceOf = (tasks: TaskSpec[]) => {
    const key = tasks.map(requestKey).join(';')
    if (!byRequests.has(key)) byRequests.set(key, estimatePlanCost(tasks))
    return byRequests.get(key)!
  }
  let total: CostEstimate | undefined
  for (const byHeight of sizes.values()) {
    for (const { layer, count } of byHeight.values()) {
      const cost = priceOf(tasksOf(layer))
      if (cost === null) return null
      const all = timesEstimate(cost, count)
      total = total ? addEstimates(total, all) : all
    }
  }
  return total ?? { kind: 'fixed', usd: 0 }
}

/** What prices a planned request, as far as it can differ between the layers of one action. */
function requestKey(task: TaskSpec): string {
  const { settings, exactSize } = task
  return `${task.model.id} ${settings.imageSize} ${settings.aspectRatio} ${exactSize ? `${exactSize.width}x${exactSize.height}` : ''} ${task.inputs.length} ${task.references.length}`
}

/** An offer made of an action: put on the action itself, since spreading it would read, and so make, an each-layer action's tasks. */
export function named(action: ClickAction, what: Omit<Offer, keyof ClickAction>): Offer {
  return Object.assign(action, what)
}

/** The tasks with the brand kit, when there is one. A cutout takes none: it keeps what the frame shows. */
export function withKit(tasks: TaskSpec[], kit: ReadyKit | null | undefined, use: KitUse = 'images'): TaskSpec[] {
  return kit ? tasks.map((task) => applyKit(task, kit, use)) : tasks
}

/**
 * What an upscale's price holds beyond the image: the kit's references, each
 * priced. Said on the offer, since the kit's line speaks of the main action
 * only and Upscale 2× would otherwise cost many times Refine unexplained.
 */
export function kitPriceNote(applied: KitApplied | undefined, eachRequest: boolean): string | null {
  const n = applied?.paidReferences ?? 0
  if (n === 0) return null
  const each = eachRequest ? ' in each request' : ''
  return n === 1
    ? `The price includes the brand kit’s reference${each}, ${formatUsd(REFERENCE_PRICE)}.`
    : `The price includes the brand kit’s ${n} references${each}, ${formatUsd(REFERENCE_PRICE)} each.`
}
