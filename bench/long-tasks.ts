/**
 * The main thread's long tasks (over 50 ms, the Long Tasks API's threshold),
 * as a page sees them. Both functions are self-contained: the bench page
 * bundles them, and Playwright sends them to the plugin's UI iframe as source
 * text (`frame.evaluate(watchLongTasks)`), so they may use nothing imported.
 */

export interface LongTask {
  /** When it started, in ms since the epoch (comparable with `Date.now()` in any frame). */
  at: number
  ms: number
  /** The API's attribution: "self" for this frame's own work. */
  name: string
}

/** The Long Tasks API reports nothing shorter. */
export const LONG_TASK_THRESHOLD_MS = 50

/** Starts collecting this window's long tasks (once per window; again is a no-op). Throws where the API is missing. */
export function watchLongTasks(): void {
  const scope = window as unknown as { benchLongTasks?: { tasks: LongTask[]; observer: PerformanceObserver } }
  if (scope.benchLongTasks) return
  if (!PerformanceObserver.supportedEntryTypes.includes('longtask')) throw new Error('This browser reports no long tasks')
  const tasks: LongTask[] = []
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push({ at: performance.timeOrigin + entry.startTime, ms: entry.duration, name: entry.name })
  })
  observer.observe({ type: 'longtask' })
  scope.benchLongTasks = { tasks, observer }
}

/**
 * The long tasks that ran, wholly or in part, between `from` and `to` (ms since the
 * epoch), once the last of them has been reported: entries reach the observer a
 * little after the task ends, so this waits 100 ms first.
 */
export async function longTasksBetweenAsync([from, to]: readonly [number, number]): Promise<LongTask[]> {
  const scope = window as unknown as { benchLongTasks?: { tasks: LongTask[]; observer: PerformanceObserver } }
  if (!scope.benchLongTasks) throw new Error('watchLongTasks was not called in this window')
  await new Promise((resolve) => setTimeout(resolve, 100))
  const { tasks, observer } = scope.benchLongTasks
  for (const entry of observer.takeRecords()) tasks.push({ at: performance.timeOrigin + entry.startTime, ms: entry.duration, name: entry.name })
  return tasks.filter((task) => task.at + task.ms >= from && task.at <= to)
}

/** The longest of `tasks` in ms; null when there is none (every task was under the threshold). */
export function longestTaskMs(tasks: readonly LongTask[]): number | null {
  return tasks.length === 0 ? null : Math.max(...tasks.map((task) => task.ms))
}

/** The limit on a main-thread task: past it, a click or a keystroke visibly waits. */
export const RESPONSIVE_TASK_MS = 100

/**
 * The figure's ratio: the longest task over `limitMs` (100 ms unless said). With
 * no long task at all the longest was under 50 ms, so it says 50 ms, as a bound:
 * against a 50 ms limit the ratio is then 1, and any task reported makes it more.
 */
export function longTaskRatio(longest: number | null, limitMs = RESPONSIVE_TASK_MS): { label: string; value: number } {
  return { label: `longest task / ${limitMs} ms`, value: (longest ?? LONG_TASK_THRESHOLD_MS) / limitMs }
}

/** "none over 50 ms" or "87 ms", for a figure's text. */
export function longestTaskText(longest: number | null): string {
  return longest === null ? `none over ${LONG_TASK_THRESHOLD_MS} ms` : `${Math.round(longest)} ms`
}
