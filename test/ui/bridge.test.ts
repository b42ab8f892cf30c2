import { beforeAll, describe, expect, it } from 'vitest'
import { PART_BYTES, PART_LAYERS, type PluginEvent, type PluginToUiMessage, REQUEST_PART_BYTES } from '../../common/messages'
import type { SelectedLayer } from '../../common/selection'
import { answerRequests, type RequestHandlers } from '../../plugin/answer-requests'
import { postInParts } from '../../plugin/post-in-parts'

// The two halves of the protocol joined as Figma joins them: the UI's posts reach the sandbox's
// handler, and what the sandbox posts (through the sandbox's own postInParts) arrives as a window
// message, each in its own task.
const posted: PluginToUiMessage[] = []
let exported = new Uint8Array(0)
const post = postInParts((message) => {
  posted.push(message)
  setTimeout(() => window.dispatchEvent(new MessageEvent('message', { data: { pluginMessage: message } })))
})
/** What the sandbox's handler got, and the messages the UI posted, in order. */
let created: Uint8Array | null = null
const sent: { type: string }[] = []
const handlers = {
  'export-layer': async () => ({ bytes: exported, width: 640, height: 480 }),
  'create-image': async ({ bytes }: { bytes: Uint8Array }) => {
    created = bytes
    return { imageHash: 'hash' }
  },
} as unknown as RequestHandlers
const answer = answerRequests(handlers, post)

/** The browser refuses the next post (a value it cannot clone). */
let refuseNext = false

beforeAll(() => {
  const postMessage = (data: { pluginMessage: { type: string } }) => {
    if (refuseNext) {
      refuseNext = false
      throw new DOMException('could not be cloned', 'DataCloneError')
    }
    sent.push(data.pluginMessage)
    void answer(data.pluginMessage)
  }
  Object.assign(globalThis, { window: new EventTarget(), parent: { postMessage } })
})

const someBytes = (size: number) => Uint8Array.from({ length: size }, (_, i) => (i * 7) % 251)

async function exportAsync(size: number) {
  exported = someBytes(size)
  posted.length = 0
  const { requestAsync } = await import('../../ui/bridge')
  return requestAsync('export-layer', { layerId: '1:2', constraint: { type: 'WIDTH', value: 640 } })
}

/** Posts an event from the sandbox and resolves with what the UI's handlers got. */
async function eventAsync(event: PluginEvent): Promise<PluginEvent> {
  posted.length = 0
  const { onPluginEvent } = await import('../../ui/bridge')
  return new Promise((resolve) => {
    const stop = onPluginEvent((got) => {
      stop()
      resolve(got)
    })
    post(event)
  })
}

const layer = (n: number): SelectedLayer => ({ id: `1:${n}`, name: `Layer ${n}`, type: 'FRAME', width: 100 + n, height: 80, fillable: true, madeHere: false })

describe('an export between the halves', () => {
  it('over PART_BYTES comes in slices ahead of its reply, and the UI gets the very bytes', async () => {
    const result = await exportAsync(2 * PART_BYTES + 1000)
    expect(posted.map((message) => message.type)).toEqual(['bytes-part', 'bytes-part', 'bytes-part', 'reply'])
    expect(posted.flatMap((message) => (message.type === 'bytes-part' ? [message.bytes.length] : []))).toEqual([PART_BYTES, PART_BYTES, 1000])
    expect(result).toMatchObject({ width: 640, height: 480 })
    expect(sameBytes(result.bytes, exported)).toBe(true)
  })

  it('of PART_BYTES or less comes in its reply alone', async () => {
    const result = await exportAsync(PART_BYTES)
    expect(posted.map((message) => message.type)).toEqual(['reply'])
    expect(sameBytes(result.bytes, exported)).toBe(true)
  })
})

describe('an image the UI hands the sandbox', () => {
  it('over REQUEST_PART_BYTES goes in slices ahead of its request, each in a task of its own, and the sandbox gets the very bytes', async () => {
    const bytes = someBytes(2 * REQUEST_PART_BYTES + 10)
    sent.length = 0
    const { requestAsync } = await import('../../ui/bridge')
    const replied = requestAsync('create-image', { bytes })
    // The first slice goes at once; the others, and the request, in later tasks.
    expect(sent.map((message) => message.type)).toEqual(['request-part'])
    const reply = await replied
    expect(reply).toEqual({ imageHash: 'hash' })
    expect(sent.map((message) => message.type)).toEqual(['request-part', 'request-part', 'request-part', 'create-image'])
    expect(sameBytes(created!, bytes)).toBe(true)
  })

  it('of REQUEST_PART_BYTES or less goes in its request alone', async () => {
    const bytes = someBytes(1000)
    sent.length = 0
    const { requestAsync } = await import('../../ui/bridge')
    await requestAsync('create-image', { bytes })
    expect(sent.map((message) => message.type)).toEqual(['create-image'])
    expect(sameBytes(created!, bytes)).toBe(true)
  })
})

describe('a request the browser cannot post', () => {
  it('fails at once, in the designer’s words, rather than after the timeout', async () => {
    const { requestAsync, BridgeError } = await import('../../ui/bridge')
    refuseNext = true
    const failed = requestAsync('create-image', { bytes: someBytes(10) }, { timeoutMs: 60_000 }).catch((error: unknown) => error)
    const error = await Promise.race([failed, new Promise((resolve) => setTimeout(() => resolve('still waiting'), 500))])
    expect(error).toBeInstanceOf(BridgeError)
    expect((error as Error).message).toBe('The panel could not hand this to Figma. Try again, or close and reopen the plugin.')
  })
})

describe('events between the halves', () => {
  it('a thumbnail over PART_BYTES comes in slices, and the UI gets the very bytes', async () => {
    const bytes = someBytes(PART_BYTES + 10)
    const got = await eventAsync({ type: 'layer-thumbnail', layerId: '1:2', bytes })
    expect(posted.map((message) => message.type)).toEqual(['bytes-part', 'bytes-part', 'layer-thumbnail'])
    expect(got.type === 'layer-thumbnail' && sameBytes(got.bytes, bytes)).toBe(true)
  })

  it('a selection of more than PART_LAYERS layers comes in runs, and the UI gets every layer in order', async () => {
    const selection = Array.from({ length: 2 * PART_LAYERS + 3 }, (_, n) => layer(n))
    const got = await eventAsync({ type: 'selection-changed', selection })
    expect(posted.map((message) => message.type)).toEqual(['selection-part', 'selection-part', 'selection-changed'])
    expect(got).toEqual({ type: 'selection-changed', selection })
  })

  it('a selection of PART_LAYERS layers or fewer, or none, comes in one message', async () => {
    for (const selection of [[], Array.from({ length: PART_LAYERS }, (_, n) => layer(n))]) {
      const got = await eventAsync({ type: 'selection-changed', selection })
      expect(posted.map((message) => message.type)).toEqual(['selection-changed'])
      expect(got).toEqual({ type: 'selection-changed', selection })
    }
  })
})

/** Byte for byte, without a deep comparison of half a million numbers. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a).equals(Buffer.from(b))
}
