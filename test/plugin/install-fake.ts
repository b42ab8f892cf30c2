import { expect, vi } from 'vitest'
import { type ReplyMessage, type RequestArgs, type RequestType, START_DATA_GLOBAL, type StartData } from '../../common/messages'
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

/** The start data the sandbox put in the UI's HTML, once it has opened the UI (plugin/storage/start-data.ts). */
export async function shownStartData(fake: FakeFigma): Promise<StartData> {
  const html = await vi.waitFor(() => fake.shownWith?.html ?? expect.fail('The UI is not open yet'))
  const found = html.match(new RegExp(`<script>window\\.${START_DATA_GLOBAL}=(.*?)</script>`))
  if (!found) throw new Error('The UI was opened without its start data')
  return JSON.parse(found[1]) as StartData
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
