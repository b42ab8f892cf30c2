import { assertNever } from '../../common/assert-never'
import { hideKeys } from '../../common/api-key'
import type { ModelId, Road } from '../../common/domain'
import type { ShrinkNote } from '../encoding/request-budget'
import { GenerationError, cancelledError, serverDetail, withMostCharged, withNothingCharged, withSentence } from '../answer/errors'
import { type CostEstimate, formatUsd, highestUsd, roundUsd } from '../pricing'
import type { DroppedOptions, SettledTask } from './task-types'

/** What the last job did, for the lines under the Generate button. */
export interface JobOutcome {
  placed: number
  /** What each placed image is on, to find it on the canvas. */
  layers: PlacedLayers[]
  cost: number | null
  /** Answers that gave no cost: their price is on openrouter.ai/activity only. */
  unpriced: number
  /** Images that came back larger than Figma takes and were scaled down. */
  shrunk: ShrunkImage[]
  /** Images that came back larger than Figma takes and went on the canvas in tiles (Keep full resolution). */
  tiled: TiledNote[]
  /** Frames sent smaller than wanted to fit the request cap. */
  notes: ShrinkNote[]
  /** What each road taken could not carry (fonts, refSR, effort…), named once each. */
  dropped: Partial<Record<Road, string[]>>
  /** A fill target was gone or locked, so the image went on a new layer instead. */
  fellBack: boolean
  /** Frames of a batch, or takes, that failed, with why; each can be retried by its task id. */
  failures: Failure[]
}

interface ShrunkImage {
  /** The pixel sizes, as `5120×2880`. */
  from: string
  to: string
  /** Its original in the session's full-size store, for "Download full size". */
  fullSizeId: string | null
  /** Why it was not cut into tiles though Keep full resolution was on; null when it was off. */
  tilesProblem: string | null
}

interface TiledNote {
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
  /**
   * Its layer's name as the layers panel shows it ("Table shot · Riverflow", a filled frame's own);
   * a take's or a format's task label, which tells it apart (kept-images.ts): "A red fox · variation 2".
   */
  name: string
}

interface Failure {
  taskId: string
  label: string
  message: string
  /** What Retry sends again, priced on its button before it is pressed (null: its size is not offered). */
  cost: CostEstimate | null
  /** What its Retry sends that the designer may not expect (the task as first sent, the prompt as typed since), said in its row. */
  note?: string
}

/** What happens in a job that the outcome tells of. */
export type OutcomeEvent =
  | { type: 'job-started' }
  | { type: 'task-done'; cost: number | null; notes: ShrinkNote[]; dropped?: DroppedOptions }
  | ({ type: 'image-shrunk' } & ShrunkImage)
  | ({ type: 'image-tiled' } & TiledNote)
  | { type: 'image-placed'; fellBack: boolean; layers: PlacedLayers }
  /** Every task has settled; `failures` in the order of the tasks. */
  | { type: 'job-finished'; taskCount: number; failures: Failure[] }

const EMPTY: JobOutcome = { placed: 0, layers: [], cost: null, unpriced: 0, shrunk: [], tiled: [], notes: [], dropped: {}, fellBack: false, failures: [] }

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
        unpriced: outcome.unpriced + (event.cost === null ? 1 : 0),
        notes: [...outcome.notes, ...event.notes],
        dropped: withDropped(outcome.dropped, event.dropped),
      }
    case 'image-shrunk': {
      const { type: _, ...shrunk } = event
      return { ...outcome, shrunk: [...outcome.shrunk, shrunk] }
    }
    case 'image-tiled': {
      const { type: _, ...tiled } = event
      return { ...outcome, tiled: [...outcome.tiled, tiled] }
    }
    case 'image-placed':
      return { ...outcome, placed: outcome.placed + 1, layers: [...outcome.layers, event.layers], fellBack: outcome.fellBack || event.fellBack }
    case 'job-finished':
      if (event.taskCount === 1 && event.failures.length === 1) return null
      return { ...outcome, failures: event.failures }
    default:
      return assertNever(event, 'outcome event')
  }
}

/** Each option named once under the road that dropped it. */
function withDropped(dropped: JobOutcome['dropped'], more: DroppedOptions | undefined): JobOutcome['dropped'] {
  if (!more || more.options.length === 0) return dropped
  return { ...dropped, [more.road]: [...new Set([...(dropped[more.road] ?? []), ...more.options])] }
}

/**
 * A job of one task shows that task's error; a batch says how many failed, its
 * outcome lists them. A cancelled batch says what requests were under way:
 * OpenRouter may still bill those (docs/contracts.md#cancel-and-billing).
 */
export function jobError(settled: SettledTask[], failures: (Pick<Failure, 'message'> & Partial<Pick<Failure, 'cost'>>)[], unit: 'variations' | 'frames'): string | null {
  if (failures.length === 0) return null
  if (settled.length === 1) return failures[0].message
  const cancelled = settled.filter((s) => !s.ok && s.cancelled).length
  if (cancelled > 0) {
    // Frames that failed before the Cancel are listed with their reasons; the cancelled ones did not fail.
    const before = cancelled < failures.length ? ` ${failures.length - cancelled} of the ${unit} had failed before it, listed with why.` : ''
    // Failures are the tasks that did not succeed, in order: each with what its request was priced at.
    const notOk = settled.filter((s) => !s.ok)
    const withOpenRouter = failures.filter((_, i) => isCancelledInFlight(notOk[i]))
    if (withOpenRouter.length === 0) return `Cancelled. What was already done stays on the canvas; the rest was never sent, so nothing more was spent.${before}`
    // A free model charges nothing, even for a request it went on making.
    const inFlight = withOpenRouter.filter((failure) => failure.cost?.kind !== 'free')
    if (inFlight.length === 0) return `Cancelled. What was already done stays on the canvas; the model is free, so nothing was charged.${before}`
    const requests = inFlight.length === 1 ? '1 request was' : `${inFlight.length} requests were`
    const most = mostCharged(inFlight.map((failure) => failure.cost ?? null))
    return `Cancelled. What was already done stays on the canvas. ${requests} already with OpenRouter, which may still charge for ${inFlight.length === 1 ? 'it' : 'them'}${most ? `, up to ${most}` : ''}: check openrouter.ai/activity before trying again.${before}`
  }
  // A reason they all give is said here once, their rows naming them only; one row alone says its own.
  const shared = sharedReason(failures)
  if (failures.length < settled.length) return `${failures.length} of ${settled.length} ${unit} failed; the others were placed.${shared && failures.length > 1 ? ` ${shared}` : ''}`
  return `All ${settled.length} ${unit} failed${shared ? `: ${shared}` : `. The first: ${failures[0].message}`}`
}

/** The reason every failure gives (no credit, a model down); null when they give different ones. */
export function sharedReason(failures: Pick<Failure, 'message'>[]): string | null {
  const [first] = failures
  return first && failures.every((failure) => failure.message === first.message) ? first.message : null
}

/**
 * A job that broke past every task's own net (a defect of ours, never the designer's): what stays and
 * what to do first, then what broke, in brackets for support, as OpenRouter's detail is.
 */
export function brokenJobError(caught: unknown): string {
  const detail = caught instanceof Error ? hideKeys(serverDetail(caught.name, caught.message)) : ''
  return `Something went wrong in the plugin while the images were handled. What was placed stays, and an image not placed is kept below; press again for the rest.${detail}`
}

/**
 * How a task that did not succeed reads: one that Cancel stopped before it started was never sent;
 * one cut off while OpenRouter had it says the most it may still be charged, its `estimate`'s high end,
 * or, on a free model, that nothing was charged.
 */
export function failureMessage(task: Extract<SettledTask, { ok: false }>, estimate: CostEstimate | null = null): string {
  if (task.cancelled && !(task.error instanceof GenerationError)) return cancelledError().message
  const message = messageOf(task.error)
  if (!(task.error instanceof GenerationError && task.error.mayHaveCharged)) return message
  if (estimate?.kind === 'free') return withNothingCharged(message)
  const most = mostCharged([estimate])
  return most ? withMostCharged(message, most) : message
}

function isCancelledInFlight(task: SettledTask | undefined): boolean {
  return task !== undefined && !task.ok && task.error instanceof GenerationError && task.error.kind === 'cancelled-in-flight'
}

/** The most requests cut off may come to, as "$0.04"; null when one has no price or it comes to nothing. */
function mostCharged(estimates: (CostEstimate | null)[]): string | null {
  const highs = estimates.map((estimate) => estimate && highestUsd(estimate))
  if (highs.some((high) => high === null)) return null
  const most = roundUsd(highs.reduce((sum: number, high) => sum + high!, 0))
  return most > 0 ? formatUsd(most) : null
}

/**
 * A failure as the designer reads it: our own messages as they are, with what
 * the answer was billed when it says so, anything else as one plain sentence.
 */
export function messageOf(error: unknown): string {
  if (!(error instanceof GenerationError)) return 'Something went wrong while generating. Try again; your prompt and settings are kept.'
  return error.charged ? withSentence(error.message, `OpenRouter charged ${formatUsd(error.charged)} for this answer.`) : error.message
}

/**
 * The model the job's errors suggest instead, for the panel's one-click switch under its error:
 * a batch's frames each name theirs in their row, and the switch is offered once when every
 * one that names a model names the same. Frames that name different ones (one out of credit,
 * another on a model that is down) have no one model that answers them all: each row says its own.
 */
export function suggestionOf(settled: SettledTask[]): ModelId | null {
  const suggested = new Set(settled.flatMap((task) => (!task.ok && task.error instanceof GenerationError && task.error.suggestedModel ? [task.error.suggestedModel] : [])))
  return suggested.size === 1 ? [...suggested][0] : null
}
