import type { Page } from 'playwright-core'

/**
 * V8's precise coverage of a page, its same-process frames (the UI's iframe, see chromium.ts)
 * and the dedicated workers they start, over a window of time: which functions were
 * called, how often, in which script. Drives the Chrome DevTools Protocol's Profiler
 * through a CDP session of its own, beside Playwright's.
 */

/** A function of a script, from V8: its first range spans the whole function, with its call count. */
interface FunctionCoverage {
  functionName: string
  ranges: { startOffset: number; endOffset: number; count: number }[]
}

/** A script that ran, with its source as V8 compiled it (offsets index into it) and where it ran. */
export interface ScriptCoverage {
  url: string
  source: string
  /** 'page' for the host page and the UI's iframe; 'worker' for a dedicated worker. */
  realm: 'page' | 'worker'
  functions: FunctionCoverage[]
}

interface TakenCoverage {
  result: { scriptId: string; url: string; functions: FunctionCoverage[] }[]
}

type Send = (method: string, params?: object) => Promise<unknown>

interface CoverageWindow {
  /**
   * The scripts with a function called since the window opened (a worker started in it counts from
   * its start), and how many workers had ended before they could be asked: their counts went with them.
   */
  takeAsync(): Promise<{ scripts: ScriptCoverage[]; lostWorkers: number }>
}

/**
 * A dedicated worker's scripts show in its precise coverage only when they compile after the
 * profiler was told to count (Chromium 156; its main script never does), and a worker paused on
 * start may be resumed by Playwright's own session before ours has told it (seen). So this prelude for
 * the UI's page (`uiInitScript`) starts each `data:` worker as a small holder that keeps the
 * messages it is sent until `openCoverageWindowAsync` has the worker's profiler counting, then
 * imports the same `data:` URL and hands it those messages in order: the worker runs the same code
 * on the same messages, a little later, measured.
 */
export const MEASURED_WORKERS_PRELUDE = `{
  const PageWorker = Worker
  const HOLDER = 'const early = []; self.onmessage = (event) => early.push(event.data); self.startMeasured = () => { self.onmessage = null; importScripts(self.measuredUrl); for (const data of early) self.dispatchEvent(new MessageEvent("message", { data })) };'
  window.Worker = class extends PageWorker {
    constructor(url, options) {
      const source = String(url)
      const held = 'data:text/javascript,' + encodeURIComponent(HOLDER + ' self.measuredUrl = ' + JSON.stringify(source))
      super(source.startsWith('data:') ? held : url, options)
    }
  }
}`

/**
 * Starts counting now: counts from before are dropped (`takePreciseCoverage` resets them), and a
 * worker that starts later waits until its profiler counts too.
 */
export async function openCoverageWindowAsync(page: Page): Promise<CoverageWindow> {
  const cdp = await page.context().newCDPSession(page)
  /** Each worker's session, and its start: resolved once its profiler counts and its code runs. */
  const workers: { sessionId: string; send: Send; started: Promise<void> }[] = []
  /** Workers whose target has gone (ended by the UI, or its page): nothing is left to ask them. */
  const ended = new Set<string>()
  const sendToPage: Send = (method, params) => cdp.send(method as 'Profiler.enable', params as never)

  // Workers are reached through the page's session (`flatten: false`: Playwright's CDPSession
  // has no way to address a flattened child session), one JSON message inside another.
  let nextId = 1
  const waiting = new Map<number, { sessionId: string; resolve: (result: unknown) => void; reject: (error: Error) => void }>()
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } }
    const reply = message.id === undefined ? undefined : waiting.get(message.id)
    if (!reply || message.id === undefined) return
    waiting.delete(message.id)
    if (message.error) reply.reject(new Error(message.error.message))
    else reply.resolve(message.result)
  })
  cdp.on('Target.detachedFromTarget', (event) => {
    if (!event.sessionId) return
    ended.add(event.sessionId)
    // What it was asked and had not answered never will be.
    for (const [id, reply] of waiting) {
      if (reply.sessionId !== event.sessionId) continue
      waiting.delete(id)
      reply.reject(new Error(NO_SESSION))
    }
  })
  cdp.on('Target.attachedToTarget', (event) => {
    const sessionId = event.sessionId
    const send: Send = (method, params = {}) =>
      new Promise((resolve, reject) => {
        const id = nextId++
        waiting.set(id, { sessionId, resolve, reject })
        cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject)
      })
    if (event.targetInfo.type !== 'worker') return
    // The worker's holder waits until its profiler counts (MEASURED_WORKERS_PRELUDE); quickly, as
    // the UI gives a worker 2 s to answer, then works without it.
    const started = startCountingAsync(send)
      .then(() => send('Runtime.evaluate', { expression: 'self.startMeasured?.()' }))
      .then((result) => {
        const thrown = (result as { exceptionDetails?: { exception?: { description?: string } } }).exceptionDetails
        if (thrown) throw new Error(`The worker did not start: ${thrown.exception?.description ?? 'it threw'}`)
      })
    // Said when the coverage is taken, not as an unhandled rejection.
    started.catch(() => {})
    workers.push({ sessionId, send, started })
  })
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false })
  await startCountingAsync(sendToPage)
  await sendToPage('Profiler.takePreciseCoverage')

  return {
    async takeAsync() {
      const page = await scriptsRunAsync(sendToPage, 'page')
      let lostWorkers = 0
      const inWorkers = await Promise.all(
        workers.map(async ({ sessionId, send, started }) => {
          try {
            await started
            if (ended.has(sessionId)) throw new Error(NO_SESSION)
            return await scriptsRunAsync(send, 'worker')
          } catch (error) {
            // A worker that ended (its detach read, or not yet when asked) has no counts left to give.
            if (!String(error).includes(NO_SESSION)) throw error
            lostWorkers++
            return []
          }
        }),
      )
      await cdp.detach()
      return { scripts: [...page, ...inWorkers.flat()], lostWorkers }
    },
  }
}

/** What Chromium answers for a session whose target (a worker) has ended. */
const NO_SESSION = 'No session with given id'

/** The scripts of one realm with a function called since its counts were last taken, with their sources. */
async function scriptsRunAsync(send: Send, realm: ScriptCoverage['realm']): Promise<ScriptCoverage[]> {
  const taken = (await send('Profiler.takePreciseCoverage')) as TakenCoverage
  const ran = taken.result.filter((script) => script.functions.some((fn) => fn.ranges[0].count > 0))
  return Promise.all(
    ran.map(async (script) => {
      const { scriptSource } = (await send('Debugger.getScriptSource', { scriptId: script.scriptId })) as { scriptSource: string }
      return { url: script.url, source: scriptSource, realm, functions: script.functions }
    }),
  )
}

/** Call counts and block ranges (`detailed`), and the scripts' sources for the offsets. */
async function startCountingAsync(send: Send): Promise<void> {
  await Promise.all([send('Profiler.enable'), send('Debugger.enable'), send('Profiler.startPreciseCoverage', { callCount: true, detailed: true })])
}
