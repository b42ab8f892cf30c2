import type { TaskSpec } from './plan/task'

/** A line for the wait, and how many seconds in it is worth showing. */
export interface WaitingNote {
  text: string
  afterSeconds: number
}

/**
 * What the designer should expect of the wait. High effort is said at once:
 * it was their choice, and minutes of "Generating…" with no word would look
 * like a hang. Pro is said only once the wait is long enough to wonder.
 */
export function waitingNote({ settings, model }: Pick<TaskSpec, 'settings' | 'model'>): WaitingNote | null {
  const highEffort = settings.effort === 'high' || settings.effort === 'xhigh'
  if (highEffort && model.efforts.includes(settings.effort)) return { text: 'Thorough thinking can take several minutes.', afterSeconds: 0 }
  if (model.tier === 'pro') return { text: 'Pro can take a few minutes.', afterSeconds: 20 }
  return null
}
