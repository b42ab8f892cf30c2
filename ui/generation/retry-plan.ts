import type { ModelId, SavedState } from '../../common/domain'
import type { ModelCapabilities } from '../../common/models'
import type { JobOutcome } from './job-outcome'
import { estimatePlanCost } from './plan/plan-tasks'
import type { TaskSpec } from './plan/task'

/**
 * The tasks a job's click makes with the panel's settings, prompt and model list `now`, on what it
 * was pressed with (the selection, the roles, the brand kit as read): none when it cannot send so.
 */
export type Replan = (now: SavedState, models: readonly ModelCapabilities[]) => TaskSpec[]

type Failures = JobOutcome['failures']

/**
 * What each failed task's Retry sends once the designer switched the model its error named, or
 * changed a setting or the prompt: Retry sends what the panel shows, priced on its row. Its task is
 * the same frame's in the click planned again (`fresh`: task ids are new each plan, so by the frame
 * and the label), landing in its own task's row and set; one the plan no longer makes, or cannot
 * price, is sent as it was (`sent`), its row naming the model when it is not the panel's (`model`).
 */
export function retriesAsNow(failures: Failures, sent: readonly TaskSpec[], fresh: readonly TaskSpec[], model: ModelId): { failures: Failures; tasks: Map<string, TaskSpec> } {
  const tasks = new Map<string, TaskSpec>()
  const priced = failures.map((failure) => {
    const own = sent.find((spec) => spec.id === failure.taskId)
    if (!own) return failure
    const again = fresh.find((task) => task.label === own.label && task.targetIds.join() === own.targetIds.join())
    const cost = again ? estimatePlanCost([again]) : null
    if (!again || !cost) return { ...failure, cost: estimatePlanCost([own]), note: own.model.id === model ? undefined : `Retry sends it as it was first sent, on ${own.model.label}.` }
    tasks.set(failure.taskId, { ...again, id: own.id, row: own.row, formatSet: own.formatSet })
    return { ...failure, cost, note: asWritten(again) === asWritten(own) ? undefined : 'Retry sends the prompt as it is now.' }
  })
  return { failures: priced, tasks }
}

/** The prompt as the designer wrote it, whatever the task wraps it in (an instruction, the brand kit). */
function asWritten(task: TaskSpec): string {
  return task.brandKit?.designerPrompt ?? task.designerPrompt ?? task.prompt
}
