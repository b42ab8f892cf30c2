import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core'
import type { GoogleFontsStandIn } from '../google-fonts-stand-in/server'
import type { OpenRouterStandIn } from '../openrouter-stand-in/server'
import type { FakeFigmaView } from './fake-view'
import { HOST_OUT } from './host/build-host'
import { type StaticServer, startStaticServerAsync } from './static-server'

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url))

export interface PluginSession {
  /** The session's own page; its routes and init scripts are its own (the context may be shared). */
  page: Page
  /** The plugin's UI, inside its iframe. */
  ui: FrameLocator
  /**
   * Runs a function on the fake figma in the page. It is sent as source text,
   * so it can use only its arguments: the fake, and `arg` (JSON).
   */
  figma: <T, A = undefined>(fn: (fake: FakeFigmaView, arg: A) => T | Promise<T>, arg?: A) => Promise<T>
  close: () => Promise<void>
}

export interface PluginOptions<A = undefined> {
  standIn: OpenRouterStandIn
  /**
   * The browser context to open the page in: a suite's, shared by its sessions (useBrowserSuite).
   * A page in a context that already has one starts in about half the time of a page in a new
   * context (no new renderer to start). Without it, the session has a context of its own.
   */
  context?: BrowserContext
  fonts?: GoogleFontsStandIn
  theme?: 'light' | 'dark'
  /** An OpenRouter key already in clientStorage when the plugin starts, as after an earlier run. */
  key?: string
  /** Runs in the page on the fake figma before the plugin starts (sent as source text: use only its arguments). */
  setup?: (fake: FakeFigmaView, arg: A) => void
  /** The JSON `arg` for `setup`: how a value from the test (the key, say) reaches the page. */
  setupArg?: A
  /** Launch for a command, as from Figma's quick actions, with the parameters the designer entered. */
  launch?: { command: string; parameters?: Record<string, string> }
  /**
   * Where the page's clock stands (`Date.now`, `new Date()`); its timers still run. For pictures
   * that show a time (History), so that they come out the same on every run.
   */
  clock?: Date
  /**
   * Source text run in the UI's iframe before the UI's own script: changes what
   * the UI finds in its browser (no Worker, say). The fake figma is not there.
   */
  uiInitScript?: string
}

/** The source text that calls `fn` in the page with the fake and a JSON argument. */
const callInPage = (fn: (...args: never[]) => unknown, fake: string, arg: unknown) =>
  `(${fn.toString()})(${fake}, ${JSON.stringify(arg ?? null)})`

let server: StaticServer | null = null

async function hostUrlAsync(): Promise<string> {
  server ??= await startStaticServerAsync({ '/dist': DIST, '/host': HOST_OUT })
  return server.url
}

export async function closeHostServerAsync(): Promise<void> {
  await server?.close()
  server = null
}

/**
 * A context as the sessions need it: a wide window for the host page, downloads kept, and the
 * same locale and time zone on every machine, so that a date or a number reads the same in CI.
 */
export function newPluginContextAsync(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true, locale: 'en-US', timezoneId: 'UTC' })
}

/**
 * Opens the built plugin in the host page. Requests to openrouter.ai and
 * fonts.googleapis.com are answered by the local stand-ins: the product has no
 * test switch, the test reroutes the network. Everything is set on the page, not
 * the context, so that sessions sharing a context share nothing else: a test adds its own
 * routes with `session.page.route` (routed pages also skip the HTTP cache).
 */
export async function openPluginAsync<A = undefined>(browser: Browser, options: PluginOptions<A>): Promise<PluginSession> {
  const ownContext = options.context ? null : await newPluginContextAsync(browser)
  const page = await (options.context ?? ownContext!).newPage()
  await page.route(/^https:\/\/openrouter\.ai\//, async (route) => {
    const url = new URL(route.request().url())
    try {
      const response = await route.fetch({ url: `${options.standIn.url}${url.pathname}${url.search}`, maxRetries: 0, timeout: 0 })
      await route.fulfill({ response })
    } catch {
      // The stand-in dropped the connection (or the page went away): a network failure.
      await route.abort('connectionfailed').catch(() => {})
    }
  })
  await page.route(/^https:\/\/fonts\.googleapis\.com\//, async (route) => {
    if (!options.fonts) return route.abort('connectionfailed')
    const url = new URL(route.request().url())
    await route.fulfill({ response: await route.fetch({ url: `${options.fonts.url}${url.pathname}${url.search}` }) })
  })
  // The key goes in as data, like setupArg, so no test writes it out in page code.
  const steps = [
    options.key !== undefined && `fake.storage.set('openrouter-api-key', ${JSON.stringify(options.key)})`,
    options.setup && `await ${callInPage(options.setup, 'fake', options.setupArg)}`,
  ].filter(Boolean)
  if (steps.length > 0) await page.addInitScript(`window.hostSetup = async (fake) => { ${steps.join('; ')} }`)
  if (options.launch) await page.addInitScript(`window.hostLaunch = ${JSON.stringify(options.launch)}`)
  // The host page writes it into the UI's HTML (an init script may reach the srcdoc frame too late).
  if (options.uiInitScript) await page.addInitScript(`window.hostUiPrelude = ${JSON.stringify(options.uiInitScript)}`)
  if (options.clock) await page.clock.setFixedTime(options.clock)
  const errors: string[] = []
  let closed = false
  page.on('pageerror', (error) => errors.push(error.message))
  const base = await hostUrlAsync()
  await page.goto(`${base}/host/index.html?theme=${options.theme ?? 'light'}`)
  await page.evaluate('window.hostReady')
  return {
    page,
    ui: page.frameLocator('iframe[title="Riverflow for Figma"]'),
    figma: (fn, arg) => page.evaluate(callInPage(fn, 'window.fake', arg)),
    // Once: a test may close its session early, and the suite closes it again after the test.
    close: async () => {
      if (closed) return
      closed = true
      await (ownContext ?? page).close()
      if (errors.length > 0) throw new Error(`The page threw: ${errors.join('; ')}`)
    },
  }
}
