import type { Browser, Page } from 'playwright-core'
import { launchChromiumAsync } from '../test/e2e/chromium'
import { type StaticServer, startStaticServerAsync } from '../test/e2e/static-server'
import { DATA_DIR } from './answer-images'
import { PAGE_OUT } from './page/build-page'

export interface BenchPageSession {
  browser: Browser
  /** The page the session opened. */
  page: Page
  /** Another page, fresh: for a measurement that must not share a heap with earlier ones. */
  openPageAsync: () => Promise<Page>
  /** Where the page fetches what answer-images.ts wrote: `${dataUrl}/${file}`. */
  dataUrl: string
  chromium: string
  close: () => Promise<void>
}

/**
 * Opens the bench page in Chromium with `gc()` exposed (a collection before
 * each timed section) and precise memory figures (performance.memory is
 * otherwise rounded and delayed).
 */
export async function openBenchPageAsync(): Promise<BenchPageSession> {
  const browser = await launchChromiumAsync(['--js-flags=--expose-gc', '--enable-precise-memory-info'])
  const server: StaticServer = await startStaticServerAsync({ '/page': PAGE_OUT, '/data': DATA_DIR })
  const errors: string[] = []
  const openPageAsync = async () => {
    const page = await browser.newPage()
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(`${server.url}/page/index.html`)
    await page.waitForFunction(() => window.bench !== undefined)
    return page
  }
  return {
    browser,
    page: await openPageAsync(),
    openPageAsync,
    dataUrl: `${server.url}/data`,
    chromium: browser.version(),
    close: async () => {
      await browser.close()
      await server.close()
      if (errors.length > 0) throw new Error(`The bench page threw: ${errors.join('; ')}`)
    },
  }
}
