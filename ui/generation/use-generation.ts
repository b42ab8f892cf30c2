import { useCallback, useRef, useState } from 'preact/hooks'
import type { PlaceImageArgs } from '../../plugin/messages'
import { requestAsync } from '../bridge'
import { createCanvasEncoder } from '../encoding/canvas-encoder'
import type { ShrinkNote } from '../encoding/request-budget'
import type { PreparedForFigma } from '../image/prepare-for-figma'
import { GenerationError } from '../openrouter/errors'
import { exportLayerAsync } from '../selection/export-layer'
import type { TaskDeps, TaskProgress, TaskSpec } from './run-task'
import { runTasksAsync } from './run-tasks'

export interface JobTask {
  id: string
  label: string
  progress: TaskProgress
}

export interface RunningJob {
  id: string
  startedAt: number
  modelLabel: string
  tasks: JobTask[]
}

/** What the last finished job did, for the lines under the Generate button. */
export interface JobOutcome {
  placed: number
  cost: number | null
  /** Images that came back larger than Figma takes and were scaled down. */
  shrunk: { from: string; to: string }[]
  /** Frames sent smaller than wanted to fit the request cap. */
  notes: ShrinkNote[]
  /** A fill target was gone or locked, so the image went on a new layer instead. */
  fellBack: boolean
  /** Frames of a batch that failed, with why. */
  failures: { label: string; message: string }[]
}

/**
 * An image that was paid for but is not on the canvas: it stays here, with
 * Retry (place it again, on a new layer) and Download, until dismissed.
 */
export interface KeptImage {
  id: string
  message: string
  image: PreparedForFigma | null
  /** A remote image the plugin could not download, to open in the browser. */
  url: string | null
  place: PlaceImageArgs | null
}

export interface StartOptions {
  key: string
  modelLabel: string
  /** Requests at a time, for a batch. */
  concurrency?: number
}

let jobCounter = 0
let keptCounter = 0
/** Placing one image takes Figma well under a second; past this, keep the image instead of waiting on. */
const PLACE_TIMEOUT_MS = 30_000

/**
 * Runs a job: one request, or a batch of one request per frame a few at a
 * time. Tracks each request's progress, places each image through the sandbox
 * as it arrives, keeps every success when some fail, and keeps what could not
 * be placed. The prompt and settings live in the caller and are never touched
 * here, so an error loses nothing.
 */
export function useGeneration(options: { timeoutMs?: number } = {}) {
  const [job, setJob] = useState<RunningJob | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<JobOutcome | null>(null)
  const [kept, setKept] = useState<KeptImage[]>([])
  const controller = useRef<AbortController | null>(null)

  const placeImage = useCallback(async (args: PlaceImageArgs, image: PreparedForFigma) => {
    try {
      const placed = await requestAsync('place-image', args, {
        timeoutMs: PLACE_TIMEOUT_MS,
        timeoutMessage: 'Figma did not place the image in time. Retry, or download it.',
      })
      const fellBack = args.placement === 'fill' && placed.placement === 'new-layer'
      setOutcome((current) => current && { ...current, placed: current.placed + 1, fellBack: current.fellBack || fellBack })
    } catch (error) {
      const message = error instanceof Error ? error.message : 'Figma could not place the image. Retry, or download it.'
      setKept((current) => [...current, { id: `kept-${++keptCounter}`, message, image, url: null, place: args }])
    }
  }, [])

  const start = useCallback(
    async (specs: TaskSpec[], start: StartOptions) => {
      if (controller.current || specs.length === 0) return
      const abort = new AbortController()
      controller.current = abort
      const jobId = `job-${Date.now().toString(36)}-${++jobCounter}`
      const tasks: JobTask[] = specs.map((spec) => ({ id: spec.id, label: spec.label, progress: { phase: 'waiting' } }))
      const update = (index: number, progress: TaskProgress) =>
        setJob((current) => {
          if (!current || current.id !== jobId) return current
          const next = [...current.tasks]
          next[index] = { ...next[index], progress: { ...next[index].progress, ...progress } }
          return { ...current, tasks: next }
        })
      setError(null)
      const result: JobOutcome = { placed: 0, cost: null, shrunk: [], notes: [], fellBack: false, failures: [] }
      setOutcome(result)
      setJob({ id: jobId, startedAt: Date.now(), modelLabel: start.modelLabel, tasks })

      const deps: TaskDeps = {
        key: start.key,
        exportLayer: exportLayerAsync,
        createEncoder: createCanvasEncoder,
        timeoutMs: options.timeoutMs,
        place: (message, answer) => {
          if (answer.image.shrunk) {
            const shrunk = { from: `${answer.image.originalWidth}×${answer.image.originalHeight}`, to: `${answer.image.width}×${answer.image.height}` }
            setOutcome((current) => current && { ...current, shrunk: [...current.shrunk, shrunk] })
          }
          void placeImage(message, answer.image)
        },
        keep: (answer) =>
          setKept((current) => [...current, { id: `kept-${++keptCounter}`, message: answer.message, image: null, url: answer.url, place: null }]),
      }
      const settled = await runTasksAsync(specs, deps, {
        concurrency: start.concurrency ?? 1,
        signal: abort.signal,
        onProgress: update,
        onSettled: (index, settledTask) => {
          if (settledTask.ok) {
            update(index, { phase: 'done', cost: settledTask.value.cost, notes: settledTask.value.notes })
            setOutcome((current) =>
              current && {
                ...current,
                cost: settledTask.value.cost === null ? current.cost : (current.cost ?? 0) + settledTask.value.cost,
                notes: [...current.notes, ...settledTask.value.notes],
              },
            )
          } else {
            update(index, { phase: settledTask.cancelled ? 'cancelled' : 'failed', message: messageOf(settledTask.error) })
          }
        },
      })

      const failures = settled.flatMap((s, i) => (s.ok ? [] : [{ label: specs[i].label, message: messageOf(s.error) }]))
      if (specs.length === 1 && failures.length === 1) {
        setError(failures[0].message)
        setOutcome(null)
      } else if (failures.length > 0) {
        const cancelled = settled.every((s) => s.ok || s.cancelled)
        setError(cancelled ? 'Cancelled. What was already done stays on the canvas.' : `${failures.length} of ${specs.length} frames failed; the others were placed.`)
        setOutcome((current) => current && { ...current, failures })
      }
      controller.current = null
      setJob(null)
    },
    [options.timeoutMs, placeImage],
  )

  const cancel = useCallback(() => controller.current?.abort(), [])

  /** Places a kept image again, on a new layer in view: its old targets may be what failed. */
  const retryKept = useCallback(
    (item: KeptImage) => {
      if (!item.place || !item.image) return
      setKept((current) => current.filter((k) => k.id !== item.id))
      void placeImage({ ...item.place, placement: 'new-layer', targetIds: [], reveal: true }, item.image)
    },
    [placeImage],
  )

  const dismissKept = useCallback((item: KeptImage) => {
    setKept((current) => current.filter((k) => k.id !== item.id))
  }, [])

  return { job, error, outcome, kept, start, cancel, retryKept, dismissKept }
}

export type Generation = ReturnType<typeof useGeneration>

function messageOf(error: unknown): string {
  return error instanceof GenerationError ? error.message : 'Something went wrong while generating. Try again; your prompt and settings are kept.'
}
