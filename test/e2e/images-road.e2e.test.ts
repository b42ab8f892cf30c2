import { readFile } from 'node:fs/promises'
import jpeg from 'jpeg-js'
import { describe, expect, it } from 'vitest'
import { decodePng, patternPixel, readImageInfo } from '../images/png'
import type { CapabilityDescriptor, ImageEndpoint } from '../openrouter-stand-in/image-records'
import { type Behaviour, TEST_KEY } from '../openrouter-stand-in/server'
import type { PluginSession } from './harness'
import { openOptionsAsync } from './panel-actions'
import { measurePanelAsync } from './panel-layout'
import { useBrowserSuite } from './suite'

// The Image API road (docs/contracts.md#the-image-api) through the real panel: each of its failures
// held to the fault table's promises (test/e2e/fault-table.e2e.test.ts), with its own words checked
// (no field name or HTTP code before the detail, what to do next, whether it may have charged), and
// its image formats taken to the canvas. The model goes by the Image API only: chat completions
// neither lists it nor serves it.
const suite = useBrowserSuite()
const PROMPT = 'A copper kettle on a stove'
const PRO = 'sourceful/riverflow-v2.5-pro'
const FAST = 'sourceful/riverflow-v2.5-fast'

/** Only the Image API serves `model`: the panel sends it there first, with what its record says. */
function imagesOnly(model: string): void {
  suite.standIn.models.catalog = suite.standIn.models.catalog.filter((entry) => entry.id !== model)
  suite.standIn.models.chatless.add(model)
}

/** The panel as a designer left it: this model at 2K, the prompt typed. */
const openOn = (model: string) =>
  suite.open({
    key: TEST_KEY,
    setup: (fake: { storage: Map<string, unknown> }, state: unknown) => void fake.storage.set('saved-state', state),
    setupArg: { prompt: PROMPT, settings: { model, aspectRatio: '1:1', imageSize: '2K', fontInputs: [] }, placement: 'new-layer' },
  })

const times = (count: number, behaviour: Behaviour) => Array.from({ length: count }, () => behaviour)
/** With the most it may come to, once the job knows the request's price ("…for it, up to $0.02: check…"). */
const MAY_BE_CHARGED = /may still have charged for it(?:, up to \$[\d.]+)?: check openrouter\.ai\/activity before trying again/
/** A message's trailing detail for support, which the panel draws quieter (ui/views/outcome/MessageText.tsx). */
const DETAIL = /\s*\((?:HTTP|code) [^)]*\)\.?$/
/** What a headline must not name: an HTTP code, or a field of the Image API's bodies. */
const API_WORDS = /\bHTTP\b|\b[1-5]\d\d\b|b64_json|media_type|output_format|input_references|finish_reason|usage|\bdata\b/

interface Fault {
  name: string
  answers: Behaviour[]
  image: 'placed' | 'kept' | 'none'
  /** What the designer is told (for a row that places, nothing). */
  says?: RegExp
  /** Whether they are told OpenRouter may still have charged: only where it may have. */
  mayHaveCharged?: boolean
  /** What the designer sees while it runs. */
  during?: (session: PluginSession) => Promise<void>
  also?: (session: PluginSession) => Promise<void>
}

/** The retry the panel counts down; the wait is its own backoff when the 429 says none. */
const showsRetry = (wait: RegExp) => async (session: PluginSession) => {
  await expect.poll(() => session.ui.getByRole('status').first().textContent(), { timeout: 10_000 }).toMatch(wait)
}

const STATUS_SAYS: Record<number, RegExp> = {
  400: /^OpenRouter refused the request\. Check the prompt and settings, then try again\. \(HTTP 400/,
  401: /key was not accepted.*Open Settings and paste a valid key/,
  402: /Not enough OpenRouter credit.*Add credit at openrouter\.ai\/settings\/credits/,
  403: /blocked by moderation: violence\. Flagged: “a gory scene”\. Change the prompt or images and try again/,
  404: /no provider for this model and output right now\. Try Riverflow [\d.]+ (?:Fast|Pro), or try again later/,
  408: /timed out before the image was ready\. Try again/,
  413: /larger than Riverflow accepts.*Use fewer or smaller images/,
  500: /unavailable or overloaded right now\. Try again in a few minutes, or try Riverflow [\d.]+ (?:Fast|Pro)\. \(HTTP 500\)/,
  524: /stopped waiting.*may still have charged for it/,
}
const OVERLOADED = (status: number) => new RegExp(`unavailable or overloaded right now\\. Try again in a few minutes, or try Riverflow [\\d.]+ (?:Fast|Pro)\\. \\(HTTP ${status}\\)`)

const faults: Fault[] = [
  ...[400, 401, 402, 403, 404, 408, 413, 500, 524].map(
    (status): Fault => ({ name: `HTTP ${status}`, answers: [{ kind: 'error', status, ...(status === 404 && { message: `No endpoints found for ${PRO}.` }) }], image: 'none', says: STATUS_SAYS[status], mayHaveCharged: status === 524 }),
  ),
  // A generation that fails is answered 502 and not charged: sent again once, then said.
  { name: 'a failed generation (502), then an image', answers: [{ kind: 'choice-error', message: 'Generation failed' }], image: 'placed' },
  { name: 'a failed generation (502) twice', answers: times(2, { kind: 'choice-error', message: 'Generation failed' }), image: 'none', says: /^Riverflow could not make the image, and OpenRouter did not charge for it\. Try again, or try Riverflow [\d.]+ (?:Fast|Pro)\. \(HTTP 502: Generation failed\)$/, mayHaveCharged: false },
  // OpenRouter says a 429 may carry Retry-After, not that it does: without it the panel waits its own backoff.
  { name: 'HTTP 429 without Retry-After, then an image', answers: [{ kind: 'error', status: 429 }], image: 'placed', during: showsRetry(/Trying again in [12] s \(attempt 2\)/) },
  { name: 'HTTP 429 with Retry-After, then an image', answers: [{ kind: 'error', status: 429, retryAfter: 3 }], image: 'placed', during: showsRetry(/Trying again in 3 s \(attempt 2\)/) },
  { name: 'HTTP 429 without Retry-After, after the retries', answers: times(4, { kind: 'error', status: 429 }), image: 'none', says: /rate limiting this key\. Wait a minute, then try again/, mayHaveCharged: false },
  ...[503, 529].map((status): Fault => ({ name: `HTTP ${status} after the retries`, answers: times(4, { kind: 'error', status, retryAfter: 0 }), image: 'none', says: OVERLOADED(status), mayHaveCharged: false })),
  { name: 'an answer with no image', answers: [{ kind: 'no-image' }], image: 'none', says: /^The model finished without an image\. Try again, or reword the prompt/, mayHaveCharged: false },
  {
    name: 'an answer with no image that was billed',
    answers: [{ kind: 'no-image', billed: true }],
    image: 'none',
    // 2.5 Pro at 2K, as the stand-in bills it: said, and counted in the session's spend.
    says: /^The model finished without an image\. .* OpenRouter charged \$0\.25 for this answer\.$/,
    mayHaveCharged: false,
    also: async (session) => expect(await session.ui.locator('.topbar').textContent()).toContain('$0.25 this session'),
  },
  { name: 'a body that is not JSON', answers: [{ kind: 'not-json' }], image: 'none', says: MAY_BE_CHARGED, mayHaveCharged: true },
  { name: 'a truncated body', answers: [{ kind: 'truncated' }], image: 'none', says: MAY_BE_CHARGED, mayHaveCharged: true },
  { name: 'a connection dropped before the answer', answers: [{ kind: 'drop' }], image: 'none', says: /Lost the connection to OpenRouter/, mayHaveCharged: true },
  { name: 'an image that does not decode', answers: [{ kind: 'bad-image' }], image: 'kept', says: /could not be decoded\. The image was paid for and is kept: Retry placing, or download it/, mayHaveCharged: false },
  { name: 'keep-alive spaces before the answer', answers: [{ kind: 'keep-alive', keepAliveMs: 1000 }], image: 'placed' },
  { name: 'a WebP whatever was asked', answers: [{ kind: 'webp' }], image: 'placed' },
  {
    name: 'Cancel while the request is in flight',
    answers: [{ kind: 'success', delayMs: 30_000 }],
    during: async (session) => {
      await expect.poll(() => suite.standIn.imageGenerations().length, { timeout: 10_000 }).toBe(1)
      await session.ui.getByRole('button', { name: 'Cancel' }).click()
    },
    image: 'none',
    says: /^Cancelled while OpenRouter was making the image/,
    mayHaveCharged: true,
    also: async (session) => expect(await session.ui.locator('.topbar .credit').textContent()).toMatch(/ · \$0\.00–\$\d+\.\d\d this session$/),
  },
]

/** Runs one row in a session of its own and checks its promises; closed by the suite after the test. */
async function holdsPromisesAsync(fault: Fault): Promise<void> {
  imagesOnly(PRO)
  const session = await openOn(PRO)
  const { ui } = session
  await openOptionsAsync(ui)
  suite.standIn.enqueue(...fault.answers)
  await ui.getByRole('button', { name: /^Generate/ }).click()
  await fault.during?.(session)
  await expect.poll(() => ui.getByRole('button', { name: 'Cancel' }).count(), { timeout: 30_000 }).toBe(0)
  // By the Image API only, and every answer scripted was asked for.
  expect(suite.standIn.generations()).toHaveLength(0)
  expect(suite.standIn.imageGenerations().length).toBeGreaterThanOrEqual(fault.answers.length)
  await session.figma((fake) => fake.select())
  // The prompt and the settings are as the designer left them, and Generate is there again.
  expect(await ui.getByRole('textbox', { name: 'Prompt' }).inputValue()).toBe(PROMPT)
  expect(await ui.getByRole('combobox', { name: 'Model' }).inputValue()).toBe(PRO)
  expect(await ui.getByRole('combobox', { name: 'Size' }).inputValue()).toBe('2K')
  expect(await ui.getByRole('button', { name: /^Generate/ }).isEnabled()).toBe(true)
  const layers = () => session.figma((fake) => fake.page.children.filter((node) => node.fills.some((fill) => fill.type === 'IMAGE')).length)
  const kept = ui.getByRole('region', { name: 'Images not placed' })
  if (fault.image === 'placed') {
    await expect.poll(layers, { timeout: 15_000 }).toBe(1)
    expect(await ui.getByRole('alert').count()).toBe(0)
    return fault.also?.(session)
  }
  expect(await layers()).toBe(0)
  expect(await kept.getByRole('button', { name: 'Download' }).count()).toBe(fault.image === 'kept' ? 1 : 0)
  const messages = [...(await ui.getByRole('alert').allTextContents()), ...(await kept.allTextContents())]
  expect(messages.join(' ')).toMatch(fault.says!)
  for (const message of messages) {
    expect(message.replace(DETAIL, '')).not.toMatch(API_WORDS)
    expect(message).not.toMatch(/Error:|at \w+ \(|undefined|sk-or-/)
  }
  expect(MAY_BE_CHARGED.test(messages.join(' '))).toBe(fault.mayHaveCharged)
  // Read in full at Figma's default 360 px.
  expect(await measurePanelAsync(ui)).toMatchObject({ cutMessages: [], scrollsSideways: false, overflowingLabels: [] })
  await fault.also?.(session)
}

describe('the Image API’s fault table', () => {
  it.each(faults.map((fault) => [fault.name, fault] as const))('%s', async (_name, fault) => {
    await holdsPromisesAsync(fault)
  })
})

/** The bytes of the image in each layer's fill, as Figma got them. */
async function placedBytesAsync(session: PluginSession): Promise<Uint8Array[]> {
  const encoded = await session.figma((fake) =>
    fake.page.children.map((node) => {
      const bytes = fake.images.get(node.fills[0].imageHash!)!.bytes
      let text = ''
      for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
      return btoa(text)
    }),
  )
  return encoded.map((text) => new Uint8Array(Buffer.from(text, 'base64')))
}

/** How far a JPEG's pixels are from the stand-in's own pattern, on average over a grid (0 to 255). */
function distanceFromPattern(bytes: Uint8Array): number {
  const { width, data } = jpeg.decode(bytes, { useTArray: true })
  let sum = 0
  let count = 0
  // The middle of each stripe cell, away from the edges JPEG blurs.
  for (let y = 16; y < 1024; y += 64) {
    for (let x = 16; x < 1024; x += 64) {
      const expected = patternPixel(x, y)
      const at = (y * width + x) * 4
      for (let c = 0; c < 3; c++) sum += Math.abs(data[at + c] - expected[c])
      count += 3
    }
  }
  return sum / count
}

/** 2.5 Pro's record, listing only these output formats. */
function proListing(formats: string[]): void {
  const [record] = suite.standIn.models.records[PRO] as ImageEndpoint[]
  const outputFormat: CapabilityDescriptor = { type: 'enum', values: formats }
  suite.standIn.models.records[PRO] = [{ ...record, supported_parameters: { ...record.supported_parameters, output_format: outputFormat } }]
}

const generateAsync = async (session: PluginSession, layers = 1) => {
  await session.ui.getByRole('button', { name: /^Generate/ }).click()
  await expect.poll(() => session.figma((fake) => fake.page.children.length), { timeout: 20_000 }).toBe(layers)
}

describe('the image formats an endpoint record offers', () => {
  it('asks 2.5 Fast for the JPEG its record lists, and places the JPEG’s own pixels as they came', async () => {
    imagesOnly(FAST)
    const session = await openOn(FAST)
    await openOptionsAsync(session.ui)
    await session.ui.getByRole('combobox', { name: 'Size' }).selectOption('1K')
    await generateAsync(session)
    expect(suite.standIn.imageGenerations().map((r) => [r.status, (r.body as { output_format?: string }).output_format])).toEqual([[200, 'jpeg']])
    const [bytes] = await placedBytesAsync(session)
    expect(readImageInfo(bytes)).toEqual({ format: 'jpeg', width: 1024, height: 1024 })
    expect(distanceFromPattern(bytes)).toBeLessThan(8)
    expect(await session.figma((fake) => [fake.page.children[0].width, fake.page.children[0].height])).toEqual([1024, 1024])
    expect(await session.ui.getByRole('alert').count()).toBe(0)
  })

  it('asks for WebP where the record lists WebP and JPEG, and places it re-encoded as PNG', async () => {
    imagesOnly(PRO)
    proListing(['jpeg', 'webp'])
    const session = await openOn(PRO)
    await generateAsync(session)
    expect((suite.standIn.imageGenerations()[0].body as { output_format?: string }).output_format).toBe('webp')
    const [bytes] = await placedBytesAsync(session)
    // The stand-in's WebP is its fixture, 640×480, whatever size was asked: placed at its own size.
    const { width, height, rgba } = decodePng(bytes)
    expect([width, height]).toEqual([640, 480])
    expect(new Set(Array.from({ length: 64 }, (_, i) => rgba[i * 4 * 4801])).size).toBeGreaterThan(4)
    expect(await session.ui.getByRole('status').filter({ hasText: 'Placed 1 image' }).count()).toBe(1)
  })

  it('keeps a JPEG Figma refused, downloads it as the JPEG it is, and places it with Retry', async () => {
    imagesOnly(FAST)
    const session = await suite.open({
      key: TEST_KEY,
      setup: (fake: { storage: Map<string, unknown>; figma: { createImage(bytes: Uint8Array): unknown } }, state: unknown) => {
        fake.storage.set('saved-state', state)
        const createImage = fake.figma.createImage.bind(fake.figma)
        let calls = 0
        fake.figma.createImage = (bytes: Uint8Array) => {
          if (++calls === 1) throw new Error('Image type is unsupported')
          return createImage(bytes)
        }
      },
      setupArg: { prompt: PROMPT, settings: { model: FAST, aspectRatio: '1:1', imageSize: '1K', fontInputs: [] }, placement: 'new-layer' },
    })
    await session.ui.getByRole('button', { name: /^Generate/ }).click()
    const kept = session.ui.getByRole('region', { name: 'Images not placed' })
    await kept.getByRole('button', { name: 'Download' }).waitFor({ timeout: 20_000 })
    const [download] = await Promise.all([session.page.waitForEvent('download'), kept.getByRole('button', { name: 'Download' }).click()])
    expect(download.suggestedFilename()).toMatch(/\.jpg$/)
    const saved = new Uint8Array(await readFile(await download.path()))
    expect(readImageInfo(saved)).toEqual({ format: 'jpeg', width: 1024, height: 1024 })
    await kept.getByRole('button', { name: 'Retry' }).click()
    await expect.poll(() => session.figma((fake) => fake.page.children.length)).toBe(1)
    expect(await placedBytesAsync(session)).toEqual([saved])
    expect(suite.standIn.imageGenerations()).toHaveLength(1)
  })
})
