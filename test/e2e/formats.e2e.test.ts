import { describe, expect, it } from 'vitest'
import { TEST_KEY } from '../openrouter-stand-in/server'
import type { FakeFigmaView } from './fake-view'
import type { PluginSession } from './harness'
import { useBrowserSuite } from './suite'

// Every format (issue 27), in the built plugin: one key visual made into a campaign's formats,
// each frame filled at its own shape, the designer's layers left as they were.
const suite = useBrowserSuite()

/** The campaign's frames of the issue: a story, a link preview, a leaderboard and a medium rectangle. */
const FRAMES: [string, number, number][] = [
  ['Story', 1080, 1920],
  ['Link preview', 1200, 628],
  ['Leaderboard', 728, 90],
  ['Medium rectangle', 300, 250],
]

interface Setup {
  state: unknown
  frames: [string, number, number][]
  headlines: boolean
}

/** A 1600×1600 key visual (an image fill) and, when given, a frame for each format with a headline in it (or empty), all selected. */
const keyVisual = (state: unknown, frames: [string, number, number][] = [], headlines = true) => ({
  key: TEST_KEY,
  setup: async (fake: FakeFigmaView, arg: Setup) => {
    fake.storage.set('saved-state', arg.state)
    const visual = await fake.addPhoto({ name: 'Key visual', x: 0, y: 0, width: 1600, height: 1600, imageWidth: 400 })
    const made = arg.frames.map(([name, width, height], i) => {
      const frame = fake.addFrame({ name: `${name} ${width}×${height}`, x: 1800 + i * 1300, y: 0, width, height })
      if (arg.headlines) fake.addText({ name: `${name} headline`, x: 8, y: 8, width: Math.min(200, width - 16), height: 24, characters: 'Summer sale' }, frame)
      return frame
    })
    fake.select(visual, ...made)
  },
  setupArg: { state, frames, headlines } satisfies Setup,
})

const on = (model: string, more: Record<string, unknown> = {}) => ({ prompt: 'Sunlit sand', settings: { model, imageSize: '1K', fontInputs: [] }, ...more })

/**
 * The key visual and every text layer as a designer would see them changed:
 * fills, place, size, parent, and order among the designer's own layers (a
 * result goes behind them, a layer of the plugin's, with its record).
 */
const designersLayers = (session: PluginSession) =>
  session.figma((fake) => {
    const designers = (node: { getPluginData(key: string): string }) => node.getPluginData('riverflow') === ''
    return fake
      .allNodes()
      .filter((node) => node.name === 'Key visual' || node.type === 'TEXT')
      .map((node) => ({
        name: node.name,
        fills: JSON.stringify(node.fills),
        box: [node.x, node.y, node.width, node.height],
        parent: node.parent?.name,
        index: node.parent?.children.filter(designers).indexOf(node),
      }))
  })

/** Each frame whose name starts with one of `names`: its size, and the pixel size of the image filling it behind its own layers. */
const framesFilled = (session: PluginSession, names: string[]) =>
  session.figma(
    (fake, prefixes) =>
      fake.allNodes()
        .filter((node) => node.type === 'FRAME' && prefixes.some((prefix) => node.name.startsWith(prefix)))
        .map((frame) => {
          const first = frame.children[0]
          const fill = first?.fills.find((paint) => paint.type === 'IMAGE')
          const image = fill?.imageHash ? fake.images.get(fill.imageHash) : undefined
          return {
            name: frame.name,
            frame: [frame.width, frame.height],
            image: image ? [image.width, image.height] : null,
            covers: first ? [first.x, first.y, first.width, first.height] : null,
            layers: frame.children.length,
          }
        }),
    names,
  )

/**
 * The price on the main action ("Estimated cost ~$0.47–$2.00", in whole cents) and its exact low end,
 * what the records price the set at before it is sent, from its title ("About $0.475 to $2.00: …").
 */
async function shownEstimateAsync(session: PluginSession): Promise<{ low: number; text: string }> {
  const price = session.ui.locator('#primary-price')
  const text = (await price.getAttribute('aria-label')) ?? ''
  const [low] = [...((await price.getAttribute('title')) ?? '').matchAll(/\$(\d+\.\d+)/g)].map((match) => Number(match[1]))
  return { low, text }
}

/**
 * Holds the sandbox's making of the frames (a big file's page takes a moment to load) until
 * `releaseFrames` is called in the page: `framesHeld` says it has begun. Only the next load waits.
 */
const holdFrames = (session: PluginSession) =>
  session.figma((fake) => {
    const page = fake.page as unknown as { loadAsync: () => Promise<void> }
    const held = window as unknown as { framesHeld: boolean; releaseFrames: () => void }
    const load = page.loadAsync.bind(page)
    const released = new Promise<void>((resolve) => (held.releaseFrames = resolve))
    held.framesHeld = false
    page.loadAsync = async () => {
      page.loadAsync = load
      held.framesHeld = true
      await released
      return load()
    }
  })
const framesHeld = (session: PluginSession) => session.figma(() => (window as unknown as { framesHeld: boolean }).framesHeld)
const releaseFrames = (session: PluginSession) => session.figma(() => (window as unknown as { releaseFrames: () => void }).releaseFrames())

describe('Every format', () => {
  it('on 2.6 Pro: one request per frame at its exact pixels, each frame filled at its own shape, the designer’s layers unchanged, the estimate what is billed', async () => {
    const session = await suite.open(keyVisual(on('sourceful/riverflow-v2.6-pro'), FRAMES))
    const { ui } = session
    const before = await designersLayers(session)
    const action = ui.getByRole('button', { name: 'Every format (4)', exact: true })
    await action.waitFor({ timeout: 30_000 })
    // The main action for a key visual and frames, priced before anything is sent.
    await expect.poll(() => shownEstimateAsync(session).then((shown) => shown.text), { timeout: 30_000 }).toMatch(/^Estimated cost ~\$0\.\d+–\$2\.00$/)
    const shown = await shownEstimateAsync(session)
    expect(await ui.getByLabel('Where it lands').textContent()).toMatch(/In each frame, made for its shape, behind the frame’s own layers/)
    await action.click()
    await expect.poll(() => ui.getByText(/^Placed 4 images/).count(), { timeout: 60_000 }).toBe(1)

    const sent = suite.standIn.imageGenerations()
    expect(sent.map((request) => (request.body as { size: string }).size).sort()).toEqual(['1456x180', '2160x3840', '2400x1256', '600x500'])
    for (const request of sent) {
      expect(request.body).toMatchObject({ model: 'sourceful/riverflow-v2.6-pro' })
      expect(request.body).not.toHaveProperty('resolution')
      expect(request.body).not.toHaveProperty('aspect_ratio')
    }
    expect(suite.standIn.generations()).toHaveLength(0)
    // Each frame filled, behind its headline, with an image of its own ratio (at 2×: exactly twice its size).
    expect(await framesFilled(session, FRAMES.map(([name]) => name))).toEqual(
      FRAMES.map(([name, width, height]) => ({ name: `${name} ${width}×${height}`, frame: [width, height], image: [width * 2, height * 2], covers: [0, 0, width, height], layers: 2 })),
    )
    expect(await designersLayers(session)).toEqual(before)
    // What was shown before sending is what the requests were billed, to the tenth of a cent.
    const billed = sent.reduce((sum, request) => sum + (request.cost ?? NaN), 0)
    expect(Math.abs(billed - shown.low)).toBeLessThan(0.0015)
    await session.close()
  })

  it('on a tier model, names the format it cannot make before sending, and sends the others', async () => {
    const session = await suite.open(keyVisual(on('sourceful/riverflow-v2-pro'), FRAMES))
    const { ui } = session
    const action = ui.getByRole('button', { name: 'Every format (3)', exact: true })
    await action.waitFor({ timeout: 30_000 })
    const note = ui.getByLabel('Where it lands').getByText(/cannot make/)
    expect(await note.textContent()).toBe(
      'Riverflow 2 Pro cannot make “Leaderboard 728×90” at its shape, wider than 21:9 or taller than 9:16, so it is left out. Riverflow 2.6 Pro makes any shape up to 16:1: choose it in the options to make them all.',
    )
    expect(suite.standIn.generations()).toHaveLength(0)
    const shown = await shownEstimateAsync(session)
    await action.click()
    await expect.poll(() => ui.getByText(/^Placed 3 images/).count(), { timeout: 60_000 }).toBe(1)
    const sent = suite.standIn.generations()
    expect(sent).toHaveLength(3)
    const filled = await framesFilled(session, FRAMES.map(([name]) => name))
    expect(filled.filter((frame) => frame.image !== null).map((frame) => frame.name).sort()).toEqual(['Link preview 1200×628', 'Medium rectangle 300×250', 'Story 1080×1920'])
    expect(filled.find((frame) => frame.name.startsWith('Leaderboard'))).toMatchObject({ image: null, layers: 1 })
    expect(Math.abs(sent.reduce((sum, request) => sum + (request.cost ?? NaN), 0) - shown.low)).toBeLessThan(0.0015)
    await session.close()
  })

  it('with the empty frames of its formats, the actions beside Every format work on the key visual alone: Upscale 2× sends it in one request, and nothing combines the blank frames', async () => {
    const session = await suite.open(keyVisual(on('sourceful/riverflow-v2-fast'), FRAMES, false))
    const { ui } = session
    const actions = ui.getByRole('region', { name: 'Actions on the selection' })
    await actions.getByRole('button', { name: 'Every format (3)', exact: true }).waitFor({ timeout: 30_000 })
    // Each priced as one request, the key visual's: the frames are where the formats go, not pictures to pay for.
    expect(await actions.locator('.secondary-actions > .action-with-choice').getByRole('button').allTextContents()).toEqual(['Refine$0.04', 'Upscale 2×$0.04'])
    await actions.getByRole('button', { name: 'More actions' }).click()
    const more = await actions.getByRole('menuitem').evaluateAll((items) => items.map((item) => item.getAttribute('aria-label')))
    // 4× of the 1600 px key visual on 2 Fast is its 2K, as 2× is: not offered under a bigger name.
    expect(more).toEqual(['Remove background', 'Replace with a new image', 'Generate'])
    await actions.getByRole('button', { name: 'More actions' }).click()
    await actions.getByRole('button', { name: 'Upscale 2×', exact: true }).click()
    await expect.poll(() => ui.getByText(/^Placed 1 image/).count(), { timeout: 60_000 }).toBe(1)
    const sent = suite.standIn.generations()
    expect(sent).toHaveLength(1)
    const images = JSON.stringify(sent[0].body).match(/"type":"image_url"/g) ?? []
    expect(images).toHaveLength(1)
    expect(await framesFilled(session, FRAMES.map(([name]) => name))).toEqual(FRAMES.map(([name, width, height]) => ({ name: `${name} ${width}×${height}`, frame: [width, height], image: null, covers: null, layers: 0 })))
    await session.close()
  })

  it('with only the key visual selected, makes the frames picked from the list, named with their sizes, fills them, and one undo takes them all away', async () => {
    const session = await suite.open(keyVisual(on('sourceful/riverflow-v2.6-pro')))
    const { ui } = session
    await ui.getByRole('button', { name: 'Formats to make' }).click()
    const list = ui.getByRole('dialog', { name: 'Formats' })
    await list.getByRole('checkbox', { name: 'Square post · 1080×1080' }).uncheck()
    await list.getByRole('checkbox', { name: 'Link preview · 1200×628' }).uncheck()
    await list.getByRole('checkbox', { name: 'Leaderboard · 728×90' }).check()
    await ui.getByRole('textbox', { name: 'Prompt' }).press('Escape')
    expect(await list.count()).toBe(0)
    const stepsBefore = await session.figma((fake) => fake.undoSteps())
    const before = await designersLayers(session)
    await ui.getByRole('button', { name: 'Every format (3)', exact: true }).click()
    await expect.poll(() => ui.getByText(/^Placed 3 images/).count(), { timeout: 60_000 }).toBe(1)

    expect(await framesFilled(session, ['Story', 'Medium rectangle', 'Leaderboard'])).toEqual([
      { name: 'Story · 1080×1920', frame: [1080, 1920], image: [2160, 3840], covers: [0, 0, 1080, 1920], layers: 1 },
      { name: 'Medium rectangle · 300×250', frame: [300, 250], image: [600, 500], covers: [0, 0, 300, 250], layers: 1 },
      { name: 'Leaderboard · 728×90', frame: [728, 90], image: [1456, 180], covers: [0, 0, 728, 90], layers: 1 },
    ])
    expect(await designersLayers(session)).toEqual(before)
    // The frames and their images are one step: one undo, and the page is as it was.
    expect(await session.figma((fake) => fake.undoSteps())).toBe(stepsBefore + 1)
    expect(await session.figma((fake) => fake.undo())).toBe(true)
    expect(await session.figma((fake) => fake.page.children.map((node) => node.name))).toEqual(['Key visual'])
    expect(await designersLayers(session)).toEqual(before)
    await session.close()
  })

  it('with only the key visual, says while the frames are made, and Cancel then removes them and sends nothing', async () => {
    const session = await suite.open(keyVisual(on('sourceful/riverflow-v2.6-pro', { formats: ['story', 'medium-rectangle'] })))
    const { ui } = session
    const before = await designersLayers(session)
    await holdFrames(session)
    await ui.getByRole('button', { name: 'Every format (2)', exact: true }).click()
    await expect.poll(() => framesHeld(session)).toBe(true)
    // Figma is making them: the panel says so, with Cancel, in the actions' place.
    const making = ui.getByRole('status', { name: 'Getting the frames ready' })
    expect(await making.textContent()).toMatch(/^Getting the 2 frames ready…/)
    await making.getByRole('button', { name: 'Cancel' }).click()
    expect(await making.textContent()).toMatch(/^Cancelled: any new frames are removed once Figma is done…/)
    await releaseFrames(session)
    await ui.getByRole('button', { name: 'Every format (2)', exact: true }).waitFor()
    expect(await session.figma((fake) => fake.page.children.map((node) => node.name))).toEqual(['Key visual'])
    expect(suite.standIn.imageGenerations()).toHaveLength(0)
    expect(await ui.getByRole('alert').count()).toBe(0)
    expect(await designersLayers(session)).toEqual(before)
    // The set's step is closed: undo brings no frame back, and takes nothing of the designer's.
    await session.figma((fake) => fake.undo())
    expect(await session.figma((fake) => fake.page.children.map((node) => node.name))).toEqual(['Key visual'])
    expect(await designersLayers(session)).toEqual(before)
    await session.close()
  })

  it('with only the key visual, when every request fails the empty frames wait with their Retry, and the next press fills them rather than making them again', async () => {
    const session = await suite.open(keyVisual(on('sourceful/riverflow-v2.6-pro', { formats: ['story', 'medium-rectangle', 'leaderboard'] })))
    const { ui } = session
    const before = await designersLayers(session)
    const canvas = () =>
      session.figma((fake) => ({
        layers: fake.page.children.map((node) => [node.name, node.children.length]),
        selection: fake.page.selection.map((node) => node.name),
      }))
    const made = (filled: number) => [['Story · 1080×1920', filled], ['Medium rectangle · 300×250', filled], ['Leaderboard · 728×90', filled]]
    // The key is out of credit: every request of the set is refused.
    suite.standIn.enqueue(...[1, 2, 3].map(() => ({ kind: 'error' as const, status: 402 })))
    const action = ui.getByRole('button', { name: 'Every format (3)', exact: true })
    await action.click()
    await expect.poll(() => ui.getByRole('button', { name: /^Retry / }).count(), { timeout: 60_000 }).toBe(3)
    expect(await ui.getByRole('alert').first().textContent()).toMatch(/^All 3 frames failed: Not enough OpenRouter credit/)
    // The reason they share is read once, in that headline: each row names its frame, with its Retry and price.
    expect((await ui.locator('body').innerText()).split('Not enough OpenRouter credit')).toHaveLength(2)
    const names = made(0).map(([name]) => name as string)
    const rows = await ui.getByRole('list', { name: 'Not placed' }).getByRole('listitem').allTextContents()
    expect(rows.map((row) => row.split('Retry')[0])).toEqual(names)
    expect(rows.every((row) => /Retry · ~\$\d+\.\d\d–\$\d+\.\d\d$/.test(row))).toBe(true)
    for (const name of names) expect(await ui.getByRole('button', { name: `Retry ${name}`, exact: true }).count()).toBe(1)
    // The frames wait, empty and named, for their Retry; the key visual is still what is selected.
    expect(await canvas()).toEqual({ layers: [['Key visual', 0], ...made(0)], selection: ['Key visual'] })
    const steps = await session.figma((fake) => fake.undoSteps())

    // Credit added: the designer presses Every format again, and the same frames are filled. While Figma
    // gets them, the panel says nothing of making frames, as none is made.
    await holdFrames(session)
    await action.click()
    await expect.poll(() => framesHeld(session)).toBe(true)
    expect(await ui.getByRole('status', { name: 'Getting the frames ready' }).textContent()).toMatch(/^Getting the 3 frames ready…/)
    await releaseFrames(session)
    await expect.poll(() => ui.getByText(/^Placed 3 images/).count(), { timeout: 60_000 }).toBe(1)
    expect(suite.standIn.imageGenerations()).toHaveLength(6)
    expect(await canvas()).toEqual({ layers: [['Key visual', 0], ...made(1)], selection: ['Key visual'] })
    expect(await designersLayers(session)).toEqual(before)
    // The images are one undo step, which leaves the frames as the failed set left them.
    expect(await session.figma((fake) => fake.undoSteps())).toBe(steps + 1)
    expect(await session.figma((fake) => fake.undo())).toBe(true)
    expect(await canvas()).toEqual({ layers: [['Key visual', 0], ...made(0)], selection: ['Key visual'] })
    await session.close()
  })

  it('with only the key visual, a frame left empty by a failed or cancelled request is filled by the next press, and only the others are made again', async () => {
    const session = await suite.open(keyVisual(on('sourceful/riverflow-v2.6-pro', { formats: ['story', 'medium-rectangle', 'leaderboard'] })))
    const { ui } = session
    const frames = () => session.figma((fake) => fake.page.children.filter((node) => node.type === 'FRAME').map((node) => [node.name, node.children.length]))
    const action = ui.getByRole('button', { name: 'Every format (3)', exact: true })
    // 1 of 3 refused.
    suite.standIn.enqueue({ kind: 'success' }, { kind: 'error', status: 500 }, { kind: 'success' })
    await action.click()
    await expect.poll(() => ui.getByRole('button', { name: /^Retry / }).count(), { timeout: 60_000 }).toBe(1)
    const first = await frames()
    expect(first.map(([, layers]) => layers).sort()).toEqual([0, 1, 1])
    const empty = first.find(([, layers]) => layers === 0)![0]

    // Pressed again: a new set, its failed format in the frame left empty, the two others beside.
    await action.click()
    await expect.poll(() => ui.getByText(/^Placed 3 images/).count(), { timeout: 60_000 }).toBe(1)
    const second = await frames()
    expect(second).toHaveLength(5)
    expect(second.slice(0, 3)).toEqual(first.map(([name]) => [name, 1]))
    expect(second.slice(3).map(([name]) => name)).toEqual(first.filter(([name]) => name !== empty).map(([name]) => name))
    expect(second.every(([, layers]) => layers === 1)).toBe(true)

    // Cancelled while two are with OpenRouter: their frames wait empty, and the next press fills them.
    suite.standIn.enqueue({ kind: 'success' }, { kind: 'hang' }, { kind: 'hang' })
    await action.click()
    await expect.poll(async () => (await frames()).filter(([, layers]) => layers === 1).length, { timeout: 60_000 }).toBe(6)
    await ui.getByRole('button', { name: 'Cancel' }).click()
    await expect.poll(() => ui.getByRole('button', { name: /^Retry / }).count(), { timeout: 60_000 }).toBe(2)
    expect((await frames()).filter(([, layers]) => layers === 0)).toHaveLength(2)
    await action.click()
    await expect.poll(() => ui.getByText(/^Placed 3 images/).count(), { timeout: 60_000 }).toBe(1)
    const last = await frames()
    expect(last).toHaveLength(9)
    expect(last.every(([, layers]) => layers === 1)).toBe(true)
    await session.close()
  })

  it('while the frames are made no other job starts: the last set’s Retry is not offered, and the set starts in its frames', async () => {
    const session = await suite.open(keyVisual(on('sourceful/riverflow-v2.6-pro', { formats: ['story', 'medium-rectangle'] })))
    const { ui } = session
    const action = ui.getByRole('button', { name: 'Every format (2)', exact: true })
    // The first set: one of its two requests is refused, and waits with its Retry.
    suite.standIn.enqueue({ kind: 'success' }, { kind: 'error', status: 500 })
    await action.click()
    await expect.poll(() => ui.getByRole('button', { name: /^Retry / }).count(), { timeout: 60_000 }).toBe(1)

    await holdFrames(session)
    await action.click()
    await expect.poll(() => framesHeld(session)).toBe(true)
    // The press has begun the next job: the last one's Retry waits until it is done, as it does while a job runs.
    expect(await ui.getByRole('button', { name: /^Retry / }).count()).toBe(0)
    await ui.getByRole('status', { name: 'Getting the frames ready' }).waitFor()
    await releaseFrames(session)
    await expect.poll(() => ui.getByText(/^Placed 2 images/).count(), { timeout: 60_000 }).toBe(1)
    expect(suite.standIn.imageGenerations()).toHaveLength(4)
    // The frame the refused request left empty is filled; the other format is made again beside.
    const filled = await framesFilled(session, ['Story · ', 'Medium rectangle · '])
    expect(filled.map((frame) => [frame.layers, frame.image !== null])).toEqual([[1, true], [1, true], [1, true]])
    expect(new Set(filled.map((frame) => frame.name))).toEqual(new Set(['Story · 1080×1920', 'Medium rectangle · 300×250']))
    await session.close()
  })

  it('with only the key visual, a format that failed is sent again on the model picked since, priced on its Retry, in the frame made for it', async () => {
    const session = await suite.open(keyVisual(on('sourceful/riverflow-v2.6-pro', { formats: ['story', 'medium-rectangle'] })))
    const { ui } = session
    suite.standIn.enqueue({ kind: 'success' }, { kind: 'error', status: 500 })
    await ui.getByRole('button', { name: 'Every format (2)', exact: true }).click()
    const retry = ui.getByRole('button', { name: /^Retry / })
    await expect.poll(() => retry.count(), { timeout: 60_000 }).toBe(1)
    const failedName = (await retry.getAttribute('aria-label'))!.replace(/^Retry /, '')

    await ui.getByRole('region', { name: 'What is sent' }).getByRole('button').first().click()
    await ui.getByRole('combobox', { name: 'Model' }).selectOption('sourceful/riverflow-v2.5-pro')
    await expect.poll(() => retry.textContent()).toBe('Retry · ~$0.13–$0.35')
    await retry.click()
    await expect.poll(() => ui.getByText(/^Placed 1 image/).count(), { timeout: 60_000 }).toBe(1)
    const sent = [...suite.standIn.imageGenerations(), ...suite.standIn.generations()].map((request) => (request.body as { model: string }).model)
    expect(sent).toEqual([...Array(2).fill('sourceful/riverflow-v2.6-pro'), 'sourceful/riverflow-v2.5-pro'])
    // In the frame made for it at the click, no other made: the set's two frames, each filled once.
    const filled = await framesFilled(session, ['Story · ', 'Medium rectangle · '])
    expect(filled.map((frame) => [frame.name, frame.layers, frame.image !== null])).toEqual([
      ['Story · 1080×1920', 1, true],
      ['Medium rectangle · 300×250', 1, true],
    ])
    expect(filled.map((frame) => frame.name)).toContain(failedName)
    await session.close()
  })

  it('asks first over the spending limit, then keeps the three formats that came and the reason and Retry of the one that failed', async () => {
    const session = await suite.open(keyVisual(on('sourceful/riverflow-v2.6-pro', { spendLimit: 0.5 }), FRAMES))
    const { ui } = session
    const action = ui.getByRole('button', { name: 'Every format (4)', exact: true })
    await action.waitFor({ timeout: 30_000 })
    await action.click()
    const dialog = ui.getByRole('alertdialog', { name: 'Confirm sending' })
    expect(await dialog.textContent()).toMatch(/^This sends 4 requests, 3 at a time: about \$0\.\d+ to \$2\.00 .*, more than your limit of \$0\.50 a click \(set in Settings\)\./)
    expect(suite.standIn.imageGenerations()).toHaveLength(0)

    // The second request to arrive is refused; the others are made.
    suite.standIn.enqueue({ kind: 'success' }, { kind: 'error', status: 500 })
    await ui.getByRole('button', { name: 'Send 4 requests' }).click()
    await expect.poll(() => ui.getByRole('button', { name: 'Cancel' }).count(), { timeout: 60_000 }).toBe(0)
    const failedSize = (suite.standIn.imageGenerations().find((request) => request.status === 500)!.body as { size: string }).size
    const [width, height] = failedSize.split('x').map((side) => Number(side) / 2)
    const failed = FRAMES.find(([, w, h]) => w === width && h === height)!
    const failedName = `${failed[0]} ${failed[1]}×${failed[2]}`

    expect(await ui.getByRole('alert').first().textContent()).toBe('1 of 4 frames failed; the others were placed.')
    // Its reason stays with it, under its frame's name.
    expect(await ui.getByRole('status').locator('.alert.message').textContent()).toMatch(new RegExp(`^${failedName}: .*unavailable or overloaded right now\\. Try again in a few minutes`))
    const filled = await framesFilled(session, FRAMES.map(([name]) => name))
    expect(filled.filter((frame) => frame.image !== null).map((frame) => frame.name).sort()).toEqual(FRAMES.map(([name, w, h]) => `${name} ${w}×${h}`).filter((name) => name !== failedName).sort())

    await ui.getByRole('button', { name: `Retry ${failedName}` }).click()
    await expect.poll(() => framesFilled(session, [failed[0]]), { timeout: 60_000 }).toEqual([
      { name: failedName, frame: [failed[1], failed[2]], image: [failed[1] * 2, failed[2] * 2], covers: [0, 0, failed[1], failed[2]], layers: 2 },
    ])
    expect(suite.standIn.imageGenerations()).toHaveLength(5)
    await session.close()
  })

  it('lists the set as one entry of History with its frames, and Regenerate on a format makes it again from the key visual, in the same layer', async () => {
    const frames = FRAMES.slice(2)
    const session = await suite.open(keyVisual(on('sourceful/riverflow-v2.6-pro'), frames))
    const { ui } = session
    await ui.getByRole('button', { name: 'Every format (2)', exact: true }).click()
    await expect.poll(() => ui.getByText(/^Placed 2 images/).count(), { timeout: 60_000 }).toBe(1)

    await ui.getByRole('button', { name: 'History' }).click()
    const rows = ui.getByRole('list', { name: 'Generations' }).getByRole('listitem')
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(1)
    const entry = (await rows.first().textContent()) ?? ''
    expect(entry).toMatch(/^Every format: Sunlit sand/)
    expect(entry).toMatch(/2 formats/)
    for (const [name, width, height] of frames) expect(entry).toContain(`${name} ${width}×${height}`)
    expect(await rows.first().getByRole('button', { name: 'Place again' }).count()).toBe(0)

    // The rectangle's format, from its own relaunch button: the key visual made again for that frame.
    const result = () =>
      session.figma((fake) => {
        const frame = fake.allNodes().find((node) => node.name === 'Medium rectangle 300×250')!
        const layer = frame.children[0]
        // The stand-in draws the same request the same way: the record's time tells the new image.
        const record = JSON.parse(layer.getPluginData('riverflow')) as { createdAt: string; format?: unknown }
        return { layers: frame.children.length, made: record.createdAt, format: record.format !== undefined, previous: layer.getPluginData('riverflow-previous-fills') !== '' }
      })
    const before = await result()
    await session.figma((fake) => fake.select(fake.allNodes().find((node) => node.name === 'Medium rectangle 300×250')!.children[0]))
    await session.page.evaluate(() => (window as unknown as { hostReopen: (launch: unknown) => Promise<void> }).hostReopen({ command: 'regenerate' }))
    // 2.6 Pro's price may reach past what a relaunch spends unasked: it waits, priced, for Send.
    await expect.poll(() => ui.getByText(/the most a relaunch spends without asking/).count(), { timeout: 15_000 }).toBe(1)
    expect(suite.standIn.imageGenerations()).toHaveLength(2)
    await ui.getByRole('button', { name: 'Send', exact: true }).click()
    expect(before).toMatchObject({ format: true, previous: false })
    await expect.poll(async () => (await result()).made, { timeout: 30_000 }).not.toBe(before.made)
    // Its own layer again, the image before kept for Restore previous; one request more, at the frame's pixels.
    expect(await result()).toMatchObject({ layers: 2, format: true, previous: true })
    const sizes = suite.standIn.imageGenerations().map((request) => (request.body as { size: string }).size)
    expect(sizes).toHaveLength(3)
    expect(sizes[2]).toBe('600x500')
    await session.close()
  })

  it('with Keep full resolution on, Regenerate on a format over 4096 px still fills its frame, as the first click did, never tiles beside it', async () => {
    const session = await suite.open(keyVisual(on('sourceful/riverflow-v2-pro', { keepFullResolution: true }), [['Web hero', 1920, 1080]]))
    const { ui } = session
    await ui.getByRole('button', { name: 'Every format (1)', exact: true }).click()
    await expect.poll(() => ui.getByText(/^Placed 1 image/).count(), { timeout: 60_000 }).toBe(1)
    const result = () =>
      session.figma((fake) => {
        const frame = fake.allNodes().find((node) => node.name === 'Web hero 1920×1080')!
        const record = JSON.parse(frame.children[0].getPluginData('riverflow') || '{}') as { createdAt?: string }
        return { layers: frame.children.length, made: record.createdAt, tiles: fake.allNodes().filter((node) => node.name.startsWith('Tile ')).length }
      })
    const before = await result()
    expect(before).toMatchObject({ layers: 2, tiles: 0 })
    await session.figma((fake) => fake.select(fake.allNodes().find((node) => node.name === 'Web hero 1920×1080')!.children[0]))
    await session.page.evaluate(() => (window as unknown as { hostReopen: (launch: unknown) => Promise<void> }).hostReopen({ command: 'regenerate' }))
    // 4K on 2 Pro is more than a relaunch spends unasked: it waits, priced, for Send.
    await ui.getByRole('button', { name: 'Send', exact: true }).click()
    await expect.poll(async () => { const now = await result(); return now.made !== before.made || now.tiles > 0 }, { timeout: 30_000 }).toBe(true)
    expect(await result()).toMatchObject({ layers: 2, tiles: 0 })
    expect((await result()).made).not.toBe(before.made)
    await session.close()
  })
})
