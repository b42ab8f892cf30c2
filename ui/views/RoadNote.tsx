import { taskRoad } from '../generation/plan/plan-tasks'
import type { TaskSpec } from '../generation/plan/task'
import { droppedInWords } from './format'

/**
 * What the request about to go cannot carry the way OpenRouter serves its
 * model (choose-road.ts): the panel names it before sending, rather than
 * dropping it quietly, in the designer's words, not the API's.
 */
export function RoadNote({ task }: { task: TaskSpec | undefined }) {
  if (!task) return null
  const { dropped } = taskRoad(task)
  if (dropped.length === 0) return null
  return (
    <p class="notice" role="note">
      Not sent with {task.model.label}: the {droppedInWords(dropped)}. OpenRouter serves this model in a way that cannot carry {dropped.length === 1 ? 'it' : 'them'}.
    </p>
  )
}
