import type { ModelId } from '../../common/domain'
import { GenerationError } from '../openrouter/errors'
import type { SettledTask } from './run-job'

/** A job of one task shows that task's error; a batch says how many failed, its outcome lists them. */
export function jobError(settled: SettledTask[], failures: { message: string }[], unit: 'takes' | 'frames'): string | null {
  if (failures.length === 0) return null
  if (settled.length === 1) return failures[0].message
  if (settled.every((s) => s.ok || s.cancelled)) return 'Cancelled. What was already done stays on the canvas.'
  return `${failures.length} of ${settled.length} ${unit} failed; the others were placed.`
}

/** A failure as the designer reads it: our own messages as they are, anything else as one plain sentence. */
export function messageOf(error: unknown): string {
  return error instanceof GenerationError ? error.message : 'Something went wrong while generating. Try again; your prompt and settings are kept.'
}

/** A model the error of a one-task job suggests instead, for the panel's one-click switch. */
export function suggestionOf(settled: SettledTask[]): ModelId | null {
  const only = settled.length === 1 ? settled[0] : null
  return only && !only.ok && only.error instanceof GenerationError ? only.error.suggestedModel : null
}
