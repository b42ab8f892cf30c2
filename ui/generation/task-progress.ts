import type { ShrinkNote } from '../encoding/request-budget'
import type { RetryNotice } from '../openrouter/client'

export type TaskPhase = 'waiting' | 'exporting' | 'ready' | 'generating' | 'placing' | 'done' | 'failed' | 'cancelled'

/** Where one task of a running job is, for the view; each report is merged into the last. */
export interface TaskProgress {
  phase: TaskPhase
  startedAt?: number
  retry?: RetryNotice | null
  message?: string
  notes?: ShrinkNote[]
  cost?: number | null
}
