import { assertNever } from '../../common/assert-never'
import type { ShrinkNote } from '../encoding/request-budget'

/** What the last job did, for the lines under the Generate button. */
export interface JobOutcome {
  placed: number
  /** What each placed image is on, to find it on the canvas. */
  layers: PlacedLayers[]
  cost: number | null
  /** Images that came back larger than Figma takes and were scaled down. */
  shrunk: ShrunkImage[]
  /** Images that came back larger than Figma takes and went on the canvas in tiles (Keep full resolution). */
  tiled: TiledNote[]
  /** Frames sent smaller than wanted to fit the request cap. */
  notes: ShrinkNote[]
  /** What the road taken could not carry (the Image API: fonts, refSR…), named once each. */
  dropped: string[]
  /** A fill target was gone or locked, so the image went on a new layer instead. */
  fellBack: boolean
  /** Frames of a batch, or takes, that failed, with why; each can be retried by its task id. */
  failures: Failure[]
}

export interface ShrunkImage {
  /** The pixel sizes, as `5120×2880`. */
  from: string
  to: string
  /** Its original in the session's full-size store, for "Download full size". */
  fullSizeId: string | null
  /** Why it was not cut into tiles though Keep full resolution was on; null when it was off. */
  tilesProblem: string | null
}

export interface TiledNote {
  size: string
  tiles: number
  fullSizeId: string
  /** It was to fill layers: tiles can only go on a new layer. */
  insteadOfFill: boolean
  /** False when Figma did not place the group: it waits with the kept images. */
  placed: boolean
}

export interface PlacedLayers {
  nodeIds: string[]
  name: string
}

export interface Failure {
  taskId: string
  label: string
  message: string
}

/** What happens in a job that the outcome tells of. */
export type OutcomeEvent =
  | { type: 'job-started' }
  | { type: 'task-done'; cost: number | null; notes: ShrinkNote[]; dropped?: string[] }
  | ({ type: 'take-shrunk' } & ShrunkImage)
  | ({ type: 'take-tiled' } & TiledNote)
  | { type: 'take-placed'; fellBack: boolean; layers: PlacedLayers }
  /** Every task has settled; `failures` in the order of the tasks. */
  | { type: 'job-finished'; taskCount: number; failures: Failure[] }

const EMPTY: JobOutcome = { placed: 0, layers: [], cost: null, shrunk: [], tiled: [], notes: [], dropped: [], fellBack: false, failures: [] }

/**
 * The outcome after one more event. Null until a job starts, and when a job of
 * one task failed: its error says it all.
 */
export function reduceOutcome(outcome: JobOutcome | null, event: OutcomeEvent): JobOutcome | null {
  if (event.type === 'job-started') return EMPTY
  if (!outcome) return outcome
  switch (event.type) {
    case 'task-done':
      return {
        ...outcome,
        // The sum of the costs the answers gave; null while none gave one.
        cost: event.cost === null ? outcome.cost : (outcome.cost ?? 0) + event.cost,
        notes: [...outcome.notes, ...event.notes],
        dropped: [...new Set([...outcome.dropped, ...(event.dropped ?? [])])],
      }
    case 'take-shrunk': {
      const { type: _, ...shrunk } = event
      return { ...outcome, shrunk: [...outcome.shrunk, shrunk] }
    }
    case 'take-tiled': {
      const { type: _, ...tiled } = event
      return { ...outcome, tiled: [...outcome.tiled, tiled] }
    }
    case 'take-placed':
      return { ...outcome, placed: outcome.placed + 1, layers: [...outcome.layers, event.layers], fellBack: outcome.fellBack || event.fellBack }
    case 'job-finished':
      if (event.taskCount === 1 && event.failures.length === 1) return null
      return { ...outcome, failures: event.failures }
    default:
      return assertNever(event, 'outcome event')
  }
}
