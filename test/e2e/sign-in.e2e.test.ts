import { describe, expect, it } from 'vitest'
import { TEST_KEY } from '../openrouter-stand-in/server'
import type { PluginSession } from './harness'
import { useBrowserSuite } from './suite'

// "Sign in with OpenRouter" in the built plugin: the fake figma records the page
// the sandbox opens in the designer's browser; the test plays OpenRouter's page
// by minting a code for the challenge in that URL, and pastes it as a designer would.
const suite = useBrowserSuite()

const KEY_ENTRY = 'openrouter-api-key'

/** Opens the plugin on first run, recording every message the UI sends to the sandbox. */
function openFirstRunAsync(): Promise<PluginSession> {
  return suite.open({
    setup: (fake) => {
      const sent: string[] = []
      ;(window as unknown as { sentToSandbox: string[] }).sentToSandbox = sent
      const send = fake.sendFromUi.bind(fake)
      fake.sendFromUi = (message: unknown) => {
        sent.push(JSON.stringify(message))
        return send(message)
      }
    },
  })
}

const sentToSandbox = (session: PluginSession) => session.page.evaluate(() => (window as unknown as { sentToSandbox: string[] }).sentToSandbox)

/** Presses the button that opens OpenRouter, and returns the challenge of the page the sandbox opened. */
async function startSignInAsync(session: PluginSession, button: 'Sign in with OpenRouter' | 'Start again'): Promise<string> {
  const before = await session.figma((fake) => fake.openedUrls.length)
  await session.ui.getByRole('button', { name: button, exact: true }).click()
  await expect.poll(() => session.figma((fake) => fake.openedUrls.length)).toBe(before + 1)
  const url = new URL(await session.figma((fake) => fake.openedUrls.at(-1)!))
  return url.searchParams.get('code_challenge')!
}

async function pasteCodeAsync(session: PluginSession, code: string): Promise<void> {
  await session.ui.getByRole('textbox', { name: 'Paste the code OpenRouter shows you' }).fill(code)
  await session.ui.getByRole('button', { name: 'Sign in', exact: true }).click()
}

async function expectRefusedAsync(session: PluginSession, message: RegExp): Promise<void> {
  await expect.poll(() => session.ui.getByRole('alert').textContent()).toMatch(message)
  expect(await session.figma((fake, entry) => fake.storage.has(entry), KEY_ENTRY)).toBe(false)
}

const BAD_CODE = /did not accept this code.*start again/

/** The verifiers the UI sent with its exchanges, as the stand-in recorded them. */
const sentVerifiers = () =>
  suite.standIn.requests.filter((r) => r.path === '/api/v1/auth/keys').map((r) => (r.body as { code_verifier: string }).code_verifier)

describe('Sign in with OpenRouter', () => {
  it('opens OpenRouter, takes the code it shows, checks the key, stores it, and shares the verifier with nobody', async () => {
    const session = await openFirstRunAsync()
    const { ui } = session
    // Signing in comes first; pasting a key is still there, second.
    await ui.getByRole('button', { name: 'Sign in with OpenRouter' }).waitFor()
    await ui.getByRole('textbox', { name: 'OpenRouter API key' }).waitFor()

    const challenge = await startSignInAsync(session, 'Sign in with OpenRouter')
    const opened = await session.figma((fake) => fake.openedUrls[0])
    expect(opened).toMatch(/^https:\/\/openrouter\.ai\/auth\?code_challenge=[A-Za-z0-9_-]{43}&code_challenge_method=S256&key_label=Riverflow%20for%20Figma$/)

    const code = suite.standIn.auth.mint(challenge)
    await pasteCodeAsync(session, `  ${code}\n`)
    await ui.getByRole('textbox', { name: 'Prompt' }).waitFor()
    await expect.poll(() => ui.getByText('$7.50 credit left on this key').count()).toBe(1)
    expect(await session.figma((fake, entry) => fake.storage.get(entry), KEY_ENTRY)).toBe(TEST_KEY)
    // Exchanged, then checked with /key, and only then stored.
    expect(suite.standIn.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(
      expect.arrayContaining(['POST /api/v1/auth/keys 200', 'GET /api/v1/key 200']),
    )

    // The verifier went to OpenRouter once, and nowhere else: not to the sandbox, not to storage, not on screen.
    const [verifier] = sentVerifiers()
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const sent = await sentToSandbox(session)
    expect(sent.filter((message) => message.includes(verifier))).toEqual([])
    expect(sent.filter((message) => message.includes(TEST_KEY)).map((message) => JSON.parse(message).type)).toEqual(['save-key'])
    expect(JSON.stringify(await session.figma((fake) => [...fake.storage.values()]))).not.toContain(verifier)
    await ui.getByRole('button', { name: 'Settings' }).click()
    expect(await ui.locator('body').textContent()).not.toMatch(new RegExp(`${verifier}|sk-or-`))
    await session.close()
  })

  it('refuses a missing, wrong, expired or other attempt’s code, stores nothing, and Start again works', async () => {
    const session = await openFirstRunAsync()
    const first = await startSignInAsync(session, 'Sign in with OpenRouter')

    // Back from OpenRouter without a code (denied, or the page closed).
    await pasteCodeAsync(session, '')
    await expectRefusedAsync(session, /Paste the code OpenRouter shows you first/)

    await pasteCodeAsync(session, 'auth_code_mistyped')
    await expectRefusedAsync(session, BAD_CODE)

    const expired = suite.standIn.auth.mint(first)
    suite.standIn.auth.expire(expired)
    await pasteCodeAsync(session, expired)
    await expectRefusedAsync(session, BAD_CODE)

    // A code the first page showed, pasted into a new attempt: its verifier cannot match.
    const fromFirst = suite.standIn.auth.mint(first)
    const second = await startSignInAsync(session, 'Start again')
    expect(second).not.toBe(first)
    expect(await session.ui.getByRole('alert').count()).toBe(0)
    await pasteCodeAsync(session, fromFirst)
    await expectRefusedAsync(session, BAD_CODE)
    expect(suite.standIn.requests.filter((r) => r.path === '/api/v1/auth/keys').map((r) => r.status)).toEqual([403, 403, 403])
    expect(suite.standIn.requests.some((r) => r.path === '/api/v1/key')).toBe(false)

    const third = await startSignInAsync(session, 'Start again')
    await pasteCodeAsync(session, suite.standIn.auth.mint(third))
    await session.ui.getByRole('textbox', { name: 'Prompt' }).waitFor()
    expect(await session.figma((fake, entry) => fake.storage.get(entry), KEY_ENTRY)).toBe(TEST_KEY)
    // Each attempt had its own verifier.
    expect(new Set(sentVerifiers()).size).toBe(3)
    await session.close()
  })

  it('Enter in the code field signs in with it, as Sign in does: it does not start again', async () => {
    const session = await openFirstRunAsync()
    const { ui } = session
    const code = suite.standIn.auth.mint(await startSignInAsync(session, 'Sign in with OpenRouter'))
    await ui.getByRole('textbox', { name: 'Paste the code OpenRouter shows you' }).fill(code)
    await ui.getByRole('textbox', { name: 'Paste the code OpenRouter shows you' }).press('Enter')
    await ui.getByRole('textbox', { name: 'Prompt' }).waitFor()
    expect(await session.figma((fake, entry) => fake.storage.get(entry), KEY_ENTRY)).toBe(TEST_KEY)
    // One page opened, one code spent: Enter did not open OpenRouter again nor exchange twice.
    expect(await session.figma((fake) => fake.openedUrls.length)).toBe(1)
    expect(suite.standIn.requests.filter((r) => r.path === '/api/v1/auth/keys').map((r) => r.status)).toEqual([200])
    await session.close()
  })

  it('refuses a code pasted twice, and keeps the key already saved', async () => {
    const session = await openFirstRunAsync()
    const { ui } = session
    const code = suite.standIn.auth.mint(await startSignInAsync(session, 'Sign in with OpenRouter'))
    await pasteCodeAsync(session, code)
    await ui.getByRole('textbox', { name: 'Prompt' }).waitFor()

    await ui.getByRole('button', { name: 'Settings' }).click()
    await ui.getByRole('button', { name: 'Replace key' }).click()
    await startSignInAsync(session, 'Sign in with OpenRouter')
    await pasteCodeAsync(session, code)
    await expect.poll(() => ui.getByRole('alert').textContent()).toMatch(BAD_CODE)
    expect(await session.figma((fake, entry) => fake.storage.get(entry), KEY_ENTRY)).toBe(TEST_KEY)
    await ui.getByRole('button', { name: 'Keep current key' }).click()
    await ui.getByRole('button', { name: 'Replace key' }).waitFor()
    await session.close()
  })

  it('keeps the code through a network failure: pressing Sign in again finishes', async () => {
    const session = await openFirstRunAsync()
    const code = suite.standIn.auth.mint(await startSignInAsync(session, 'Sign in with OpenRouter'))
    suite.standIn.auth.failNext({ kind: 'drop' })
    await pasteCodeAsync(session, code)
    await expectRefusedAsync(session, /Could not reach OpenRouter.*Sign in again/)
    await session.ui.getByRole('button', { name: 'Sign in', exact: true }).click()
    await session.ui.getByRole('textbox', { name: 'Prompt' }).waitFor()
    expect(await session.figma((fake, entry) => fake.storage.get(entry), KEY_ENTRY)).toBe(TEST_KEY)
    await session.close()
  })

  it('stores nothing while the new key’s check fails, then checks the same key again without spending a code', async () => {
    const session = await openFirstRunAsync()
    const code = suite.standIn.auth.mint(await startSignInAsync(session, 'Sign in with OpenRouter'))
    // The exchange succeeds; the check after it finds no network, once.
    await session.page.route('https://openrouter.ai/api/v1/key', (route) => route.abort('internetdisconnected'), { times: 1 })
    await pasteCodeAsync(session, code)
    await expectRefusedAsync(session, /Could not reach OpenRouter to check the key/)
    expect((await sentToSandbox(session)).some((message) => JSON.parse(message).type === 'save-key')).toBe(false)
    await session.ui.getByRole('button', { name: 'Sign in', exact: true }).click()
    await session.ui.getByRole('textbox', { name: 'Prompt' }).waitFor()
    expect(await session.figma((fake, entry) => fake.storage.get(entry), KEY_ENTRY)).toBe(TEST_KEY)
    expect(suite.standIn.requests.filter((r) => r.path === '/api/v1/auth/keys').map((r) => r.status)).toEqual([200])
    await session.close()
  })

  it('a minted key whose check is refused: says a key was made and where to delete it, and never shows it', async () => {
    const session = await openFirstRunAsync()
    const code = suite.standIn.auth.mint(await startSignInAsync(session, 'Sign in with OpenRouter'))
    await session.page.route('https://openrouter.ai/api/v1/key', (route) => route.fulfill({ status: 401, body: '{"error":{"code":401,"message":"No auth"}}' }), { times: 1 })
    await pasteCodeAsync(session, code)
    await expectRefusedAsync(session, /make a key for this plugin on your account.*delete it at openrouter\.ai\/settings\/keys/)
    expect(await session.ui.locator('body').textContent()).not.toMatch(/sk-or/)
    await session.close()
  })

  it('starts fresh after the plugin is closed in the middle: the old page’s code no longer fits', async () => {
    const closed = await openFirstRunAsync()
    const oldCode = suite.standIn.auth.mint(await startSignInAsync(closed, 'Sign in with OpenRouter'))
    // All the sandbox heard of the attempt is the page to open: the verifier stayed in the UI's memory.
    const heard = (await sentToSandbox(closed)).map((message) => JSON.parse(message)).filter((message) => message.type !== 'save-state')
    expect(heard.map((message) => message.type)).toEqual(['send-selection', 'open-external'])
    expect(Object.keys(heard[1]).sort()).toEqual(['requestId', 'type', 'url'])
    await closed.close()

    const session = await openFirstRunAsync()
    expect(await session.ui.getByRole('textbox', { name: 'Paste the code OpenRouter shows you' }).count()).toBe(0)
    await startSignInAsync(session, 'Sign in with OpenRouter')
    await pasteCodeAsync(session, oldCode)
    await expectRefusedAsync(session, BAD_CODE)
    await session.ui.getByRole('button', { name: 'Start again' }).waitFor()
    await session.close()
  })
})
