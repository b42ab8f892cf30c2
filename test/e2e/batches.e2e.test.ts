import { describe, expect, it } from 'vitest'
import { TEST_KEY } from '../openrouter-stand-in/server'
import type { FakeFigmaView } from './fake-view'
import { useBrowserSuite } from './suite'

// A batch of frames from the named actions, counted in clicks after the plugin opens. The frames hold
// the designer's layers (`addLayout`): empty frames are only filled, never refined or upscaled.
const suite = useBrowserSuite()

const framesInARow = (count: number) => ({
  key: TEST_KEY,
  setup: (fake: FakeFigmaView, n: number) =>
    fake.select(...Array.from({ length: n }, (_, i) => fake.addLayout({ name: `Frame ${i}`, x: i * 260, y: 0, width: 200, height: 150 }))),
  setupArg: count,
})

describe('batches in two clicks', () => {
  it('refines five selected frames, one request each, with one click on “Refine each (5)”', async () => {
    const session = await suite.open(framesInARow(5))
    const { ui } = session
    await ui.getByRole('textbox', { name: 'Prompt' }).fill('Isometric style')
    // The actions show as soon as frames are selected: no mode to switch first.
    await ui.getByRole('button', { name: 'Refine each (5)' }).click()
    await expect.poll(() => suite.standIn.generations().length, { timeout: 20_000 }).toBe(5)
    await expect.poll(() => ui.getByText(/Placed 5 images/).count(), { timeout: 20_000 }).toBe(1)
    const results = await session.figma((fake) => fake.page.children.filter((n) => n.name.endsWith('· Riverflow')).map((n) => [n.width, n.height]))
    expect(results).toEqual(Array(5).fill([200, 150]))
    await session.close()
  })

  it('counts a frame whose image was kept rather than placed as done while the others still run', async () => {
    const session = await suite.open(framesInARow(2))
    const { ui } = session
    // The first answer to come cannot be decoded: paid for, kept below. The other takes its time.
    suite.standIn.enqueue({ kind: 'bad-image' }, { kind: 'success', delayMs: 30_000 })
    await ui.getByRole('textbox', { name: 'Prompt' }).fill('Isometric style')
    await ui.getByRole('button', { name: 'Refine each (2)' }).click()
    const running = ui.getByRole('status').filter({ has: ui.getByRole('list', { name: 'Frames' }) })
    await expect.poll(() => running.getByRole('listitem').filter({ hasText: 'Not placed: kept below' }).count(), { timeout: 20_000 }).toBe(1)
    expect(await running.textContent()).toMatch(/^1 of 2 images done · /)
    await ui.getByRole('button', { name: 'Cancel' }).click()
    await session.close()
  })

  it('says what the running batch sends at the foot until it ends, though the frames it fills change what the selection proposes', async () => {
    const session = await suite.open({
      key: TEST_KEY,
      setup: (fake: FakeFigmaView) => fake.select(...[0, 1, 2].map((i) => fake.addFrame({ name: `Story ${i + 1}`, x: i * 1200, width: 1080, height: 1920 }))),
    })
    const { ui } = session
    // The first answer lands at once; the other two take their time, so the panel is seen mid-job.
    suite.standIn.enqueue({ kind: 'success' }, { kind: 'success', delayMs: 30_000 }, { kind: 'success', delayMs: 30_000 })
    await ui.getByRole('textbox', { name: 'Prompt' }).fill('A summer sale poster, warm light')
    const foot = ui.getByRole('region', { name: 'What is sent' }).getByRole('button').first()
    const pressed = await foot.textContent()
    expect(pressed).toMatch(/· 3 images/)
    await ui.getByRole('button', { name: /^Generate each/ }).click()
    const running = ui.getByRole('status').filter({ has: ui.getByRole('list', { name: 'Frames' }) })
    await expect.poll(() => running.getByRole('listitem').filter({ hasText: 'Placed' }).count(), { timeout: 20_000 }).toBe(1)
    // One frame now holds an image: the selection alone would propose Every format, a job not running.
    await expect.poll(() => session.figma((fake) => fake.page.children.filter((n) => n.fills.some((f) => f.type === 'IMAGE')).length)).toBe(1)
    expect(await foot.textContent()).toBe(pressed)
    expect(await ui.getByRole('textbox', { name: 'Prompt' }).getAttribute('placeholder')).not.toMatch(/formats/)
    await ui.getByRole('button', { name: 'Cancel' }).click()
    // The job over, the foot follows the selection again.
    await expect.poll(() => foot.textContent(), { timeout: 20_000 }).not.toBe(pressed)
    await session.close()
  })

  it('says at the foot what a Retry of one failed frame sends while it runs: one image, not the batch', async () => {
    const session = await suite.open(framesInARow(3))
    const { ui } = session
    await ui.getByRole('textbox', { name: 'Prompt' }).fill('Isometric style')
    const foot = ui.getByRole('region', { name: 'What is sent' }).getByRole('button').first()
    await expect.poll(() => foot.textContent()).toMatch(/· 3 images$/)
    const batch = await foot.textContent()
    suite.standIn.enqueue({ kind: 'success' }, { kind: 'error', status: 400 }, { kind: 'success' })
    await ui.getByRole('button', { name: 'Refine each (3)' }).click()
    const retry = ui.getByRole('button', { name: /^Retry Frame/ })
    await expect.poll(() => retry.count(), { timeout: 20_000 }).toBe(1)
    // Sent again, the frame's answer takes its time: the panel is seen mid-job.
    suite.standIn.enqueue({ kind: 'success', delayMs: 30_000 })
    await retry.click()
    await ui.getByRole('button', { name: 'Cancel' }).waitFor()
    // The frames are of one size: the retry sends what each of the batch's requests sent, once.
    expect(await foot.textContent()).toBe(batch!.replace('· 3 images', '· 1 image'))
    await session.close()
  })

  it('says the reason a whole batch was refused for once, above its frames, each with its priced Retry, until a row has a reason of its own', async () => {
    const session = await suite.open(framesInARow(3))
    const { ui } = session
    const times = async (words: string) => (await ui.locator('body').innerText()).split(words).length - 1
    const rows = () => ui.getByRole('list', { name: 'Not placed' }).getByRole('listitem').allTextContents()
    const retries = () => ui.getByRole('button', { name: /^Retry Frame/ })
    // The key is out of credit: every request is refused for the same reason.
    suite.standIn.enqueue(...[0, 1, 2].map(() => ({ kind: 'error' as const, status: 402 })))
    await ui.getByRole('textbox', { name: 'Prompt' }).fill('Isometric style')
    await ui.getByRole('button', { name: 'Refine each (3)' }).click()
    await expect.poll(() => retries().count(), { timeout: 20_000 }).toBe(3)
    expect(await ui.getByRole('alert').first().textContent()).toMatch(/^All 3 frames failed: Not enough OpenRouter credit/)
    expect(await times('Not enough OpenRouter credit')).toBe(1)
    expect(await rows()).toEqual(['Frame 0Retry · $0.02', 'Frame 1Retry · $0.02', 'Frame 2Retry · $0.02'])
    expect(await retries().evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label')))).toEqual(['Retry Frame 0', 'Retry Frame 1', 'Retry Frame 2'])

    // One sent again and refused again: its reason is the headline, still said once.
    suite.standIn.enqueue({ kind: 'error', status: 402 })
    await ui.getByRole('button', { name: 'Retry Frame 1' }).click()
    await expect.poll(() => suite.standIn.generations().length, { timeout: 20_000 }).toBe(4)
    await expect.poll(() => retries().count(), { timeout: 20_000 }).toBe(3)
    expect(await ui.getByRole('alert').first().textContent()).toMatch(/^Not enough OpenRouter credit/)
    expect(await times('Not enough OpenRouter credit')).toBe(1)
    expect((await rows()).sort()).toEqual(['Frame 0Retry · $0.02', 'Frame 1Retry · $0.02', 'Frame 2Retry · $0.02'])

    // Sent again and refused for another reason: no one reason any more, so each row says its own.
    suite.standIn.enqueue({ kind: 'error', status: 500 })
    await ui.getByRole('button', { name: 'Retry Frame 0' }).click()
    await expect.poll(() => suite.standIn.generations().length, { timeout: 20_000 }).toBe(5)
    await expect.poll(() => ui.getByRole('status').getByText(/^Frame 0: .*unavailable or overloaded/).count(), { timeout: 20_000 }).toBe(1)
    expect(await ui.getByRole('list', { name: 'Not placed' }).count()).toBe(0)
    expect(await ui.getByText(/^Frame [12]: Not enough OpenRouter credit/).count()).toBe(2)
    expect(await retries().count()).toBe(3)
    await session.close()
  })

  it('asks once, in the panel, before sending more than 10 requests', async () => {
    const session = await suite.open(framesInARow(12))
    const { ui } = session
    await ui.getByRole('textbox', { name: 'Prompt' }).fill('Isometric style')
    await ui.getByRole('button', { name: 'Refine each (12)' }).click()
    const dialog = ui.getByRole('alertdialog', { name: 'Confirm sending' })
    expect(await dialog.textContent()).toMatch(/This sends 12 requests, 3 at a time: an estimated \$0\.24 in all\./)
    await ui.getByRole('button', { name: 'Back' }).click()
    expect(await dialog.count()).toBe(0)
    expect(suite.standIn.generations()).toHaveLength(0)

    // By keyboard: the question takes the focus on Send, and Escape goes back.
    await ui.getByRole('button', { name: 'Refine each (12)' }).click()
    await expect.poll(() => ui.getByRole('button', { name: 'Send 12 requests' }).evaluate((button) => button === document.activeElement)).toBe(true)
    await session.page.keyboard.press('Escape')
    expect(await dialog.count()).toBe(0)
    expect(suite.standIn.generations()).toHaveLength(0)

    await ui.getByRole('button', { name: 'Refine each (12)' }).click()
    // Enter once Send has the focus: the question takes it as it is drawn, a frame after the click.
    await expect.poll(() => ui.getByRole('button', { name: 'Send 12 requests' }).evaluate((button) => button === document.activeElement)).toBe(true)
    await session.page.keyboard.press('Enter')
    await expect.poll(() => ui.getByText(/Placed 12 images/).count(), { timeout: 30_000 }).toBe(1)
    expect(suite.standIn.generations()).toHaveLength(12)
    await session.close()
  })

  it('sends a batch of 50 after asking once, never more at a time than chosen, and keeps what worked when some fail', async () => {
    suite.standIn.setLatency(150)
    suite.standIn.enqueue({ kind: 'error', status: 400 }, { kind: 'error', status: 400 })
    try {
      const session = await suite.open(framesInARow(50))
      const { ui } = session
      await ui.getByRole('textbox', { name: 'Prompt' }).fill('Isometric style')
      await ui.getByRole('button', { name: 'Refine each (50)' }).click()
      expect(await ui.getByRole('alertdialog', { name: 'Confirm sending' }).textContent()).toMatch(/This sends 50 requests, 3 at a time: an estimated \$1\.00 in all\./)
      await ui.getByRole('button', { name: 'Send 50 requests' }).click()
      await expect.poll(() => ui.getByText(/Placed 48 images/).count(), { timeout: 50_000 }).toBe(1)

      const requests = suite.standIn.generations()
      expect(requests).toHaveLength(50)
      const most = Math.max(...requests.map((r) => requests.filter((o) => o.receivedAt <= r.receivedAt && (o.answeredAt ?? Infinity) > r.receivedAt).length))
      expect(most).toBeLessThanOrEqual(3)
      // Both refused for one reason: said once, after the count; their rows name the frames.
      expect(await ui.getByRole('alert').first().textContent()).toMatch(/^2 of 50 frames failed; the others were placed\. \S/)
      expect(await ui.getByRole('list', { name: 'Not placed' }).getByRole('listitem').count()).toBe(2)
      expect(await ui.getByRole('button', { name: /^Retry Frame/ }).count()).toBe(2)
      // Sent again, so priced on the button: one frame's request, $1.00 for 50.
      expect(await ui.getByRole('button', { name: /^Retry Frame/ }).allTextContents()).toEqual(['Retry · $0.02', 'Retry · $0.02'])
      expect(await session.figma((fake) => fake.page.children.filter((n) => n.name.endsWith('· Riverflow')).length)).toBe(48)
      await session.close()
    } finally {
      suite.standIn.setLatency(0)
    }
  })

  it('prices a selection of more than 50 layers: the main action at once, those beside it a moment later, to the cent', async () => {
    const session = await suite.open(framesInARow(60))
    const { ui } = session
    await expect.poll(() => ui.locator('#primary-price').getAttribute('aria-label')).toBe('Estimated cost $1.20')
    // Beside the main action, an action of 60 requests is priced in a task after the panel is drawn: "…" for that moment.
    const upscale = ui.locator('.secondary-actions').getByRole('button', { name: 'Upscale each 2×' })
    await expect.poll(() => upscale.locator('.price').textContent()).toBe('$1.20')
    await upscale.click()
    // The confirmation names the estimate the button showed, and nothing was sent.
    expect(await ui.getByRole('alertdialog', { name: 'Confirm sending' }).textContent()).toMatch(/This sends 60 requests, .*an estimated \$1\.20 in all/)
    expect(suite.standIn.generations()).toHaveLength(0)
    await session.close()
  })
})
