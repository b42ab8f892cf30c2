import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { GenerationSettings, ModelId } from '../../../common/domain'
import type { PlaceImageArgs, PlacedImage } from '../../../common/messages'
import { createGeneration } from '../../../ui/generation/generation'
import { waitingNote } from '../../../ui/generation/waiting-note'
import type { TaskSpec } from '../../../ui/generation/plan/task'
import { BUILT_IN_MODELS } from '../../../ui/models'
import { FAST_FAILURE_MS } from '../../../ui/openrouter/retry-policy'
import { orderOf } from '../../fixtures/orders'
import { type OpenRouterStandIn, TEST_KEY, startOpenRouterStandIn } from '../../openrouter-stand-in/server'

const settings = (change: Partial<GenerationSettings>) => orderOf('p', change)

/** A text-to-image task on 2 Fast, on a new layer, named and labelled for `id`. */
const task = (id: string, change: Partial<TaskSpec> = {}): TaskSpec => ({
  ...settings({ model: 'sourceful/riverflow-v2-fast' }),
  id,
  label: `Frame ${id}`,
  inputs: [],
  references: [],
  placement: 'new-layer',
  targetIds: [],
  name: id,
  reveal: true,
  ...change,
})

/** A generation with nothing to export, whose sandbox answers 'place-image' with `place`. */
function generationWithSandbox(place: (args: PlaceImageArgs) => Promise<PlacedImage>, baseUrl?: string) {
  return createGeneration({
    exportLayer: async () => Promise.reject(new Error('nothing to export')),
    createEncoder: () => {
      throw new Error('nothing to encode')
    },
    baseUrl,
    lander: { place },
    endUndoStep: async () => null,
  })
}

/** A generation whose sandbox places every image it is given, telling `onPlace`. */
function generationPlacing(onPlace: (args: PlaceImageArgs) => void = () => {}, baseUrl?: string) {
  return generationWithSandbox(async (args) => {
    onPlace(args)
    return { nodeIds: ['1:1'], placement: args.placement }
  }, baseUrl)
}

// One stand-in for the file's requests, answering at once unless told to wait.
let standIn: OpenRouterStandIn
beforeAll(async () => {
  standIn = await startOpenRouterStandIn()
  standIn.setLatency(0)
})
afterAll(() => standIn.close())

describe('waitingNote', () => {
  it('says at once that high effort can take minutes, on a model that takes effort', () => {
    expect(waitingNote(settings({ model: 'sourceful/riverflow-v2.5-fast', effort: 'high' }))).toEqual({ text: 'Thorough thinking can take several minutes.', afterSeconds: 0 })
  })

  it('says Pro can take a few minutes, once the wait has gone on', () => {
    expect(waitingNote(settings({ model: 'sourceful/riverflow-v2.5-pro', effort: 'medium' }))).toEqual({ text: 'Pro can take a few minutes.', afterSeconds: 20 })
    expect(waitingNote(settings({ model: 'sourceful/riverflow-v2-pro' }))?.afterSeconds).toBe(20)
  })

  it('says nothing of an effort the model does not take, nor of Fast at medium', () => {
    expect(waitingNote(settings({ model: 'sourceful/riverflow-v2-fast', effort: 'high' }))).toBeNull()
    expect(waitingNote(settings({ model: 'sourceful/riverflow-v2.5-fast', effort: 'medium' }))).toBeNull()
  })
})

describe('Retry of a failed frame', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('sends with the key the panel holds now, not the one of the job that failed (replaced in Settings since)', async () => {
    const sentWith: string[] = []
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      sentWith.push((init.headers as Record<string, string>).Authorization)
      return new Response(JSON.stringify({ error: { code: 401, message: 'User not found.' } }), { status: 401 })
    })
    const generation = generationPlacing()
    await generation.start([task('a'), task('b')], { key: 'sk-or-v1-replaced', models: BUILT_IN_MODELS })
    const [failure] = generation.getState().outcome!.failures
    sentWith.length = 0
    generation.retryTask(failure.taskId, 'sk-or-v1-current')
    await vi.waitFor(() => expect(sentWith).toEqual(['Bearer sk-or-v1-current']))
  })
})

describe('Retry of one of several failed frames', () => {
  it('keeps the other failed frames, each with its reason and Retry, whether the retried one lands or fails again', async () => {
    const placed: string[] = []
    const generation = generationPlacing((args) => placed.push(args.name), standIn.url)
    const options = { key: TEST_KEY, models: BUILT_IN_MODELS }
    const labels = () => generation.getState().outcome?.failures.map((failure) => failure.label)
    const retry = async (label: string) => {
      const failure = generation.getState().outcome!.failures.find((f) => f.label === label)!
      generation.retryTask(failure.taskId, TEST_KEY)
      await vi.waitFor(() => expect(generation.getState().job).not.toBeNull())
      await vi.waitFor(() => expect(generation.getState().job).toBeNull())
    }
    standIn.enqueue({ kind: 'success' }, { kind: 'error', status: 500 }, { kind: 'error', status: 500 }, { kind: 'error', status: 500 })
    await generation.start([task('a'), task('b'), task('c'), task('d')], options)
    expect(labels()).toEqual(['Frame b', 'Frame c', 'Frame d'])

    // Failed again: its reason says so, and the others still wait with theirs.
    standIn.enqueue({ kind: 'error', status: 500 })
    await retry('Frame b')
    expect(labels()).toEqual(['Frame b', 'Frame c', 'Frame d'])
    expect(generation.getState().outcome!.failures.every((failure) => /Try again/.test(failure.message) && failure.cost !== null)).toBe(true)

    // Placed: the ones not retried yet keep their Retry, which sends them.
    await retry('Frame c')
    expect(labels()).toEqual(['Frame b', 'Frame d'])
    await retry('Frame d')
    await retry('Frame b')
    expect(placed).toEqual(['a', 'c', 'd', 'b'])
    expect(generation.getState().outcome?.failures ?? []).toEqual([])
  })
})

describe('Retry of a failed take or frame, alone', () => {
  const placing = (placed: { name: string; taskId: string }[]) => generationPlacing((args) => placed.push({ name: args.name, taskId: args.taskId }), standIn.url)
  const retryAsync = async (generation: ReturnType<typeof createGeneration>, label: string) => {
    const failure = generation.getState().outcome!.failures.find((f) => f.label === label)!
    generation.retryTask(failure.taskId, TEST_KEY)
    await vi.waitFor(() => expect(generation.getState().job).not.toBeNull())
    await vi.waitFor(() => expect(generation.getState().job).toBeNull())
  }

  it('lands a take sent again in the row of its click, beside the other takes', async () => {
    const placed: { name: string; taskId: string }[] = []
    const generation = placing(placed)
    standIn.enqueue({ kind: 'success' }, { kind: 'error', status: 500 }, { kind: 'success' })
    await generation.start([task('a', { row: 'r' }), task('b', { row: 'r' }), task('c', { row: 'r' })], { key: TEST_KEY, models: BUILT_IN_MODELS })
    await retryAsync(generation, 'Frame b')
    expect(placed.map((p) => p.name)).toEqual(['a', 'c', 'b'])
    // The sandbox lays the images of one task id side by side: the retried take shares the others'.
    expect(new Set(placed.map((p) => p.taskId)).size).toBe(1)
  })

  it('still names the frame and keeps its Retry when the one frame sent again fails again', async () => {
    const placed: { name: string; taskId: string }[] = []
    const generation = placing(placed)
    standIn.enqueue({ kind: 'success' }, { kind: 'error', status: 500 })
    await generation.start([task('a'), task('b')], { key: TEST_KEY, models: BUILT_IN_MODELS })
    standIn.enqueue({ kind: 'error', status: 500 })
    await retryAsync(generation, 'Frame b')
    expect(generation.getState().outcome?.failures.map((failure) => failure.label)).toEqual(['Frame b'])
    // Its Retry still sends it.
    await retryAsync(generation, 'Frame b')
    expect(placed.map((p) => p.name)).toEqual(['a', 'b'])
    expect(generation.getState().outcome?.failures).toEqual([])
  })
})

describe('The session’s spend after a Cancel', () => {
  it('counts a request cancelled while OpenRouter had it at the most it may be charged, and none that was never sent', async () => {
    const generation = generationPlacing(() => {}, standIn.url)
    // One at a time: the first is with OpenRouter when Cancel is pressed, the second still waits its turn.
    standIn.enqueue({ kind: 'success', delayMs: 30_000 })
    const sentBefore = standIn.generations().length
    const done = generation.start([task('a'), task('b')], { key: TEST_KEY, models: BUILT_IN_MODELS, concurrency: 1 })
    await vi.waitFor(() => expect(standIn.generations()).toHaveLength(sentBefore + 1))
    generation.cancel()
    await done
    // Nothing was charged that the answer said; 2 Fast at 1K is $0.02 an image, which OpenRouter may still bill.
    expect(generation.getState().spent).toEqual({ total: 0, unpriced: 0, mayBeCharged: 0.02 })
    // And says so, with the most it may come to.
    expect(generation.getState().error).toContain('1 request was already with OpenRouter, which may still charge for it, up to $0.02: check openrouter.ai/activity')
  })

  it.each<[string, ModelId, string, number]>([
    [
      'the most it may be charged',
      'sourceful/riverflow-v2-pro',
      'Cancelled while OpenRouter was making the image, so nothing was placed. OpenRouter may still have charged for it, up to $0.15: check openrouter.ai/activity before trying again.',
      0.15,
    ],
    // A free model charges nothing, even for an image it went on making.
    ['on a free model that nothing was charged', 'sourceful/riverflow-v2.5-fast:free', 'Cancelled while OpenRouter was making the image, so nothing was placed. The model is free, so nothing was charged: you can try again.', 0],
  ])('tells of one request cancelled while OpenRouter had it %s, and counts it so', async (_name, model, error, mayBeCharged) => {
    const generation = generationPlacing(() => {}, standIn.url)
    standIn.enqueue({ kind: 'success', delayMs: 30_000 })
    const sentBefore = standIn.generations().length
    const done = generation.start([task('a', settings({ model }))], { key: TEST_KEY, models: BUILT_IN_MODELS })
    await vi.waitFor(() => expect(standIn.generations()).toHaveLength(sentBefore + 1))
    generation.cancel()
    await done
    expect(generation.getState().error).toBe(error)
    expect(generation.getState().spent).toEqual({ total: 0, unpriced: 0, mayBeCharged })
  })
})

describe('The session’s spend after a server error that came late', () => {
  afterEach(() => vi.restoreAllMocks())

  it.each([502, 500, 504])('counts a %i at the most it may be charged, and says so, as it is not sent again', async (status) => {
    const generation = generationPlacing(() => {}, standIn.url)
    standIn.enqueue({ kind: 'error', status })
    const sentBefore = standIn.generations().length
    // Each reading of the clock later than the last by more than a fast failure: the error comes "late" at once.
    let now = Date.now()
    vi.spyOn(Date, 'now').mockImplementation(() => (now += FAST_FAILURE_MS + 1000))
    await generation.start([task('a')], { key: TEST_KEY, models: BUILT_IN_MODELS })
    expect(standIn.generations()).toHaveLength(sentBefore + 1)
    expect(generation.getState().spent).toEqual({ total: 0, unpriced: 0, mayBeCharged: 0.02 })
    expect(generation.getState().error).toBe(
      `Riverflow failed after it had started on the image, so nothing was placed. OpenRouter may still have charged for it, up to $0.02: check openrouter.ai/activity before trying again. (HTTP ${status})`,
    )
  })
})

describe('A task said placed', () => {
  /** A generation whose sandbox answers 'place-image' only when the test says, as Figma would after a while. */
  function generationFigmaAnswers() {
    // By the image's name: the two answers may come in either order.
    const answers = new Map<string, (placed: boolean) => void>()
    const generation = generationWithSandbox(
      (args) =>
        new Promise((resolve, reject) =>
          answers.set(args.name, (placed) => (placed ? resolve({ nodeIds: ['1:1'], placement: args.placement }) : reject(new Error('Figma refused the image.')))),
        ),
      standIn.url,
    )
    return { generation, answers }
  }
  /** Each task's phase as the panel last drew it, kept after the job ends. */
  function phasesOf(generation: ReturnType<typeof createGeneration>) {
    let last: string[] = []
    generation.subscribe(() => {
      const job = generation.getState().job
      if (job) last = job.tasks.map((t) => t.progress.phase)
    })
    return () => last
  }

  it('is placing until the sandbox answers that it placed its image, and only then placed', async () => {
    const { generation, answers } = generationFigmaAnswers()
    const phases = phasesOf(generation)
    const done = generation.start([task('a'), task('b')], { key: TEST_KEY, models: BUILT_IN_MODELS, concurrency: 2 })
    // Both answers are in and paid, their images handed to Figma, which has not answered yet.
    await vi.waitFor(() => expect(answers.size).toBe(2))
    await vi.waitFor(() => expect(generation.getState().spent.total).toBeGreaterThan(0.03))
    expect(phases()).toEqual(['placing', 'placing'])
    answers.get('b')!(true)
    await vi.waitFor(() => expect(phases()).toEqual(['placing', 'done']))
    // Figma refused the other: not placed, but kept with the images the panel holds.
    answers.get('a')!(false)
    await done
    expect(phases()).toEqual(['kept', 'done'])
    expect(generation.getState().kept).toHaveLength(1)
  })
})

describe('The placed list', () => {
  it('names a Refine’s image as its new layer is named on the canvas, not as the image it was made from', async () => {
    // The sandbox names a new layer as it is asked, and says so in its reply (plugin/placing/place-image.ts).
    const generation = generationWithSandbox(async (args) => ({ nodeIds: ['1:1'], placement: args.placement, name: args.name }), standIn.url)
    await generation.start([task('refine', { label: 'Table shot', name: 'Table shot · Riverflow' })], { key: TEST_KEY, models: BUILT_IN_MODELS })
    expect(generation.getState().outcome!.layers).toEqual([{ nodeIds: ['1:1'], name: 'Table shot · Riverflow' }])
  })

  it('names each format by its frame, as its row read while it ran: two frames of one size get layers named alike', async () => {
    const generation = generationWithSandbox(async (args) => ({ nodeIds: [args.targetIds[0]], placement: args.placement, name: args.name }), standIn.url)
    const format = (frame: string) => task(frame, { label: frame, name: 'Key visual · 1080×1920', placement: 'behind', targetIds: [frame], formatSet: { id: 'set', keyVisualId: 'kv' } })
    await generation.start([format('Story EN'), format('Story DE')], { key: TEST_KEY, models: BUILT_IN_MODELS, concurrency: 1 })
    expect(generation.getState().outcome!.layers.map((layer) => layer.name)).toEqual(['Story EN', 'Story DE'])
  })

  it('names each take as its layer is named, with its take: two takes of one prompt read apart, a retried kept one too', async () => {
    let refuse = true
    // Figma refuses the first image it is given, then takes every one, naming each layer as asked.
    const generation = generationWithSandbox(async (args) => {
      if (refuse) {
        refuse = false
        throw new Error('Figma refused the image.')
      }
      return { nodeIds: [`1:${args.record.generationId}`], placement: args.placement, name: args.name }
    }, standIn.url)
    // A Refine's takes, as withTakes names them: the row reads the layer's name, not the shorter label.
    const take = (i: number) => task(`t${i}`, { row: 'r', label: `Table shot · variation ${i}`, name: `Table shot · Riverflow · variation ${i}` })
    await generation.start([take(1), take(2), take(3)], { key: TEST_KEY, models: BUILT_IN_MODELS, concurrency: 1 })
    const names = () => generation.getState().outcome!.layers.map((layer) => layer.name)
    expect(names()).toEqual(['Table shot · Riverflow · variation 2', 'Table shot · Riverflow · variation 3'])
    generation.retryKept(generation.getState().kept[0])
    await vi.waitFor(() => expect(names()).toHaveLength(3))
    expect(names()[2]).toBe('Table shot · Riverflow · variation 1')
    // Told in the last job's outcome, so not twice.
    expect(generation.getState().placedFromKept).toEqual([])
  })
})

describe('A kept image retried while another job runs', () => {
  it('is not counted in that job: its outcome tells of its own images only', async () => {
    let refused = false
    let releaseB: () => void = () => {}
    const placedNames: string[] = []
    // Figma refuses the first job's image (kept), holds the second job's, and takes the kept one's retry at once.
    const generation = generationWithSandbox(async (args) => {
      if (!refused) {
        refused = true
        throw new Error('Figma refused the image.')
      }
      if (args.name === 'b') await new Promise<void>((resolve) => (releaseB = resolve))
      placedNames.push(args.name)
      return { nodeIds: [`1:${args.name}`], placement: args.placement }
    }, standIn.url)
    const options = { key: TEST_KEY, models: BUILT_IN_MODELS }
    await generation.start([task('a')], options)
    expect(generation.getState().kept).toHaveLength(1)
    const running = generation.start([task('b')], options)
    await vi.waitFor(() => expect(generation.getState().job?.tasks[0].progress.phase).toBe('placing'))
    generation.retryKept(generation.getState().kept[0])
    await vi.waitFor(() => expect(placedNames).toEqual(['a']))
    releaseB()
    const summary = await running
    expect(placedNames).toEqual(['a', 'b'])
    expect(summary?.placed).toBe(1)
    expect(generation.getState().outcome?.placed).toBe(1)
    expect(generation.getState().outcome?.layers.map((layer) => layer.name)).toEqual(['Frame b'])
    // Counted in no job, but not unsaid: the panel names it on a line of its own, until the next job starts.
    expect(generation.getState().placedFromKept).toEqual(['Frame a'])
    await generation.start([task('c')], options)
    expect(generation.getState().placedFromKept).toEqual([])
  })
})

describe('A job that breaks past every task’s own net', () => {
  it('still ends, says so in plain words, keeps what was placed, and takes the next press', async () => {
    const placed: string[] = []
    const generation = generationPlacing((args) => placed.push(args.name), standIn.url)
    // A defect of our own: a listener of the panel throws as the job says its last task, never started, was cancelled.
    let broke = false
    generation.subscribe(() => {
      if (broke || generation.getState().job?.tasks[2]?.progress.phase !== 'cancelled') return
      broke = true
      throw new TypeError('a view broke')
    })
    // One at a time: the first is placed, the second is with OpenRouter when Cancel is pressed, the third waits its turn.
    standIn.enqueue({ kind: 'success' }, { kind: 'success', delayMs: 30_000 })
    const sentBefore = standIn.generations().length
    const done = generation.start([task('a'), task('b'), task('c')], { key: TEST_KEY, models: BUILT_IN_MODELS, concurrency: 1 })
    await vi.waitFor(() => expect(standIn.generations()).toHaveLength(sentBefore + 2))
    generation.cancel()
    const summary = await done
    expect(broke).toBe(true)
    expect(generation.getState().job).toBeNull()
    expect(summary?.error).toBe(generation.getState().error)
    expect(generation.getState().error).toMatch(/^Something went wrong in the plugin while the images were handled\. What was placed stays.*press again.*\(TypeError: a view broke\)$/)
    expect(placed).toEqual(['a'])
    expect(summary?.placed).toBe(1)
    expect(generation.getState().outcome?.placed).toBe(1)
    // The next press is taken: the job is over.
    standIn.enqueue({ kind: 'success' })
    expect(await generation.start([task('d')], { key: TEST_KEY, models: BUILT_IN_MODELS })).not.toBeNull()
    expect(placed).toEqual(['a', 'd'])
  })
})
