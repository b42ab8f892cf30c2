import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { type GoogleFontsStandIn, startGoogleFontsStandIn } from '../google-fonts-stand-in/server'
import { type OpenRouterStandIn, startOpenRouterStandIn } from '../openrouter-stand-in/server'
import { launchChromiumAsync } from './chromium'
import { closeHostServerAsync, newPluginContextAsync, openPluginAsync, type PluginOptions, type PluginSession } from './harness'

export interface BrowserSuite {
  readonly browser: Browser
  readonly standIn: OpenRouterStandIn
  /** The Google Fonts stand-in; only with `useBrowserSuite({ fonts: true })`. */
  readonly fonts: GoogleFontsStandIn
  /** Opens the built plugin against this suite's browser and OpenRouter stand-in. */
  open: <A = undefined>(options?: Omit<PluginOptions<A>, 'standIn' | 'context'>) => Promise<PluginSession>
}

/**
 * One Chromium and one OpenRouter stand-in for a test file; each test starts
 * with nothing queued or recorded on the stand-in. Call it at the top of the file: its
 * hooks must be registered before the file's own, so that a file's beforeAll
 * can already open the plugin and its afterAll runs before the browser closes.
 * The values exist only once beforeAll has run, hence the getters. Every
 * session a test opens is closed after it, passed or failed, so that no test
 * leaves a page behind for the next (a session may also be closed early).
 * The file's sessions are pages of one browser context, beside an idle page that keeps its
 * renderer running: a session opens and its prompt is found in about 0.9 s, against 1.4 s in a
 * context of its own (measured on a 2-core machine). They share no state the plugin keeps
 * (its storage is the fake figma's, in the page) and no route (each page routes its own:
 * test/e2e/harness.ts), and a page with routes bypasses the HTTP cache.
 */
export function useBrowserSuite(options: { fonts?: boolean; uiProcess?: 'page' | 'own' } = {}): BrowserSuite {
  let browser: Browser | undefined
  let standIn: OpenRouterStandIn | undefined
  let fonts: GoogleFontsStandIn | undefined
  let context: BrowserContext | undefined

  beforeAll(async () => {
    browser = await launchChromiumAsync([], { uiProcess: options.uiProcess })
    context = await newPluginContextAsync(browser)
    // An idle page that lives as long as the file: with it, the renderer the sessions' pages run in
    // outlives each session, and the next page starts in it instead of starting a new one.
    await context.newPage()
    standIn = await startOpenRouterStandIn()
    if (options.fonts) fonts = await startGoogleFontsStandIn()
  })
  afterAll(async () => {
    await browser?.close()
    await standIn?.close()
    await fonts?.close()
    await closeHostServerAsync()
  })
  // Sessions a test opened; one opened in a file's beforeAll is the file's to close, in its afterAll.
  const open: PluginSession[] = []
  let inTest = false
  beforeEach(() => {
    standIn?.reset()
    inTest = true
  })
  afterEach(async () => {
    inTest = false
    const sessions = open.splice(0)
    // Every one is closed even when one's page threw; then the first throw is the test's failure.
    const closed = await Promise.allSettled(sessions.map((session) => session.close()))
    const failed = closed.find((result) => result.status === 'rejected')
    if (failed) throw failed.reason
  })

  // Read before beforeAll (at collection time) or fonts without { fonts: true }: say so, not a TypeError later.
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`The browser suite has not started ${what}`)
    return value
  }
  const suite: BrowserSuite = {
    get browser() {
      return started(browser, 'Chromium')
    },
    get standIn() {
      return started(standIn, 'the OpenRouter stand-in')
    },
    get fonts() {
      return started(fonts, 'the Google Fonts stand-in (useBrowserSuite({ fonts: true }))')
    },
    open: async (openOptions = {}) => {
      const session = await openPluginAsync(suite.browser, { ...openOptions, standIn: suite.standIn, context: started(context, 'a browser context') })
      if (inTest) open.push(session)
      return session
    },
  }
  return suite
}
