import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { GenerationSettings } from '../../../../common/domain'
import type { SelectedLayer } from '../../../../common/selection'
import type { PlaceImageArgs } from '../../../../common/messages'
import { planGenerate, planRefine, planUpscale } from '../../../../ui/generation/plan/plan-tasks'
import type { KeptImage } from '../../../../ui/generation/land/kept-images'
import { type Lander, createLander } from '../../../../ui/generation/land/lander'
import type { TaskSpec } from '../../../../ui/generation/plan/task'
import { type JobContext, type RunJobOptions, type TaskUpdates, runJobAsync as runTasksAsync } from '../../../../ui/generation/run/run-job'
import type { TaskProgress } from '../../../../ui/generation/task-types'
import { MODELS, orderOf } from '../../../fixtures/orders'
import { GenerationError } from '../../../../ui/answer/errors'
import { encodePng, readImageInfo } from '../../../images/png'
import { type OpenRouterStandIn, TEST_KEY, startOpenRouterStandIn } from '../../../openrouter-stand-in/server'
import { nodeEncoder } from '../../encoding/node-encoder'
import { DEFAULT_STATE } from '../../../../ui/defaults'

// Batches from the selection to placement messages, against the local OpenRouter stand-in.
// The sandbox's export is stood in by real PNG bytes of the asked size.
let standIn: OpenRouterStandIn
beforeAll(async () => {
  standIn = await startOpenRouterStandIn()
})
afterAll(() => standIn.close())
beforeEach(() => {
  standIn.reset()
  standIn.setLatency(0)
})

const settings: GenerationSettings = { ...DEFAULT_STATE.settings, model: 'sourceful/riverflow-v2-pro', aspectRatio: '1:1', imageSize: '1K' }
const frames: SelectedLayer[] = Array.from({ length: 5 }, (_, i) => ({ id: `f${i}`, name: `Frame ${i}`, type: 'FRAME', width: 400 + i * 10, height: 300, fillable: true, madeHere: false }))
const allInputs = Object.fromEntries(frames.map((f) => [f.id, 'input' as const]))

type TestContext = JobContext & { lander: Lander }

/** Runs the tasks, then waits for their images to land, as the Generation does. */
async function runJobAsync(tasks: readonly TaskSpec[], context: TestContext, options: RunJobOptions) {
  const settled = await runTasksAsync(tasks, context, options)
  await context.lander.settledAsync()
  return settled
}

/** The job's outside world: the stand-in, real PNG exports, and a lander whose sandbox records what it is asked to place. */
function deps(placed: PlaceImageArgs[], kept: Omit<KeptImage, 'id'>[] = []): TestContext {
  const lander = createLander({
    keepFullResolution: false,
    report: () => {},
    keep: (item) => void kept.push(item),
    seams: {
      place: async (args) => {
        placed.push(args)
        return { nodeIds: ['1:1'], placement: args.placement }
      },
    },
  })
  return {
    models: MODELS,
    lander,
    connection: { key: TEST_KEY, baseUrl: standIn.url, backoffMs: 5 },
    exportLayer: async (layerId, constraint) => {
      const frame = frames.concat(reference).find((f) => f.id === layerId)!
      const scale = constraint.type === 'SCALE' ? constraint.value : constraint.type === 'WIDTH' ? constraint.value / frame.width : constraint.value / frame.height
      const width = Math.round(frame.width * scale)
      const height = Math.round(frame.height * scale)
      return { bytes: encodePng(width, height), width, height }
    },
    createEncoder: () => {
      const encode = nodeEncoder()
      return { encode: (source, w, h, format) => encode({ ...source, kind: 'flat', seed: 1 }, w, h, format), dispose: () => {} }
    },
  }
}
const reference: SelectedLayer = { id: 'ref', name: 'Detail', type: 'FRAME', width: 200, height: 200, fillable: true, madeHere: false }

/** Updates nobody reads. */
const QUIET: TaskUpdates = { progress: () => {}, settled: () => {} }

/** A job of one task, as a single click starts it: its one result. */
async function runOneAsync(task: TaskSpec, taskDeps: TestContext) {
  const options: RunJobOptions = { concurrency: 1, signal: new AbortController().signal, updates: QUIET }
  const [result] = await runJobAsync([task], taskDeps, options)
  return result
}

function peakConcurrency(): number {
  const events = standIn.generations().flatMap((r) => [{ t: r.receivedAt, d: 1 }, { t: r.answeredAt ?? Infinity, d: -1 }])
  events.sort((a, b) => a.t - b.t || a.d - b.d)
  let now = 0
  let peak = 0
  for (const e of events) peak = Math.max(peak, (now += e.d))
  return peak
}

describe('the record kept with each image', () => {
  it('says an image was made from other images (a Refine, an Upscale), and not one made from the prompt alone', async () => {
    const placed: PlaceImageArgs[] = []
    await runOneAsync(planRefine(orderOf('Make it night', settings), [frames[0]], { [frames[0].id]: 'input' }, false)[0], deps(placed))
    await runOneAsync(planUpscale(orderOf('', settings), [frames[0]], { [frames[0].id]: 'input' }, 2)[0], deps(placed))
    await runOneAsync(planGenerate(orderOf('A fox', settings), 'new-layer', [])[0], deps(placed))
    expect(placed.map((args) => args.record.fromImages)).toEqual([true, true, undefined])
  })
})

describe('a batch of frames', () => {
  it('runs a few at a time, reports each frame’s progress, and places each result beside its frame', async () => {
    standIn.setLatency(150)
    const placed: PlaceImageArgs[] = []
    const tasks = planRefine(orderOf('Make it night', settings), frames, allInputs, true)
    const phases: string[][] = tasks.map(() => [])
    const results = await runJobAsync(tasks, deps(placed), {
      concurrency: 3,
      signal: new AbortController().signal,
      updates: { progress: (i, p: TaskProgress) => phases[i].push(p.phase), settled: () => {} },
    })
    expect(results.every((r) => r.ok)).toBe(true)
    expect(peakConcurrency()).toBe(3)
    // Placed once the sandbox answered for its image, not when the answer came.
    expect(phases.map((p) => p.join())).toEqual(tasks.map(() => 'exporting,ready,generating,placing,done'))
    expect(placed.map((p) => [p.targetIds[0], p.size, p.reveal, p.name]).sort()).toEqual(
      frames.map((f) => [f.id, { width: f.width, height: f.height }, false, `${f.name} · Riverflow`]),
    )
    // Each request carried its own frame as the input image.
    for (const request of standIn.generations()) {
      const content = (request.body as { messages: { content: { type: string }[] }[] }).messages[0].content
      expect(content.map((c) => c.type)).toEqual(['text', 'image_url'])
    }
  })

  it('exports the next frames while the first requests wait for the model', async () => {
    // Long enough that preparing four frames beats it even on a loaded machine.
    standIn.setLatency(1000)
    const events: string[] = []
    const tasks = planRefine(orderOf('Make it night', settings), frames.slice(0, 4), allInputs, true)
    const base = deps([])
    await runJobAsync(
      tasks,
      {
        ...base,
        exportLayer: (id, constraint) => {
          events.push(`export ${id}`)
          return base.exportLayer(id, constraint)
        },
      },
      {
        concurrency: 2,
        signal: new AbortController().signal,
        updates: {
          progress: (i, p) => {
            if (p.phase === 'placing') events.push(`answer ${i}`)
          },
          settled: () => {},
        },
      },
    )
    // Frames 2 and 3 were ready before the first answer (of frame 0 or 1, whichever came first) came back.
    expect(events.slice(0, 4)).toEqual(['export f0', 'export f1', 'export f2', 'export f3'])
    expect(events[4]).toMatch(/^answer [01]$/)
  })

  it('keeps every success when one frame fails, and says why for that one', async () => {
    standIn.enqueue({ kind: 'success' }, { kind: 'error', status: 402 })
    const placed: PlaceImageArgs[] = []
    const tasks = planRefine(orderOf('Make it night', settings), frames.slice(0, 3), allInputs, true)
    const results = await runJobAsync(tasks, deps(placed), { concurrency: 1, signal: new AbortController().signal, updates: QUIET })
    expect(results.map((r) => r.ok)).toEqual([true, false, true])
    expect(!results[1].ok && String((results[1].error as Error).message)).toMatch(/Not enough OpenRouter credit/)
    expect(placed.map((p) => p.targetIds[0])).toEqual(['f0', 'f2'])
  })

  it('cancels every frame, running and waiting', async () => {
    standIn.setLatency(3000)
    const placed: PlaceImageArgs[] = []
    const cancel = new AbortController()
    const tasks = planRefine(orderOf('Make it night', settings), frames, allInputs, true)
    const said: string[] = []
    const updates: TaskUpdates = { progress: () => {}, settled: (i, task) => said.push(`${i} ${task.ok ? 'done' : task.cancelled ? 'cancelled' : 'failed'}`) }
    const pool = runJobAsync(tasks, deps(placed), { concurrency: 2, signal: cancel.signal, updates })
    // Cancel once two requests are waiting on the model.
    await expect.poll(() => standIn.generations().length, { timeout: 10_000, interval: 20 }).toBe(2)
    cancel.abort()
    const results = await pool
    // Settled on the cancel, not on the answers: the stand-in had answered neither request when the job ended.
    expect(standIn.generations().map((g) => g.answeredAt)).toEqual([null, null])
    expect(results.every((r) => !r.ok && r.cancelled)).toBe(true)
    // Each said once, as cancelled: the two sent as they stopped, the waiting ones as the job ended.
    expect(said.sort()).toEqual(tasks.map((_, i) => `${i} cancelled`).sort())
    expect(placed).toEqual([])
    expect(standIn.generations().length).toBe(2)
  })
})

describe('a job cancelled while a frame is still being prepared', () => {
  it('says nothing more of a frame once it was said cancelled: a late export does not make it "ready" again', async () => {
    standIn.setLatency(3000)
    const cancel = new AbortController()
    let release = () => {}
    const gate = new Promise<void>((resolve) => (release = resolve))
    const base = deps([])
    const context: TestContext = { ...base, exportLayer: async (id, constraint) => (id === 'f2' && (await gate), base.exportLayer(id, constraint)) }
    const tasks = planRefine(orderOf('Make it night', settings), frames, allInputs, true)
    const events: string[] = []
    const updates: TaskUpdates = {
      progress: (i, progress) => events.push(`${i} ${progress.phase}`),
      settled: (i, task) => events.push(`${i} ${task.ok ? 'done' : task.cancelled ? 'cancelled' : 'failed'}`),
    }
    const pool = runJobAsync(tasks, context, { concurrency: 2, signal: cancel.signal, updates })
    await expect.poll(() => standIn.generations().length, { timeout: 10_000, interval: 20 }).toBe(2)
    cancel.abort()
    const results = await pool
    expect(results.every((r) => !r.ok && r.cancelled)).toBe(true)
    // The frame whose export was held: it finishes after the job, and says nothing of it.
    release()
    await new Promise((resolve) => setTimeout(resolve, 200))
    for (const index of tasks.keys()) {
      const own = events.filter((event) => event.startsWith(`${index} `))
      expect(own.at(-1), `frame ${index}: ${own.join(', ')}`).toBe(`${index} cancelled`)
    }
  })
})

describe('a frame the browser cannot encode', () => {
  it('says so in words a designer can act on, not with the browser’s own error, and sends nothing', async () => {
    const [task] = planRefine(orderOf('Make it night', settings), frames.slice(0, 1), allInputs, false)
    const failing: TestContext = {
      ...deps([]),
      createEncoder: () => ({
        encode: async () => {
          throw new TypeError("Cannot read properties of null (reading 'drawImage')")
        },
        dispose: () => {},
      }),
    }
    const result = await runOneAsync(task, failing)
    const error = !result.ok && result.error
    expect(error).toBeInstanceOf(GenerationError)
    expect((error as GenerationError).message).toMatch(/could not be encoded for the request\. Try again, or select fewer or smaller frames/)
    expect((error as GenerationError).message).not.toMatch(/null|TypeError/)
    expect(standIn.generations()).toHaveLength(0)
  })
})

describe('upscale', () => {
  it('sends the input at the target size with the references, and gets the sharper image at that size', async () => {
    const placed: PlaceImageArgs[] = []
    const [task] = planUpscale(orderOf('', settings), [frames[0], reference], { f0: 'input', ref: 'reference' }, 2)
    const kept: Omit<KeptImage, 'id'>[] = []
    const result = await runOneAsync(task, deps(placed, kept))
    expect(result.ok).toBe(true)
    expect(kept).toEqual([])
    const body = standIn.generations()[0].body as { image_config: { super_resolution_references: string[] }; messages: { content: { image_url?: { url: string } }[] }[] }
    expect(body.image_config.super_resolution_references).toHaveLength(1)
    const input = body.messages[0].content[1].image_url!.url
    expect(readImageInfo(new Uint8Array(Buffer.from(input.split(',')[1], 'base64')))).toMatchObject({ width: 800, height: 600 })
    // refSR answers at the input's size; the layer keeps the frame's canvas size.
    expect(placed[0]).toMatchObject({ image: { width: 800, height: 600 }, size: { width: 400, height: 300 }, name: 'Frame 0 @2x' })
  })
})

describe('memory of a large batch', () => {
  it('holds at most two prepared requests that wait for a free slot, whatever the concurrency', async () => {
    standIn.setLatency(300)
    const many: SelectedLayer[] = Array.from({ length: 12 }, (_, i) => ({ id: `m${i}`, name: `Card ${i}`, type: 'FRAME', width: 300, height: 300, fillable: true, madeHere: false }))
    const tasks = planRefine(orderOf('Sharper', settings), many, Object.fromEntries(many.map((f) => [f.id, 'input' as const])), true)
    const phases = new Map<number, TaskProgress['phase']>()
    let mostWaiting = 0
    const onProgress = (index: number, progress: TaskProgress) => {
      phases.set(index, progress.phase)
      mostWaiting = Math.max(mostWaiting, [...phases.values()].filter((phase) => phase === 'ready').length)
    }
    const jobDeps: TestContext = {
      ...deps([]),
      exportLayer: async (_id, constraint) => ({ bytes: encodePng(constraint.value, constraint.value), width: constraint.value, height: constraint.value }),
    }
    const settled = await runJobAsync(tasks, jobDeps, { concurrency: 6, signal: new AbortController().signal, updates: { progress: onProgress, settled: () => {} } })
    expect(settled.every((s) => s.ok)).toBe(true)
    expect(mostWaiting).toBeLessThanOrEqual(2)
  })
})
