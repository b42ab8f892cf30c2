import { taskRoad } from '../generation/plan/task-road'
import type { TaskSpec } from '../generation/plan/task'
import { ROAD_NAMES, listInWords } from './format'

/**
 * What the request about to go cannot carry on the road chosen for it
 * (choose-road.ts: by what it needs and what each road is known to carry):
 * the panel names it before sending, rather than dropping it quietly.
 */
export function RoadNote({ task }: { task: TaskSpec | undefined }) {
  if (!task) return null
  const { road, dropped } = taskRoad(task)
  if (dropped.length === 0) return null
  return (
    <p class="notice" role="note">
      {task.model.label} goes through {ROAD_NAMES[road]}, which cannot carry the {listInWords(dropped)}: {dropped.length === 1 ? 'it' : 'they'} will not be sent.
    </p>
  )
}
