let counter = 0

/**
 * A new id for something of this panel's own (a task, a job, a kept image):
 * unique in this session, and the time in it keeps ids from an earlier run of
 * the panel (in the history, in kept images) from being met again.
 */
export function nextId(what: 'task' | 'area' | 'expand' | 'job' | 'kept'): string {
  return `${what}-${Date.now().toString(36)}-${++counter}`
}
