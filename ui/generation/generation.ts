import type { ModelId, SavedState } from '../../common/domain'
import type { ModelCapabilities } from '../../common/models'
import { createCanvasEncoder } from '../encoding/canvas-encoder'
import { type JobOutcome, type OutcomeEvent, brokenJobError, failureMessage, jobError, reduceOutcome, suggestionOf } from './job-outcome'
import { NOTHING_SPENT, type SessionSpend, spendAfterTask } from './session-spend'
import { type WaitingNote, waitingNote } from './waiting-note'
import type { KeptImage } from './land/kept-images'
import { createLander, retryKeptAsync } from './land/lander'
import type { LanderOptions } from './land/lander-options'
import type { TaskSpec } from './plan/task'
import { estimatePlanCost } from './plan/plan-tasks'
import { type JobContext, runJobAsync } from './run/run-job'
import type { SettledTask, TaskProgress } from './task-types'
import { nextId } from './next-id'
import { type Replan, retriesAsNow } from './retry-plan'
import { exportLayerAsync } from '../selection/export-layer'
import { requestAsync } from '../bridge'

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
  /** What it sends, for the panel's foot to say while it runs: its first request, and how many. */
  sends: { first: TaskSpec; count: number }
  /** What to expect of the wait (high effort, Pro), or null. */
  waitNote: WaitingNote | null
  tasks: JobTask[]
}

export interface StartOptions {
  key: string
  /** The models on offer: a failure may suggest another of them. */
  models: readonly ModelCapabilities[]
  /** Requests at a time, for a batch. */
  concurrency?: number
  /** An image over 4096 px lands in tiles, every pixel kept (the designer's setting). */
  keepFullResolution?: boolean
  /** The click planned again as the panel is now: a failed task's Retry sends its task from there. */
  replan?: Replan
}

/** How a job ended, for a caller with no panel to show it (a quick action). */
export interface JobSummary {
  placed: number
  /** Images paid for but not placed: they wait in the panel with Retry and Download. */
  kept: number
  /** Images placed scaled down to fit Figma: their full-size originals wait in the panel to download. */
  shrunk: number
  cost: number | null
  /** What went wrong, for the designer; null when every task succeeded. */
  error: string | null
}

/** Everything the panel shows of generating: the running job, how the last one went, what is kept, what was spent. */
export interface GenerationState {
  job: RunningJob | null
  error: string | null
  /** A model the last error suggests instead (a busy free model's paid twin, the free model when credit ran out). */
  switchTo: ModelId | null
  spent: SessionSpend
  outcome: JobOutcome | null
  kept: KeptImage[]
  /** Kept images placed by their Retry since the last job started, by label, where no job's outcome counts them. */
  placedFromKept: string[]
}

/** The outside world a job reaches: seams for the tests, the real ones in the panel. */
export type GenerationDeps = Pick<JobContext, 'exportLayer' | 'createEncoder'> & {
  baseUrl?: string
  lander?: LanderOptions['seams']
  /** Ends the undo step a set of formats shared; the sandbox's unless a test gives its own. */
  endUndoStep?: () => Promise<unknown>
}

const IDLE: GenerationState = { job: null, error: null, switchTo: null, spent: NOTHING_SPENT, outcome: null, kept: [], placedFromKept: [] }

/**
 * What generating is, for the whole panel: one job at a time (what one click
 * starts: one task, one request to OpenRouter, or a batch of them a few at a
 * time), its progress, its outcome, the images kept because they could not be
 * placed, and what the session has spent. It lives outside the views, so that
 * no view change, error or remount of the panel loses a running job or a paid
 * image, or lets a second job start beside the first. The prompt and settings
 * live with the caller and are never touched here, so an error loses nothing.
 */
export function createGeneration(deps: GenerationDeps = { exportLayer: exportLayerAsync, createEncoder: createCanvasEncoder }) {
  let state = IDLE
  const listeners = new Set<() => void>()
  let controller: AbortController | null = null
  // What the last job ran and with what: a failed task can be retried alone.
  let lastJob: { specs: TaskSpec[]; options: StartOptions } | null = null
  // Jobs started so far: a kept image's retry tells the outcome only while it is still the one it started under.
  let jobsStarted = 0
  // What a failed task's Retry sends as the panel is now (planRetries), by task id; else the task it sent.
  let retries = new Map<string, TaskSpec>()

  const update = (change: (current: GenerationState) => Partial<GenerationState>) => {
    state = { ...state, ...change(state) }
    for (const listener of listeners) listener()
  }
  const report = (event: OutcomeEvent) => update((s) => ({ outcome: reduceOutcome(s.outcome, event) }))
  const keep = (item: Omit<KeptImage, 'id'>) => update((s) => ({ kept: [...s.kept, { id: nextId('kept'), ...item }] }))

  /**
   * Resolves when every image is placed or kept; null when a job was already running.
   * A retry of one failed task carries the last job's other failures (`carried`), still
   * listed with their Retry, and its tasks (`earlier`), for that Retry to find.
   */
  async function start(planned: TaskSpec[], options: StartOptions, earlier: TaskSpec[] = [], carried: JobOutcome['failures'] = []): Promise<JobSummary | null> {
    if (controller || planned.length === 0) return null
    const abort = new AbortController()
    controller = abort
    jobsStarted++
    const jobId = nextId('job')
    // Task ids of this job's own: a plan drawn once may be sent twice, and the sandbox puts the images of one id side by side.
    // A take sent again (a retry, given the last job's tasks) keeps its click's row: it lands beside the other takes.
    const own = (id: string) => `${jobId}/${id}`
    const retrying = earlier.length > 0
    const specs = planned.map((spec) => ({ ...spec, id: own(spec.id), ...(spec.row !== undefined && !retrying && { row: own(spec.row) }) }))
    lastJob = { specs: [...specs, ...earlier], options }
    const tasks: JobTask[] = specs.map((spec) => ({ id: spec.id, label: spec.label, isTake: spec.row !== undefined, progress: { phase: 'waiting' } }))
    const progress = (index: number, next: Partial<TaskProgress>) =>
      update(({ job }) => {
        if (!job || job.id !== jobId) return {}
        const changed = [...job.tasks]
        changed[index] = { ...changed[index], progress: { ...changed[index].progress, ...next } }
        return { job: { ...job, tasks: changed } }
      })
    // Remove background may go to another model than the one chosen: the job names the one it goes to.
    const job: RunningJob = { id: jobId, startedAt: Date.now(), modelLabel: specs[0].model.label, sends: { first: specs[0], count: specs.length }, waitNote: waitingNote(specs[0]), tasks }
    update((s) => ({ error: null, switchTo: null, job, outcome: reduceOutcome(s.outcome, { type: 'job-started' }), placedFromKept: [] }))
    // The press's own task only draws the running job; its work starts in the next task. Both in one
    // were the longest task of a set of formats on the UI's main thread (bench/results/notes.md).
    await new Promise((resolve) => setTimeout(resolve, 0))

    const lander = createLander({ keepFullResolution: options.keepFullResolution ?? false, report, keep, signal: abort.signal, seams: deps.lander })
    const context: JobContext = { ...deps, connection: { key: options.key, baseUrl: deps.baseUrl }, models: options.models, lander }
    // Every format: the frames and images of the set are one undo step, ended once all of it landed or
    // was kept, and on every other way out (a cancel, a failure, a throw), so no later change joins it.
    const endsStep = specs.some((spec) => spec.formatSet)
    let settled: SettledTask[] = []
    let landed = { placed: 0, kept: 0 }
    let broken: string | null = null
    try {
      settled = await runJobAsync(specs, context, {
        concurrency: options.concurrency ?? 1,
        signal: abort.signal,
        updates: {
          progress,
          settled: (index, task) => {
            const estimate = estimatePlanCost([specs[index]])
            if (task.ok) {
              // Still placing: the task says placed once the sandbox answers for its images (run-job.ts).
              progress(index, { cost: task.value.cost, notes: task.value.notes })
              report({ type: 'task-done', cost: task.value.cost, notes: task.value.notes, dropped: task.value.dropped })
            } else {
              progress(index, { phase: task.cancelled ? 'cancelled' : 'failed', message: failureMessage(task, estimate) })
            }
            update((s) => ({ spent: spendAfterTask(s.spent, task, estimate) }))
          },
        },
      })
      landed = await lander.settledAsync()
    } catch (caught) {
      // Past every net of a task's own (run-job.ts, lander.ts): a defect of ours. The job ends all the same,
      // never left running with every press refused, once the images on their way are placed or kept.
      broken = brokenJobError(caught)
      landed = await lander.settledAsync().catch(() => ({ placed: state.outcome?.placed ?? 0, kept: 0 }))
    } finally {
      if (endsStep) await (deps.endUndoStep ?? endUndoStepAsync)().catch(() => {})
    }
    const failures = settled.flatMap((s, i) => {
      const cost = estimatePlanCost([specs[i]])
      return s.ok ? [] : [{ taskId: specs[i].id, label: specs[i].label, message: failureMessage(s, cost), cost }]
    })
    const error = broken ?? jobError(settled, failures, tasks.some((task) => task.isTake) ? 'variations' : 'frames')
    // The frames still failed from before are listed after this job's own: the outcome tells of them too.
    // A frame of a batch sent again alone that fails again stays listed, under its name, with its Retry.
    report({ type: 'job-finished', taskCount: retrying ? specs.length + earlier.length : specs.length, failures: [...failures, ...carried] })
    // Over before anyone is told: a listener that starts the next job, or throws, finds it over.
    controller = null
    update(() => ({ error, switchTo: suggestionOf(settled), job: null }))
    const costs = settled.flatMap((s) => (s.ok && s.value.cost !== null ? [s.value.cost] : []))
    const shrunk = state.outcome?.shrunk.filter((image) => image.fullSizeId !== null).length ?? 0
    return { placed: landed.placed, kept: landed.kept, shrunk, cost: costs.length > 0 ? costs.reduce((a, b) => a + b, 0) : null, error }
  }

  return {
    getState: () => state,
    /** Calls `listener` after every change; returns the function that stops. */
    subscribe(listener: () => void): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    start,
    cancel: () => controller?.abort(),
    /**
     * Sends one failed task of the last job again, alone, as its row prices it
     * (`planRetries`); a take lands in its row. With the key the panel holds now:
     * the failure may have been the old key's, replaced in Settings since.
     */
    retryTask(taskId: string, key: string) {
      const spec = retries.get(taskId) ?? lastJob?.specs.find((s) => s.id === taskId)
      // The other frames that failed keep their reason and their own Retry while this one is sent again.
      if (spec && lastJob) void start([spec], { ...lastJob.options, key }, lastJob.specs, state.outcome?.failures.filter((failure) => failure.taskId !== taskId))
    },
    /** Prices each failed task's Retry, and plans what it sends, as the panel is `now` (retry-plan.ts). */
    planRetries(now: SavedState, models: readonly ModelCapabilities[]) {
      const failures = state.outcome?.failures ?? []
      if (controller || !lastJob || failures.length === 0) return
      const planned = retriesAsNow(failures, lastJob.specs, lastJob.options.replan?.(now, models) ?? [], now.settings.model)
      retries = planned.tasks
      update((s) => ({ outcome: s.outcome && { ...s.outcome, failures: planned.failures } }))
    },
    /** Clears the error once the designer took its suggestion. */
    dismissError: () => update(() => ({ error: null, switchTo: null })),
    retryKept(item: KeptImage) {
      if (!item.retry) return
      update((s) => ({ kept: s.kept.filter((k) => k.id !== item.id) }))
      // Told in the last job's outcome, never in a job's that runs or starts meanwhile: a job's counts are its own.
      const under = controller === null ? jobsStarted : -1
      const tell = (event: OutcomeEvent) => under === jobsStarted && report(event)
      const label = item.retry.args.label
      void retryKeptAsync(item, { report: tell, keep, seams: deps.lander }).then((placed) => {
        // Placed where no job's outcome tells of it: said on a line of its own, so no image lands unsaid.
        if (placed && under !== jobsStarted) update((s) => ({ placedFromKept: [...s.placedFromKept, label] }))
      })
    },
    dismissKept: (item: KeptImage) => update((s) => ({ kept: s.kept.filter((k) => k.id !== item.id) })),
  }
}

export type GenerationController = ReturnType<typeof createGeneration>

function endUndoStepAsync(): Promise<unknown> {
  return requestAsync('end-undo-step', {})
}
