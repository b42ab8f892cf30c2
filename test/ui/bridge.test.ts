import { beforeAll, describe, expect, it } from 'vitest'
import { REPLY_PART_BYTES, type PluginToUiMessage } from '../../common/messages'
import { answerRequests, type RequestHandlers } from '../../plugin/answer-requests'

// The two halves of the protocol joined as Figma joins them: the UI's posts reach the sandbox's
// handler, and what the sandbox posts arrives as a window message, each in its own task.
const posted: PluginToUiMessage[] = []
let exported = new Uint8Array(0)
const handlers = { 'export-layer': async () => ({ bytes: exported, width: 640, height: 480 }) } as unknown as RequestHandlers
const answer = answerRequests(handlers, (message) => {
  posted.push(message)
  setTimeout(() => window.dispatchEvent(new MessageEvent('message', { data: { pluginMessage: message } })))
})

beforeAll(() => {
  Object.assign(globalThis, { window: new EventTarget(), parent: { postMessage: (data: { pluginMessage: unknown }) => void answer(data.pluginMessage) } })
})

async function exportAsync(size: number) {
  exported = Uint8Array.from({ length: size }, (_, i) => (i * 7) % 251)
  posted.length = 0
  const { requestAsync } = await import('../../ui/bridge')
  return requestAsync('export-layer', { layerId: '1:2', constraint: { type: 'WIDTH', value: 640 } })
}

describe('an export between the halves', () => {
  it('over REPLY_PART_BYTES comes in slices ahead of its reply, and the UI gets the very bytes', async () => {
    const result = await exportAsync(2 * REPLY_PART_BYTES + 1000)
    expect(posted.map((message) => message.type)).toEqual(['reply-part', 'reply-part', 'reply-part', 'reply'])
    expect(posted.filter((message) => message.type === 'reply-part').map((message) => message.bytes.length)).toEqual([REPLY_PART_BYTES, REPLY_PART_BYTES, 1000])
    expect(result).toMatchObject({ width: 640, height: 480 })
    expect(sameBytes(result.bytes, exported)).toBe(true)
  })

  it('of REPLY_PART_BYTES or less comes in its reply alone', async () => {
    const result = await exportAsync(REPLY_PART_BYTES)
    expect(posted.map((message) => message.type)).toEqual(['reply'])
    expect(sameBytes(result.bytes, exported)).toBe(true)
  })
})

/** Byte for byte, without a deep comparison of half a million numbers. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a).equals(Buffer.from(b))
}
