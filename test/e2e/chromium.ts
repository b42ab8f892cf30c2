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

/** `extraArgs` go after our own (the benchmarks add V8 and memory-reporting flags). */
export function launchChromiumAsync(extraArgs: readonly string[] = []): Promise<Browser> {
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
      '--disable-features=IsolateSandboxedIframes',
      ...extraArgs,
    ],
  })
}
