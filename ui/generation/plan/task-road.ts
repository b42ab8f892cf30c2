import { type RoadChoice, chooseRoad } from '../../openrouter/choose-road'
import type { TaskSpec } from './task'

/** The road a planned task will go on, worked out from the same needs its request will have (road.ts). */
export function taskRoad(task: TaskSpec): RoadChoice {
  const inputs = task.inputs.length
  return chooseRoad(task.model, task.settings, { inputs, references: inputs > 0 ? task.references.length : 0, rubric: task.scoringRubric?.length, exact: task.exactSize !== undefined })
}
