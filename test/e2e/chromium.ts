import { existsSync } from 'node:fs'
import { type Browser, chromium } from 'playwright-core'

/**
 * Debian's Chromium (`apt-get install -y chromium`), or CHROMIUM_PATH. Playwright's
 * own browser download cannot run here, so we drive the system one.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export function hasChromium(): boolean {
  return existsSync(CHROMIUM_PATH)
}

/**
 * `extraArgs` go after our own (the benchmarks add V8 and memory-reporting flags).
 * `uiProcess: 'own'` lets Chromium give the sandboxed UI iframe a process of its
 * own, as Figma's plugin window has: the benchmarks of the UI's main thread need
 * it, or the host page's work (the fake figma's JavaScript PNG exports) runs on
 * the UI's thread and counts as the UI's. The browser tests keep the default.
 */
export function launchChromiumAsync(extraArgs: readonly string[] = [], options: { uiProcess?: 'page' | 'own' } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // As root in a container, and with no network: keep Chromium from phoning home.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // The UI runs in a sandboxed (null-origin) iframe, which Chromium may put in a process of its
      // own; Playwright then reaches that frame late under load: its requests could go out before
      // the stand-ins' routes applied to it (a page that waited on the real, unreachable network).
      ...(options.uiProcess === 'own' ? [] : ['--disable-features=IsolateSandboxedIframes']),
      ...extraArgs,
    ],
  })
}
