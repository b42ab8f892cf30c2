/**
 * The types the stages of a generation share (plan/, run/, land/ and the job
 * that ties them, generation.ts): where a task is and how it ended. Here, below
 * all of them, so no stage imports another to name them.
 */
import type { Road } from '../../common/domain'
import type { ShrinkNote } from '../encoding/request-budget'
import type { RetryNotice } from '../openrouter/client'
import type { Settled } from './run/pool'

/** `done`: its images are on the canvas, as the sandbox answered; `kept`: paid for, but one is kept in the panel instead. */
type TaskPhase = 'waiting' | 'exporting' | 'ready' | 'generating' | 'placing' | 'done' | 'kept' | 'failed' | 'cancelled'

/** Where one task of a running job is, for the view; each report is merged into the last. */
export interface TaskProgress {
  phase: TaskPhase
  startedAt?: number
  retry?: RetryNotice | null
  message?: string
  notes?: ShrinkNote[]
  cost?: number | null
}

/** What the designer chose that the road a request took could not carry. */
export interface DroppedOptions {
  road: Road
  options: string[]
}

/** What a task cost, which of its images were sent smaller than wanted, and what the road it took could not carry. */
export interface TaskResult {
  cost: number | null
  notes: ShrinkNote[]
  dropped: DroppedOptions
}

/** How one task of a job ended: its result, or its error and whether it was cancelled. */
export type SettledTask = Settled<TaskResult>

