import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Behaviour, TEST_KEY } from '../openrouter-stand-in/server'
import type { PluginSession } from './harness'
import { useBrowserSuite } from './suite'

// The fault table: every way a generation can go wrong that we know of, each held to the
// same five promises. No uncaught error (the session's close fails on one); a message that
// says what to do; the prompt kept; the paid image placed or kept; Generate available again.
const suite = useBrowserSuite()
let session: PluginSession
const PROMPT = 'A paper lantern over a night market'
/** Words of a message that tells the designer what to do next. */
const ACTIONABLE = /try again|Try again|Check|check|Open Settings|Add credit|Change the prompt|Wait|Retry|Download|Select|select it again|Use fewer|Try a smaller/

/** What a fault leaves: the image on the canvas, kept in the panel with Download, or nothing paid. */
type PaidImage = 'placed' | 'kept' | 'none'
interface Fault {
  name: string
  /** Sets the fault up: the stand-in's next answers, or the fake figma. */
  arrange: () => Promise<void>
  image: PaidImage
  /** The button that starts it: Generate unless said. */
  button?: string
  /** Puts the fake figma back after the row. */
  undo?: () => Promise<void>
}

const answers = (...behaviours: Behaviour[]) => async () => void suite.standIn.enqueue(...behaviours)
const times = (count: number, behaviour: Behaviour) => Array.from({ length: count }, () => behaviour)

const networkFaults: Fault[] = [
  ...[400, 401, 402, 403, 408, 413, 500, 524].map((status): Fault => ({ name: `HTTP ${status}`, arrange: answers({ kind: 'error', status }), image: 'none' })),
  // Not "No endpoints found…", which sends the model on to the Image API instead (docs/contracts.md#the-image-api).
  { name: 'HTTP 404', arrange: answers({ kind: 'error', status: 404, message: 'Model not found' }), image: 'none' },
  // Retried ones outlast their retries (Retry-After: 0 keeps it quick).
  ...[429, 503, 529].map((status): Fault => ({ name: `HTTP ${status} after the retries`, arrange: answers(...times(4, { kind: 'error', status, retryAfter: 0 })), image: 'none' })),
  { name: 'HTTP 502 twice', arrange: answers(...times(2, { kind: 'error', status: 502 })), image: 'none' },
  { name: 'a 200 carrying an error', arrange: answers({ kind: 'choice-error' }), image: 'none' },
  { name: 'a 200 with no image', arrange: answers({ kind: 'no-image' }), image: 'none' },
  { name: 'a body that is not JSON', arrange: answers({ kind: 'not-json' }), image: 'none' },
  { name: 'a truncated body', arrange: answers({ kind: 'truncated' }), image: 'none' },
  { name: 'a connection dropped before the answer', arrange: answers({ kind: 'drop' }), image: 'none' },
  { name: 'a connection dropped mid-body', arrange: answers({ kind: 'drop-mid-answer' }), image: 'none' },
  // Paid for: kept as it came, to download (or to retry), never dropped.
  { name: 'an image that does not decode', arrange: answers({ kind: 'bad-image' }), image: 'kept' },
  { name: 'a body that trickles in', arrange: answers({ kind: 'trickle', trickleMs: 3000 }), image: 'placed' },
  { name: 'keep-alive spaces before the answer', arrange: answers({ kind: 'keep-alive', keepAliveMs: 2000 }), image: 'placed' },
  { name: 'a 40 MB answer', arrange: answers({ kind: 'large', megabytes: 40 }), image: 'placed' },
]

const figmaFaults: Fault[] = [
  {
    name: 'createImage throwing',
    arrange: () =>
      session.figma((fake) => {
        const scope = window as unknown as { realCreateImage?: unknown }
        scope.realCreateImage = fake.figma.createImage
        fake.figma.createImage = () => {
          throw new Error('Image is too large')
        }
      }),
    undo: () =>
      session.figma((fake) => {
        fake.figma.createImage = (window as unknown as { realCreateImage: (bytes: Uint8Array) => { hash: string } }).realCreateImage
      }),
    image: 'kept',
  },
  {
    name: 'exportAsync throwing',
    button: 'Refine',
    arrange: () => refineAFrameAsync((frame) => {
      frame.exportAsync = () => Promise.reject(new Error('Export failed: out of memory'))
    }),
    image: 'none',
  },
  {
    name: 'the target removed during export',
    button: 'Refine',
    arrange: () => refineAFrameAsync((frame) => {
      frame.exportAsync = () => {
        frame.remove()
        return Promise.reject(new Error('The node with id 1:2 does not exist'))
      }
    }),
    image: 'none',
  },
  {
    name: 'clientStorage throwing',
    arrange: () =>
      session.figma((fake) => {
        fake.storage.set = () => {
          throw new Error('QuotaExceededError: clientStorage is full')
        }
      }),
    image: 'placed',
  },
]

/** Selects a new frame to refine, then breaks it as `breakIt` says (in the page: use only its argument). */
async function refineAFrameAsync(breakIt: (frame: { exportAsync: (...args: unknown[]) => Promise<unknown>; remove: () => void }) => void): Promise<void> {
  await session.figma((fake) => fake.select(fake.addFrame({ name: 'Card', width: 300, height: 200 })))
  await session.ui.getByRole('button', { name: 'Refine', exact: true }).waitFor()
  await session.page.evaluate(`(${breakIt.toString()})(window.fake.page.selection[0])`)
}

beforeAll(async () => {
  session = await suite.open({ key: TEST_KEY })
  await session.ui.getByRole('textbox', { name: 'Prompt' }).fill(PROMPT)
})
afterAll(() => session?.close())

async function holdsPromisesAsync(fault: Fault): Promise<void> {
  const { ui } = session
  const generate = ui.getByRole('button', { name: /^Generate/ })
  // Layers showing an image: what a generation adds (the frames a row adds show none).
  const images = () => session.figma((fake) => fake.page.children.filter((node) => node.fills.some((fill) => fill.type === 'IMAGE')).length)
  await fault.arrange()
  const before = await images()
  await (fault.button ? ui.getByRole('button', { name: fault.button, exact: true }) : generate).click()
  // Running, then done: Generate comes back (the Cancel button goes).
  await expect.poll(() => ui.getByRole('button', { name: 'Cancel' }).count(), { timeout: 30_000 }).toBe(0)
  await session.figma((fake) => fake.select())
  expect(await generate.isEnabled()).toBe(true)
  expect(await ui.getByRole('textbox', { name: 'Prompt' }).inputValue()).toBe(PROMPT)
  const placed = (await images()) - before
  const kept = await ui.getByRole('region', { name: 'Images not placed' }).getByRole('button', { name: 'Download' }).count()
  if (fault.image === 'placed') {
    await expect.poll(images, { timeout: 15_000 }).toBe(before + 1)
  } else {
    expect(placed).toBe(0)
    // What went wrong is said in an alert, or beside the image kept in the panel.
    const keptText = await ui.getByRole('region', { name: 'Images not placed' }).allTextContents()
    const messages = [...(await ui.getByRole('alert').allTextContents()), ...keptText].join(' ')
    expect(messages).toMatch(ACTIONABLE)
    expect(messages).not.toMatch(/Error:|at \w+ \(|undefined|sk-or-/)
    expect(kept).toBe(fault.image === 'kept' ? 1 : 0)
  }
  await fault.undo?.()
  // The next row starts from an empty canvas and no kept images.
  await session.figma((fake) => [...fake.page.children].forEach((node) => node.remove()))
  for (const dismiss of await ui.getByRole('button', { name: 'Dismiss' }).all()) await dismiss.click()
}

describe('the fault table', () => {
  it.each(networkFaults.map((fault) => [fault.name, fault] as const))('%s', async (_name, fault) => {
    await holdsPromisesAsync(fault)
  })
  it.each(figmaFaults.map((fault) => [fault.name, fault] as const))('%s', async (_name, fault) => {
    await holdsPromisesAsync(fault)
  })
})
