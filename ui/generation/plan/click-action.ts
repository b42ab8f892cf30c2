import type { CostEstimate } from '../../pricing'
import { type KitUse, applyKit } from '../../brand-kit/apply-kit'
import type { ReadyKit } from '../../brand-kit/ready-kit'
import { estimatePlanCost } from './plan-tasks'
import type { TaskSpec } from './task'

/** What one button sends, what it will cost, and how many of its requests go at a time. */
export interface ClickAction {
  /** Names the button, so a confirmation finds the same action in the next plan. */
  key: string
  tasks: TaskSpec[]
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
  return { key, tasks, cost: estimatePlanCost(tasks), concurrency: tasks.length > 1 ? concurrency : 1 }
}

/** The tasks with the brand kit, when there is one. A cutout takes none: it keeps what the frame shows. */
export function withKit(tasks: TaskSpec[], kit: ReadyKit | null | undefined, use: KitUse = 'images'): TaskSpec[] {
  return kit ? tasks.map((task) => applyKit(task, kit, use)) : tasks
}
