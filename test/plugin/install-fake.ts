import { type FakeFigma, type FakeFigmaOptions, createFakeFigma } from '../fake-figma'

/** A fresh fake `figma` installed as the global, as the sandbox code expects it. */
export function installFakeFigma(options: FakeFigmaOptions = {}): FakeFigma {
  const fake = createFakeFigma(options)
  const scope = globalThis as unknown as { figma: PluginAPI; __html__: string }
  scope.figma = fake.figma
  scope.__html__ = options.html ?? '<html><body>UI</body></html>'
  return fake
}

/** Lets queued microtasks and timers run (selection events, thumbnail exports). */
export function settle(ms = 0): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
