import { useCallback, useReducer, useRef, useState } from 'preact/hooks'
import type { ModelId } from '../../common/domain'
import { createCanvasEncoder } from '../encoding/canvas-encoder'
import { exportLayerAsync } from '../selection/export-layer'
import { reduceOutcome } from './job-outcome'
import { landTakeAsync } from './land-take'
import { type JobDeps, runJobAsync } from './run-job'
import { jobError, messageOf, suggestionOf } from './job-error'
import type { TaskProgress } from './task-progress'
import type { TaskSpec } from './task-spec'
import { NOTHING_SPENT, addSpend } from './session-spend'
import { useKeptImages } from './use-kept-images'
import { type WaitingNote, waitingNote } from './waiting-note'

export type { JobOutcome } from './job-outcome'
export type { KeptImage } from './use-kept-images'

export interface JobTask {
  id: string
  label: string
  /** One of several takes of a click, rather than a frame of a batch. */
  isTake: boolean
  progress: TaskProgress
}

export interface RunningJob {
  id: string
  startedAt: number
  modelLabel: string
  /** What to expect of the wait (high effort, Pro), or null. */
  waitNote: WaitingNote | null
  tasks: JobTask[]
}

export interface StartOptions {
  key: string
  modelLabel: string
  /** Requests at a time, for a batch. */
  concurrency?: number
  /** An image over 4096 px lands in tiles, every pixel kept (the designer's setting). */
  keepFullResolution?: boolean
}

/** How a job ended, for a caller with no panel to show it (a quick action). */
export interface JobSummary {
  placed: number
  /** Images paid for but not placed: they wait in the panel with Retry and Download. */
  kept: number
  cost: number | null
  /** What went wrong, for the designer; null when every task succeeded. */
  error: string | null
}

let jobCounter = 0

/**
 * Runs a job, what one click starts: one task (one request to OpenRouter), or
 * a batch of one task per frame a few at a time. Tracks each task's progress,
 * places each take (one image of an answer) through the sandbox as it
 * arrives, keeps every success when some fail, and keeps what could not be
 * placed. The prompt and settings live in the caller and are never touched
 * here, so an error loses nothing.
 */
export function useGeneration() {
  const [job, setJob] = useState<RunningJob | null>(null)
  const [error, setError] = useState<string | null>(null)
  // A model the last error suggests instead (a busy free model's paid twin, the free model when credit ran out).
  const [switchTo, setSwitchTo] = useState<ModelId | null>(null)
  const [spent, setSpent] = useState(NOTHING_SPENT)
  const [outcome, dispatch] = useReducer(reduceOutcome, null)
  const { kept, keep, place, retryKept, dismissKept } = useKeptImages(dispatch)
  const controller = useRef<AbortController | null>(null)
  // What the last job ran and with what: a failed task can be retried alone.
  const lastJob = useRef<{ specs: TaskSpec[]; options: StartOptions } | null>(null)

  const start = useCallback(
    /** Resolves when every image is placed or kept; null when a job was already running. */
    async (specs: TaskSpec[], start: StartOptions): Promise<JobSummary | null> => {
      if (controller.current || specs.length === 0) return null
      const abort = new AbortController()
      controller.current = abort
      const jobId = `job-${Date.now().toString(36)}-${++jobCounter}`
      lastJob.current = { specs, options: start }
      const tasks: JobTask[] = specs.map((spec) => ({ id: spec.id, label: spec.label, isTake: spec.row !== undefined, progress: { phase: 'waiting' } }))
      const update = (index: number, progress: TaskProgress) =>
        setJob((current) => {
          if (!current || current.id !== jobId) return current
          const next = [...current.tasks]
          next[index] = { ...next[index], progress: { ...next[index].progress, ...progress } }
          return { ...current, tasks: next }
        })
      setError(null)
      setSwitchTo(null)
      dispatch({ type: 'job-started' })
      setJob({ id: jobId, startedAt: Date.now(), modelLabel: start.modelLabel, waitNote: waitingNote(specs[0].settings), tasks })

      // Placing is not awaited by the job, so the next request need not wait on Figma; the job's end does.
      const placing: Promise<boolean>[] = []
      let notDownloaded = 0
      const deps: JobDeps = {
        connection: { key: start.key },
        exportLayer: exportLayerAsync,
        createEncoder: createCanvasEncoder,
        place: (args, take) => void placing.push(landTakeAsync(args, take, { keepFullResolution: start.keepFullResolution ?? false, dispatch, place })),
        keep: (take) => {
          notDownloaded++
          keep({ message: take.message, image: null, url: take.url, place: null })
        },
      }
      const settled = await runJobAsync(specs, deps, {
        concurrency: start.concurrency ?? 1,
        signal: abort.signal,
        onProgress: update,
        onSettled: (index, task) => {
          if (task.ok) {
            update(index, { phase: 'done', cost: task.value.cost, notes: task.value.notes })
            dispatch({ type: 'task-done', cost: task.value.cost, notes: task.value.notes, dropped: task.value.dropped })
            setSpent((current) => addSpend(current, task.value.cost))
          } else {
            update(index, { phase: task.cancelled ? 'cancelled' : 'failed', message: messageOf(task.error) })
          }
        },
      })

      const placed = (await Promise.all(placing)).filter(Boolean).length
      const failures = settled.flatMap((s, i) => (s.ok ? [] : [{ taskId: specs[i].id, label: specs[i].label, message: messageOf(s.error) }]))
      const error = jobError(settled, failures, tasks.some((task) => task.isTake) ? 'takes' : 'frames')
      dispatch({ type: 'job-finished', taskCount: specs.length, failures })
      setError(error)
      setSwitchTo(suggestionOf(settled))
      controller.current = null
      setJob(null)
      const costs = settled.flatMap((s) => (s.ok && s.value.cost !== null ? [s.value.cost] : []))
      return { placed, kept: placing.length - placed + notDownloaded, cost: costs.length > 0 ? costs.reduce((a, b) => a + b, 0) : null, error }
    },
    [place, keep],
  )

  const cancel = useCallback(() => controller.current?.abort(), [])

  /** Sends one failed task of the last job again, alone; a take lands in its row. */
  const retryTask = useCallback(
    (taskId: string) => {
      const spec = lastJob.current?.specs.find((s) => s.id === taskId)
      if (spec && lastJob.current) void start([spec], lastJob.current.options)
    },
    [start],
  )

  /** Clears the error once the designer took its suggestion. */
  const dismissError = useCallback(() => {
    setError(null)
    setSwitchTo(null)
  }, [])

  return { job, error, switchTo, spent, outcome, kept, start, dismissError, cancel, retryTask, retryKept, dismissKept }
}

export type Generation = ReturnType<typeof useGeneration>
