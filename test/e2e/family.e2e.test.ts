import { describe, expect, it } from 'vitest'
import { TEST_KEY } from '../openrouter-stand-in/server'
import type { FakeFigmaView } from './fake-view'
import type { PluginSession } from './harness'
import { openOptionsAsync } from './panel-actions'
import { useBrowserSuite } from './suite'

// The Riverflow family's money and waits in the real panel: the free tier busy, a key with no
// credit, what the session has cost, the Image API road's limits, and high effort's long wait.
const suite = useBrowserSuite()

const modelSelect = (session: PluginSession) => session.ui.getByRole('combobox', { name: 'Model' })
const topBar = (session: PluginSession) => session.ui.locator('.topbar')
const onModel = (model: string, change: Record<string, unknown> = {}) => ({
  key: TEST_KEY,
  setup: (fake: { storage: Map<string, unknown> }, state: unknown) => void fake.storage.set('saved-state', state),
  setupArg: {
    prompt: 'A ceramic mug with a SALE tag',
    settings: { model, aspectRatio: '1:1', imageSize: '1K', fontInputs: [], ...change },
    placement: 'new-layer',
  },
})

async function generateAsync(session: PluginSession, layers: number) {
  await session.ui.getByRole('button', { name: /^Generate/ }).click()
  await expect.poll(() => session.figma((fake) => fake.page.children.length), { timeout: 30_000 }).toBe(layers)
  // The new image is selected as it lands: nothing selected again, so the next press generates, not refines.
  await session.figma((fake) => fake.select())
}

describe('the free tier and credit', () => {
  it('says the free model is busy and switches to the paid one in one click', async () => {
    suite.standIn.models.freeBusy = { retryAfter: 30 }
    const session = await suite.open(onModel('sourceful/riverflow-v2.5-fast:free'))
    await openOptionsAsync(session.ui)
    await session.ui.getByRole('button', { name: /^Generate/ }).click()
    const alert = session.ui.getByRole('alert')
    await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toBe('The free model is busy. Try again in 30 s, or switch to Riverflow 2.5 Fast (paid).')
    expect(await session.ui.getByRole('textbox', { name: 'Prompt' }).inputValue()).toBe('A ceramic mug with a SALE tag')

    await session.ui.getByRole('button', { name: 'Switch to Riverflow 2.5 Fast' }).click()
    expect(await modelSelect(session).inputValue()).toBe('sourceful/riverflow-v2.5-fast')
    expect(await alert.count()).toBe(0)
    await generateAsync(session, 1)
    expect(suite.standIn.generations().map((r) => (r.body as { model: string }).model)).toEqual([
      'sourceful/riverflow-v2.5-fast:free',
      'sourceful/riverflow-v2.5-fast',
    ])
    await session.close()
  })

  it('starts a key with no credit left on the free model, and says why', async () => {
    suite.standIn.setKeyInfo({ limit_remaining: 0 })
    const session = await suite.open(onModel('sourceful/riverflow-v2-pro'))
    await openOptionsAsync(session.ui)
    await expect.poll(() => modelSelect(session).inputValue(), { timeout: 30_000 }).toBe('sourceful/riverflow-v2.5-fast:free')
    expect(await session.ui.getByRole('status', { name: 'Settings changed' }).textContent()).toContain('This key has no credit left, so Riverflow 2.5 Fast (free) is chosen')
    expect(await topBar(session).textContent()).toContain('$0.00 credit left on this key')
    await session.close()
  })

  it('offers the free model when a paid one runs out of credit (402)', async () => {
    suite.standIn.enqueue({ kind: 'error', status: 402 })
    const session = await suite.open(onModel('sourceful/riverflow-v2.5-fast'))
    await openOptionsAsync(session.ui)
    await session.ui.getByRole('button', { name: /^Generate/ }).click()
    await session.ui.getByRole('button', { name: 'Switch to Riverflow 2.5 Fast (free)' }).click({ timeout: 30_000 })
    expect(await modelSelect(session).inputValue()).toBe('sourceful/riverflow-v2.5-fast:free')
    await session.close()
  })
})

describe('a model down', () => {
  it('names the model to try instead of “the other model”, and switches to it in one click', async () => {
    // Overloaded through the client's own retries: the job fails with a 529.
    suite.standIn.enqueue(...Array.from({ length: 4 }, () => ({ kind: 'error' as const, status: 529 })))
    const session = await suite.open(onModel('sourceful/riverflow-v2-fast'))
    await openOptionsAsync(session.ui)
    await session.ui.getByRole('button', { name: /^Generate/ }).click()
    const alert = session.ui.getByRole('alert')
    await expect.poll(() => alert.textContent(), { timeout: 60_000 }).toMatch(/^Riverflow is unavailable or overloaded right now\. Try again in a few minutes, or try Riverflow 2\.5 Fast\./)
    await session.ui.getByRole('button', { name: 'Switch to Riverflow 2.5 Fast' }).click()
    expect(await modelSelect(session).inputValue()).toBe('sourceful/riverflow-v2.5-fast')
    await session.close()
  })
})

describe('a model down in a batch', () => {
  // Down, refused at once (a 500 is not sent again): each row's error names the model to try.
  const down = (requests: number) => suite.standIn.enqueue(...Array.from({ length: requests }, () => ({ kind: 'error' as const, status: 500 })))
  const sentModels = () => suite.standIn.generations().map((r) => (r.body as { model: string }).model)
  const generateEach = (session: PluginSession) => session.ui.getByRole('button', { name: /^Generate each \(3\)/ })
  const filledAsync = (session: PluginSession) => session.figma((fake) => fake.page.children.filter((node) => node.fills.some((fill) => fill.type === 'IMAGE')).length)

  /** Three story frames on Riverflow 2 Fast, Generate each pressed: the session once the job's error `said` shows. */
  async function failedBatchAsync(said: RegExp): Promise<PluginSession> {
    const session = await suite.open({
      key: TEST_KEY,
      setup: (fake: FakeFigmaView, state: unknown) => {
        fake.storage.set('saved-state', state)
        fake.select(...[1, 2, 3].map((i) => fake.addFrame({ name: `Story ${i}`, x: i * 1200, width: 1080, height: 1920 })))
      },
      setupArg: { prompt: 'A summer sale poster, warm light', settings: { model: 'sourceful/riverflow-v2-fast', imageSize: '1K', fontInputs: [] } },
    })
    await openOptionsAsync(session.ui)
    await generateEach(session).click()
    await expect.poll(() => session.ui.getByRole('alert').first().textContent(), { timeout: 30_000 }).toMatch(said)
    return session
  }

  /** As `failedBatchAsync`, the first request refused on a model that is down and the other frames placed. */
  const oneFailedAsync = () => {
    down(1)
    return failedBatchAsync(/^1 of 3 frames failed; the others were placed\.$/)
  }

  it('offers the model every failed frame names once, switching to it without sending, and Generate each sends on it', async () => {
    down(3)
    const session = await failedBatchAsync(/^All 3 frames failed: .*try Riverflow 2\.5 Fast\./)
    const { ui } = session
    expect(await generateEach(session).textContent()).toContain('$0.12')
    const switchTo = ui.getByRole('button', { name: 'Switch to Riverflow 2.5 Fast' })
    expect(await switchTo.count()).toBe(1)
    await switchTo.click()
    expect(await modelSelect(session).inputValue()).toBe('sourceful/riverflow-v2.5-fast')
    // The switch only: nothing sent, the error gone, the prompt kept, the frames still listed with why.
    expect(suite.standIn.generations()).toHaveLength(3)
    expect(await ui.getByRole('alert').count()).toBe(0)
    expect(await ui.getByRole('textbox', { name: 'Prompt' }).inputValue()).toBe('A summer sale poster, warm light')
    expect(await ui.getByRole('button', { name: /^Retry Story/ }).count()).toBe(3)
    // The main action priced on the model switched to (2.5 Fast is billed by use, 2 Fast at a fixed $0.04 an image), then sent on it.
    expect(await generateEach(session).textContent()).toContain('~$0.06–$0.24')
    await generateEach(session).click()
    await expect.poll(() => ui.getByText(/^Placed 3 images/).count(), { timeout: 30_000 }).toBe(1)
    expect(sentModels().slice(3)).toEqual(Array(3).fill('sourceful/riverflow-v2.5-fast'))
    await session.close()
  })

  it('offers it under a batch where only some frames failed, the images placed and paid for staying as they are', async () => {
    const session = await oneFailedAsync()
    const { ui } = session
    expect(await filledAsync(session)).toBe(2)
    await ui.getByRole('button', { name: 'Switch to Riverflow 2.5 Fast' }).click()
    expect(await modelSelect(session).inputValue()).toBe('sourceful/riverflow-v2.5-fast')
    expect(suite.standIn.generations()).toHaveLength(3)
    expect(await filledAsync(session)).toBe(2)
    expect(await ui.getByRole('status').filter({ hasText: /^Placed 2 images · cost \$0\.08\./ }).count()).toBe(1)
    expect(await ui.getByRole('button', { name: /^Retry Story/ }).count()).toBe(1)
    await session.close()
  })

  it('prices and sends the row’s Retry on the model switched to: the frame that failed is made on it, the others stay', async () => {
    const session = await oneFailedAsync()
    const { ui } = session
    const retry = ui.getByRole('button', { name: /^Retry Story/ })
    expect(await retry.textContent()).toBe('Retry · $0.04')
    await ui.getByRole('button', { name: 'Switch to Riverflow 2.5 Fast' }).click()
    // Priced as the panel is now, before anything is sent: 2.5 Fast is billed by use.
    await expect.poll(() => retry.textContent()).toBe('Retry · ~$0.02–$0.08')
    expect(suite.standIn.generations()).toHaveLength(3)
    await retry.click()
    await expect.poll(() => filledAsync(session), { timeout: 30_000 }).toBe(3)
    expect(sentModels()).toEqual([...Array(3).fill('sourceful/riverflow-v2-fast'), 'sourceful/riverflow-v2.5-fast'])
    expect(await retry.count()).toBe(0)
    await session.close()
  })

  it('prices and sends the row’s Retry on a model picked from the list by hand, with the prompt as it is now', async () => {
    const session = await oneFailedAsync()
    const { ui } = session
    const retry = ui.getByRole('button', { name: /^Retry Story/ })
    await modelSelect(session).selectOption('sourceful/riverflow-v2-pro')
    // Fit the frame asks 2 Pro for 4K for a 1080×1920 frame, where 2 Fast made 2K: $0.33 an image.
    await expect.poll(() => retry.textContent()).toBe('Retry · $0.33')
    // The prompt changed since the press: the row says which one its Retry sends.
    await ui.getByRole('textbox', { name: 'Prompt' }).fill('A winter sale poster, cold light')
    await expect.poll(() => ui.locator('.alert').filter({ has: retry }).textContent()).toContain('Retry sends the prompt as it is now.')
    await retry.click()
    await expect.poll(() => filledAsync(session), { timeout: 30_000 }).toBe(3)
    const last = suite.standIn.generations().at(-1)!.body as { model: string; messages: unknown }
    expect(last.model).toBe('sourceful/riverflow-v2-pro')
    expect(JSON.stringify(last.messages)).toContain('A winter sale poster, cold light')
    await session.close()
  })

  it('offers no Switch to once the model it names is picked from the list by hand', async () => {
    const session = await oneFailedAsync()
    const { ui } = session
    expect(await ui.getByRole('button', { name: 'Switch to Riverflow 2.5 Fast' }).count()).toBe(1)
    await modelSelect(session).selectOption('sourceful/riverflow-v2.5-fast')
    await expect.poll(() => ui.getByRole('button', { name: /^Switch to/ }).count()).toBe(0)
    // The error stays, as the frame is still unmade: its row's Retry sends it on the model picked.
    expect(await ui.getByRole('button', { name: /^Retry Story/ }).textContent()).toBe('Retry · ~$0.02–$0.08')
    await session.close()
  })

  it('sends a frame the panel no longer plans as it was first sent, its row naming the model', async () => {
    const session = await oneFailedAsync()
    const { ui } = session
    const retry = ui.getByRole('button', { name: /^Retry Story/ })
    const row = ui.locator('.alert').filter({ has: retry })
    await ui.getByRole('button', { name: 'Switch to Riverflow 2.5 Fast' }).click()
    // Two variations a frame now: a frame's one image is no longer what the panel plans.
    await ui.getByRole('combobox', { name: 'Variations' }).selectOption('2')
    await expect.poll(() => row.textContent()).toContain('Retry sends it as it was first sent, on Riverflow 2 Fast.')
    expect(await retry.textContent()).toBe('Retry · $0.04')
    await retry.click()
    await expect.poll(() => filledAsync(session), { timeout: 30_000 }).toBe(3)
    expect(sentModels()).toEqual(Array(4).fill('sourceful/riverflow-v2-fast'))
    await session.close()
  })

  it('offers no switch when the failed frames name different models, each row saying its own', async () => {
    // One frame out of credit (the free model named), two on a model that is down (2.5 Fast named).
    suite.standIn.enqueue({ kind: 'error', status: 402 })
    down(2)
    const session = await failedBatchAsync(/^All 3 frames failed\. The first: /)
    const { ui } = session
    const rows = (await ui.locator('.alert').allTextContents()).filter((row) => row.startsWith('Story'))
    expect(rows.filter((row) => row.includes('switch to the free model'))).toHaveLength(1)
    expect(rows.filter((row) => row.includes('try Riverflow 2.5 Fast.'))).toHaveLength(2)
    expect(await ui.getByRole('button', { name: /^Switch to/ }).count()).toBe(0)
    await session.close()
  })
})

describe('what the session cost', () => {
  it('shows each answer’s charged cost after, and the running total in the top bar', async () => {
    const session = await suite.open(onModel('sourceful/riverflow-v2.5-fast'))
    await openOptionsAsync(session.ui)
    await expect.poll(() => topBar(session).textContent()).toContain('$7.50 credit left')
    expect(await topBar(session).textContent()).not.toContain('this session')
    // What OpenRouter will tell of the key after the charge: the top bar asks again.
    suite.standIn.setKeyInfo({ limit_remaining: 7.47 })
    await generateAsync(session, 1)
    // 2.5 is billed by use: the outcome line has the charged usage.cost, not the estimate.
    await expect.poll(() => session.ui.getByRole('status').filter({ hasText: 'Placed 1 image' }).textContent()).toContain('cost $0.03')
    await expect.poll(() => topBar(session).textContent()).toContain('$7.47 credit left on this key · $0.03 this session')
    await generateAsync(session, 2)
    await expect.poll(() => topBar(session).textContent()).toContain('$0.06 this session')
    // Credit that runs out later leaves the designer's model alone: only a key's first check moves it.
    suite.standIn.setKeyInfo({ limit_remaining: 0 })
    await generateAsync(session, 3)
    await expect.poll(() => topBar(session).textContent()).toContain('$0.00 credit left')
    expect(await modelSelect(session).inputValue()).toBe('sourceful/riverflow-v2.5-fast')
    await session.close()
  })
})

describe('the key’s credit after a request that may have been charged', () => {
  it('is asked for again, once, after a Cancel in flight or a timeout, and stays as it was when OpenRouter cannot say', async () => {
    const session = await suite.open(onModel('sourceful/riverflow-v2-fast'))
    await openOptionsAsync(session.ui)
    await expect.poll(() => topBar(session).textContent()).toContain('$7.50 credit left')
    const keyChecks = () => suite.standIn.requests.filter((r) => r.path === '/api/v1/key').length
    const checked = keyChecks()

    // Cancelled while OpenRouter had it: what it tells of the key afterwards, once it billed it.
    suite.standIn.setKeyInfo({ limit_remaining: 7.48 })
    suite.standIn.enqueue({ kind: 'success', delayMs: 30_000 })
    await session.ui.getByRole('button', { name: /^Generate/ }).click()
    await expect.poll(() => suite.standIn.generations().length, { timeout: 10_000 }).toBe(1)
    await session.ui.getByRole('button', { name: 'Cancel' }).click()
    await expect.poll(() => topBar(session).textContent()).toBe('$7.48 credit left on this key · $0.00–$0.02 this session')

    // Given up waiting (524), and OpenRouter cannot be reached when the panel asks: the last line stays.
    let unreached = 0
    await session.page.route('https://openrouter.ai/api/v1/key', (route) => {
      unreached++
      return route.abort('internetdisconnected')
    }, { times: 1 })
    suite.standIn.setKeyInfo({ limit_remaining: 7.46 })
    suite.standIn.enqueue({ kind: 'error', status: 524 })
    await session.ui.getByRole('button', { name: /^Generate/ }).click()
    await expect.poll(() => session.ui.getByRole('alert').textContent(), { timeout: 15_000 }).toMatch(/may still have charged/)
    await expect.poll(() => unreached).toBe(1)
    expect(await topBar(session).textContent()).toBe('$7.48 credit left on this key · $0.00–$0.04 this session')
    // Once after each job, never again on its own: the first reached OpenRouter, the second did not.
    expect(keyChecks()).toBe(checked + 1)
    await session.close()
  })
})

describe('the Image API road', () => {
  it('says what it could not carry after the first image, and before the next one is sent: font inputs travel as passthrough', async () => {
    suite.standIn.models.chatless.add('sourceful/riverflow-v2.5-fast')
    const session = await suite.open(onModel('sourceful/riverflow-v2.5-fast', { fontInputs: [{ fontUrl: 'https://fonts.test/Inter.ttf', text: 'SALE' }] }))
    await openOptionsAsync(session.ui)
    expect(await session.ui.getByRole('note').count()).toBe(0)
    await generateAsync(session, 1)
    const outcome = session.ui.getByRole('status').filter({ hasText: 'Placed 1 image' })
    expect(await outcome.textContent()).toContain('The thinking setting was left out: OpenRouter serves this model in a way that cannot carry it.')
    expect(await session.ui.getByRole('note').textContent()).toBe('Not sent with Riverflow 2.5 Fast: the thinking setting. OpenRouter serves this model in a way that cannot carry it.')
    expect(suite.standIn.imageGenerations()).toHaveLength(1)
    // Its record allows font inputs as passthrough: they went under provider.options.
    expect(suite.standIn.imageGenerations()[0].body).toMatchObject({ provider: { options: { sourceful: { font_inputs: [{ font_url: 'https://fonts.test/Inter.ttf', text: 'SALE' }] } } } })
    await session.close()
  })
})

describe('what a road left out', () => {
  it('names the road the request really took, and keeps the cut-out the designer chose over the effort', async () => {
    // 2.6 Pro on both roads: its Image API record offers a transparent background, chat completions the effort.
    // The cut-out is what the image is: it goes on the Image API, and the effort is what is left out.
    const session = await suite.open(onModel('sourceful/riverflow-v2-fast'))
    const { ui } = session
    await openOptionsAsync(ui)
    await ui.getByRole('combobox', { name: 'Model' }).selectOption('sourceful/riverflow-v2.6-pro')
    await ui.getByRole('radio', { name: 'Transparent' }).check({ timeout: 10_000 })
    await expect.poll(() => ui.getByRole('note').textContent()).toMatch(/^Not sent with Riverflow 2\.6 Pro: the thinking setting\./)
    await generateAsync(session, 1)
    expect(suite.standIn.generations()).toHaveLength(0)
    expect(suite.standIn.imageGenerations()).toHaveLength(1)
    expect(suite.standIn.imageGenerations()[0].body).toMatchObject({ background: 'transparent' })
    const outcome = session.ui.getByRole('status').filter({ hasText: 'Placed 1 image' })
    await expect.poll(() => outcome.textContent()).toContain('The thinking setting was left out: OpenRouter serves this model in a way that cannot carry it.')
    expect(await outcome.textContent()).not.toContain('chat completions')
    await session.close()
  })
})

describe('the wait', () => {
  it('says at once that high effort can take minutes, with the elapsed time and Cancel', async () => {
    suite.standIn.setLatency(4000)
    try {
      const session = await suite.open(onModel('sourceful/riverflow-v2.5-fast', { effort: 'high' }))
      await openOptionsAsync(session.ui)
      await session.ui.getByRole('button', { name: /^Generate/ }).click()
      const status = session.ui.getByRole('status').filter({ hasText: 'Generating with Riverflow 2.5 Fast' })
      await expect.poll(() => status.textContent(), { timeout: 10_000 }).toContain('Thorough thinking can take several minutes.')
      await session.ui.getByRole('button', { name: 'Cancel' }).click()
      await session.close()
    } finally {
      suite.standIn.setLatency(0)
    }
  })
})
