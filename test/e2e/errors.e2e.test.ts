import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Behaviour, TEST_KEY } from '../openrouter-stand-in/server'
import type { PluginSession } from './harness'
import { openOptionsAsync } from './panel-actions'
import { useBrowserSuite } from './suite'

// One session for all the errors: each must leave the prompt and settings as beforeAll set them.
const suite = useBrowserSuite()
let session: PluginSession
const PROMPT = 'A glass teapot on a wooden table'

beforeAll(async () => {
  session = await suite.open({ key: TEST_KEY })
  await session.ui.getByRole('textbox', { name: 'Prompt' }).fill(PROMPT)
  await openOptionsAsync(session.ui)
  await session.ui.getByRole('combobox', { name: 'Model' }).selectOption('sourceful/riverflow-v2-pro')
})
afterAll(() => session?.close())

async function generateAsync(): Promise<void> {
  await session.ui.getByRole('button', { name: /^Generate/ }).click()
}

const alertText = () => session.ui.getByRole('alert').textContent({ timeout: 15_000 })

describe('each error class shows its message and loses nothing', () => {
  it.each<[string, Behaviour, RegExp]>([
    ['400', { kind: 'error', status: 400, message: 'image_size is invalid' }, /OpenRouter refused the request\. Check the prompt and settings, then try again\. \(HTTP 400: image_size is invalid\)/],
    ['401', { kind: 'error', status: 401 }, /key was not accepted.*Open Settings/],
    ['402', { kind: 'error', status: 402 }, /Not enough OpenRouter credit/],
    ['403', { kind: 'error', status: 403 }, /blocked by moderation: violence/],
    // A 404 saying "No endpoints found" sends the model by the Image API instead (generate-family.test.ts).
    ['404', { kind: 'error', status: 404, message: 'No allowed providers are available for the selected model' }, /no provider for this model/],
    ['408', { kind: 'error', status: 408 }, /timed out before the image was ready/],
    ['413', { kind: 'error', status: 413 }, /larger than Riverflow accepts/],
    ['500', { kind: 'error', status: 500 }, /unavailable or overloaded right now\. .*\(HTTP 500\)/],
    ['a 200 carrying an error', { kind: 'choice-error' }, /model failed while making the image/],
    ['a 200 with no image', { kind: 'no-image' }, /finished without an image/],
    ['a body that is not JSON', { kind: 'not-json' }, /could not be read/],
    // Riverflow 2 Pro at 1K: up to $0.15 may still be charged.
    ['a network failure', { kind: 'drop' }, /Lost the connection to OpenRouter.*may still have charged for it, up to \$0\.15: check openrouter\.ai\/activity/],
    ['524', { kind: 'error', status: 524 }, /may still have charged for it, up to \$0\.15: check openrouter\.ai\/activity.*\(HTTP 524\)/],
  ])('%s', async (_name, behaviour, message) => {
    suite.standIn.enqueue(behaviour)
    await generateAsync()
    await expect.poll(alertText, { timeout: 15_000 }).toMatch(message)
    const alert = await alertText()
    expect(alert).not.toMatch(/Error:|at \w+ \(|undefined|sk-or-/)
    // The prompt and settings are as they were.
    expect(await session.ui.getByRole('textbox', { name: 'Prompt' }).inputValue()).toBe(PROMPT)
    expect(await session.ui.getByRole('combobox', { name: 'Model' }).inputValue()).toBe('sourceful/riverflow-v2-pro')
    expect(await session.figma((fake) => fake.page.children.length)).toBe(0)
  })

  it('a 200 with no image that was billed: the charge said, and counted in the session’s spend', async () => {
    const spent = () => session.ui.locator('.topbar').textContent()
    // Nothing charged yet: only the requests cut off above (a dropped connection, a 524) that may still be.
    expect(await spent()).toMatch(/\$0\.00–\$[\d.]+ this session/)
    suite.standIn.enqueue({ kind: 'no-image', billed: true })
    await generateAsync()
    // Riverflow 2 Pro at 1K: $0.15 an image, billed here without one.
    await expect.poll(alertText, { timeout: 15_000 }).toMatch(/^The model finished without an image\. .* OpenRouter charged \$0\.15 for this answer\.$/)
    await expect.poll(spent).toMatch(/\$0\.15–\$[\d.]+ this session/)
    expect(await session.figma((fake) => fake.page.children.length)).toBe(0)
  })

  it.each<[number, RegExp]>([
    [429, /rate limiting this key/],
    [529, /unavailable or overloaded right now\. .*\(HTTP 529\)/],
  ])('%i, still there after the retries', async (status, message) => {
    // Retry-After: 0 keeps the test quick; four answers outlast the three retries.
    suite.standIn.enqueue(...Array.from({ length: 4 }, () => ({ kind: 'error' as const, status, retryAfter: 0 })))
    await generateAsync()
    await expect.poll(alertText, { timeout: 15_000 }).toMatch(message)
    expect(suite.standIn.generations().slice(-4).map((r) => r.status)).toEqual([status, status, status, status])
    expect(await session.ui.getByRole('textbox', { name: 'Prompt' }).inputValue()).toBe(PROMPT)
  })

  it.each<[number, number]>([
    [524, 1],
    [502, 2],
  ])('%i, which may have been billed, is sent %i time(s) at most', async (status, sends) => {
    suite.standIn.enqueue({ kind: 'error', status }, { kind: 'error', status })
    await generateAsync()
    await expect.poll(alertText, { timeout: 15_000 }).toMatch(new RegExp(`HTTP ${status}`))
    expect(suite.standIn.generations()).toHaveLength(sends)
  })

  it('retries an overloaded provider, showing it, then places the image', async () => {
    suite.standIn.enqueue({ kind: 'error', status: 503, retryAfter: 1 })
    await generateAsync()
    await expect.poll(() => session.ui.getByRole('status').first().textContent()).toMatch(/HTTP 503.*Trying again in 1 s \(attempt 2\)/)
    await expect.poll(() => session.figma((fake) => fake.page.children.length), { timeout: 15_000 }).toBe(1)
    expect(await session.ui.getByRole('alert').count()).toBe(0)
    await session.figma((fake) => {
      fake.page.children.forEach((n) => n.remove())
      fake.select()
    })
  })

  it('once the wait before a retry is over, says the request is being made again, not a countdown stuck at 0', async () => {
    suite.standIn.enqueue({ kind: 'error', status: 503, retryAfter: 1 }, { kind: 'success', delayMs: 6000 })
    await generateAsync()
    const status = () => session.ui.getByRole('status').first().textContent()
    await expect.poll(status).toMatch(/Trying again in 1 s \(attempt 2\)/)
    await expect.poll(status, { timeout: 5000 }).toMatch(/Generating with Riverflow 2 Pro… \d:\d\d \(attempt 2\)/)
    expect(await status()).not.toMatch(/Trying again/)
    await expect.poll(() => session.figma((fake) => fake.page.children.length), { timeout: 15_000 }).toBe(1)
    await session.figma((fake) => {
      fake.page.children.forEach((n) => n.remove())
      fake.select()
    })
  })

  it('counts down the wait a rate limit asks for', async () => {
    suite.standIn.enqueue({ kind: 'error', status: 429, retryAfter: 3 })
    await generateAsync()
    const status = () => session.ui.getByRole('status').first().textContent()
    await expect.poll(status).toMatch(/Trying again in 3 s/)
    await expect.poll(status, { timeout: 5000 }).toMatch(/Trying again in 2 s/)
    await expect.poll(() => session.figma((fake) => fake.page.children.length), { timeout: 15_000 }).toBe(1)
    await session.figma((fake) => {
      fake.page.children.forEach((n) => n.remove())
      fake.select()
    })
  })

  it('shows the elapsed time while waiting, and Cancel stops the request', async () => {
    suite.standIn.enqueue({ kind: 'success', delayMs: 20_000 })
    await generateAsync()
    await expect.poll(() => session.ui.getByRole('status').first().textContent(), { timeout: 5000 }).toMatch(/Generating with Riverflow 2 Pro… 0:01/)
    // The panel stays usable while it waits.
    await session.ui.getByRole('textbox', { name: 'Prompt' }).fill(`${PROMPT}, at night`)
    await session.ui.getByRole('button', { name: 'Cancel' }).click()
    await expect.poll(alertText).toMatch(/Cancelled/)
    expect(await session.ui.getByRole('textbox', { name: 'Prompt' }).inputValue()).toBe(`${PROMPT}, at night`)
    expect(await session.figma((fake) => fake.page.children.length)).toBe(0)
  })
})
