import type { ReplyMessage, RequestArgs, RequestType } from '../../common/messages'
import { startPlugin } from '../../plugin/start-plugin'
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

/** Runs the sandbox as Figma does: from a relaunch button or menu command, or plainly (''). */
export function runPlugin(fake: FakeFigma, command: string): void {
  ;(fake.figma as { command: string }).command = command
  startPlugin()
}

let requests = 0
/** Sends a request as the UI does, through the sandbox's message handlers, and resolves with its reply. */
export async function requestFrom<K extends RequestType>(fake: FakeFigma, type: K, args: RequestArgs<K>): Promise<ReplyMessage> {
  const requestId = `req-${++requests}`
  await fake.sendFromUi({ ...args, type, requestId })
  return fake.uiMessages.find((m): m is ReplyMessage => (m as ReplyMessage).type === 'reply' && (m as ReplyMessage).requestId === requestId)!
}
