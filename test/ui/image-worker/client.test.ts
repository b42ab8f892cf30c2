import { afterEach, describe, expect, it, vi } from 'vitest'
import { createImageWorkerClient, type WorkerLike } from '../../../ui/image-worker/client'
import type { FromWorker, PrepareJob, ToWorker } from '../../../ui/image-worker/protocol'

// Every way the worker can fail to help, driven with a stand-in for Worker: the client must
// always hand the job back to the caller (who runs it on the main thread), never lose it silently.

type Behaviour = (message: ToWorker, worker: FakeWorker) => void

class FakeWorker implements WorkerLike {
  readonly posted: ToWorker[] = []
  terminated = false
  private readonly listeners: Record<string, ((event: { data: FromWorker }) => void)[]> = { message: [], error: [], messageerror: [] }

  constructor(private readonly behaviour: Behaviour) {}

  postMessage(message: ToWorker): void {
    this.posted.push(message)
    // A worker answers in a later task, never during postMessage.
    setTimeout(() => this.behaviour(message, this))
  }

  addEventListener(type: string, listener: (event: { data: FromWorker }) => void): void {
    this.listeners[type].push(listener)
  }

  terminate(): void {
    this.terminated = true
  }

  answer(data: FromWorker): void {
    for (const listener of this.listeners.message) listener({ data })
  }

  fail(): void {
    for (const listener of this.listeners.error) listener({ data: undefined as never })
  }

  jobs(): number {
    return this.posted.filter((m) => m.type === 'job').length
  }
}

const PNG = { bytes: new Uint8Array([1, 2, 3]), width: 4096, height: 2304, originalWidth: 5120, originalHeight: 2880 }
const job = (): PrepareJob => ({ type: 'prepare', bytes: new Uint8Array([9, 9, 9]) })

/** A worker that answers its ping with `ok`, and each job as `onJob` says (done, by default). */
function worker(options: { ok?: boolean; onJob?: (id: number, w: FakeWorker, n: number) => void } = {}): Behaviour {
  let n = 0
  return (message, w) => {
    if (message.type === 'ping') w.answer({ type: 'pong', ok: options.ok ?? true })
    else if (message.type === 'job') (options.onJob ?? ((id) => w.answer({ type: 'done', id, result: PNG })))(message.id, w, n++)
  }
}

/** `'throws'`: the Worker constructor refuses, as a page that allows no worker does. */
function clientWith(behaviour: Behaviour | 'throws') {
  const made: FakeWorker[] = []
  const createWorker = vi.fn(() => {
    if (behaviour === 'throws') throw new DOMException('Workers are not allowed here', 'SecurityError')
    const w = new FakeWorker(behaviour)
    made.push(w)
    return w
  })
  return { client: createImageWorkerClient(createWorker, 1000, 60_000), createWorker, made }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('the image worker client', () => {
  it('starts one worker on the first job, after it answers a ping, and returns its results', async () => {
    const { client, createWorker, made } = clientWith(worker())
    expect(createWorker).not.toHaveBeenCalled()
    const [a, b] = await Promise.all([client.runAsync(job(), []), client.runAsync(job(), [])])
    expect(a).toEqual({ ok: true, result: PNG })
    expect(b).toEqual({ ok: true, result: PNG })
    expect(createWorker).toHaveBeenCalledTimes(1)
    expect(made[0].posted.map((m) => m.type)).toEqual(['ping', 'job', 'job'])
  })

  it('hands every job back when the Worker constructor throws, and tries no more', async () => {
    const { client, createWorker } = clientWith('throws')
    expect(await client.runAsync(job(), [])).toEqual({ ok: false, returned: null })
    expect(await client.runAsync(job(), [])).toEqual({ ok: false, returned: null })
    expect(createWorker).toHaveBeenCalledTimes(1)
  })

  it('gives the worker up when it errors before it answers the ping', async () => {
    const { client, made } = clientWith((message, w) => message.type === 'ping' && w.fail())
    expect(await client.runAsync(job(), [])).toEqual({ ok: false, returned: null })
    expect(made[0].terminated).toBe(true)
    expect(made[0].jobs()).toBe(0)
  })

  it('gives the worker up when it does not answer the ping in time', async () => {
    vi.useFakeTimers()
    const { client, made } = clientWith(() => {})
    const outcome = client.runAsync(job(), [])
    await vi.advanceTimersByTimeAsync(1000)
    expect(await outcome).toEqual({ ok: false, returned: null })
    expect(made[0].terminated).toBe(true)
  })

  it('gives the worker up when it says it cannot work here', async () => {
    const { client, made } = clientWith(worker({ ok: false }))
    expect(await client.runAsync(job(), [])).toEqual({ ok: false, returned: null })
    expect(made[0].terminated).toBe(true)
  })

  it('gives the worker up when its first job fails to start, handing the moved bytes back', async () => {
    const returned = new Uint8Array([9, 9, 9])
    const { client, made } = clientWith(worker({ onJob: (id, w) => w.answer({ type: 'failed', id, reason: 'worker', returned }) }))
    expect(await client.runAsync(job(), [])).toEqual({ ok: false, returned })
    expect(await client.runAsync(job(), [])).toEqual({ ok: false, returned: null })
    expect(made[0].jobs()).toBe(1)
    expect(made[0].terminated).toBe(true)
  })

  it('keeps the worker when the first job is an image that does not decode', async () => {
    const { client, made } = clientWith(
      worker({ onJob: (id, w, n) => w.answer(n === 0 ? { type: 'failed', id, reason: 'decode', returned: null } : { type: 'done', id, result: PNG }) }),
    )
    expect(await client.runAsync(job(), [])).toEqual({ ok: false, returned: null })
    expect(await client.runAsync(job(), [])).toEqual({ ok: true, result: PNG })
    expect(made[0].terminated).toBe(false)
  })

  it('keeps a worker that has done a job when a later one fails', async () => {
    const { client, made } = clientWith(
      worker({ onJob: (id, w, n) => w.answer(n === 1 ? { type: 'failed', id, reason: 'worker', returned: null } : { type: 'done', id, result: PNG }) }),
    )
    expect((await client.runAsync(job(), [])).ok).toBe(true)
    expect((await client.runAsync(job(), [])).ok).toBe(false)
    expect((await client.runAsync(job(), [])).ok).toBe(true)
    expect(made[0].jobs()).toBe(3)
  })

  it('lets the jobs a given-up worker holds finish, then ends it', async () => {
    const { client, made } = clientWith(
      worker({
        onJob: (id, w, n) => {
          if (n === 0) w.answer({ type: 'failed', id, reason: 'worker', returned: null })
          else setTimeout(() => w.answer({ type: 'done', id, result: PNG }), 20)
        },
      }),
    )
    const [first, second] = await Promise.all([client.runAsync(job(), []), client.runAsync(job(), [])])
    expect(first.ok).toBe(false)
    expect(second).toEqual({ ok: true, result: PNG })
    expect(made[0].terminated).toBe(true)
  })

  it('hands back the jobs of a worker that dies, and sends no more', async () => {
    const { client, made } = clientWith(worker({ onJob: (_id, w) => w.fail() }))
    expect(await client.runAsync(job(), [])).toEqual({ ok: false, returned: null })
    expect(await client.runAsync(job(), [])).toEqual({ ok: false, returned: null })
    expect(made).toHaveLength(1)
    expect(made[0].jobs()).toBe(1)
    expect(made[0].terminated).toBe(true)
  })

  it('ends a worker that leaves a job unanswered, and hands back every job it held', async () => {
    vi.useFakeTimers()
    const { client, made } = clientWith(worker({ onJob: () => {} }))
    const first = client.runAsync(job(), [])
    await vi.advanceTimersByTimeAsync(30_000)
    const second = client.runAsync(job(), [])
    await vi.advanceTimersByTimeAsync(30_000)
    expect(await first).toEqual({ ok: false, returned: null })
    expect(await second).toEqual({ ok: false, returned: null })
    expect(made[0].terminated).toBe(true)
    // The main thread takes the jobs from then on.
    expect(await client.runAsync(job(), [])).toEqual({ ok: false, returned: null })
    expect(made).toHaveLength(1)
  })

  it('hands a job back when it cannot be posted (nothing was moved)', async () => {
    const { client, made } = clientWith(worker())
    await client.runAsync(job(), [])
    const post = made[0].postMessage.bind(made[0])
    made[0].postMessage = (message) => {
      if (message.type === 'job') throw new DOMException('could not be cloned', 'DataCloneError')
      post(message)
    }
    expect(await client.runAsync(job(), [])).toEqual({ ok: false, returned: null })
  })

  it('says whether a worker takes jobs, starting it as a job would', async () => {
    expect(await clientWith(worker()).client.runsAsync()).toBe(true)
    expect(await clientWith('throws').client.runsAsync()).toBe(false)
    const refused = clientWith(worker({ ok: false }))
    expect(await refused.client.runsAsync()).toBe(false)
    expect(refused.made[0].terminated).toBe(true)
  })

  it('posts an answerless message only to a running worker', async () => {
    const { client, made } = clientWith(worker())
    client.post({ type: 'dispose', encoderId: 1 })
    await client.runAsync(job(), [])
    client.post({ type: 'dispose', encoderId: 1 })
    expect(made[0].posted.map((m) => m.type)).toEqual(['ping', 'job', 'dispose'])
  })
})
