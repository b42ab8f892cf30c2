import { beforeEach, describe, expect, it } from 'vitest'
import type { ReplyMessage } from '../../../common/messages'
import type { SelectedLayer } from '../../../common/selection'
import { startPlugin } from '../../../plugin/start-plugin'
import type { FakeFigma } from '../../fake-figma'
import { installFakeFigma, requestFrom } from '../install-fake'

let fake: FakeFigma
beforeEach(() => {
  fake = installFakeFigma()
})

const FORMATS = [
  { name: 'Story', width: 1080, height: 1920 },
  { name: 'Medium rectangle', width: 300, height: 250 },
  { name: 'Leaderboard', width: 728, height: 90 },
]
const names = () => fake.page.children.map((node) => node.name)
const resultOf = <T>(reply: ReplyMessage): T => {
  if (!reply.ok) throw new Error(reply.message)
  return reply.result as T
}

describe('the frames of a set that did not start', () => {
  it('are removed again, those the designer changed since kept, the designer’s own layers untouched, and the set’s step ended', async () => {
    const visual = fake.addRectangle({ name: 'Key visual', width: 1600, height: 1600 })
    const own = fake.addFrame({ name: 'Designer’s frame · 300×250', x: -2000, width: 300, height: 250 })
    fake.designerStep()
    startPlugin()
    const frames = resultOf<SelectedLayer[]>(await requestFrom(fake, 'make-format-frames', { keyVisualId: visual.id, formats: FORMATS }))
    expect(names()).toEqual(['Key visual', 'Designer’s frame · 300×250', 'Story · 1080×1920', 'Medium rectangle · 300×250', 'Leaderboard · 728×90'])
    // Meanwhile the designer put a headline in one and renamed another.
    const frame = (index: number) => fake.page.children.find((node) => node.id === frames[index].id)!
    fake.addText({ name: 'Headline', characters: 'Summer sale' }, frame(0))
    frame(2).name = 'Leaderboard, ours'
    const steps = fake.undoSteps()

    // The designer's own frame's id among them is refused as one not made for the set.
    const reply = await requestFrom(fake, 'remove-format-frames', { frameIds: [...frames.map((frame) => frame.id), own.id] })
    expect(resultOf(reply)).toBeNull()
    expect(names()).toEqual(['Key visual', 'Designer’s frame · 300×250', 'Story · 1080×1920', 'Leaderboard, ours'])
    expect(fake.undoSteps()).toBe(steps + 1)
    // The step is closed: the next change is one of its own, and joins nothing of the set's.
    fake.addFrame({ name: 'Next', x: 5000 })
    fake.figma.commitUndo()
    expect(fake.undo()).toBe(true)
    expect(names()).toEqual(['Key visual', 'Designer’s frame · 300×250', 'Story · 1080×1920', 'Leaderboard, ours'])
  })

  it('refuses ids it cannot read, saying what to do, and still ends the set’s step', async () => {
    const visual = fake.addRectangle({ name: 'Key visual', width: 1600, height: 1600 })
    fake.designerStep()
    startPlugin()
    await requestFrom(fake, 'make-format-frames', { keyVisualId: visual.id, formats: FORMATS.slice(0, 1) })
    const steps = fake.undoSteps()
    const reply = await requestFrom(fake, 'remove-format-frames', { frameIds: [42] as unknown as string[] })
    expect(reply).toMatchObject({ ok: false, message: 'The new frames could not be read, so they were left on the canvas: undo removes them.' })
    expect(fake.undoSteps()).toBe(steps + 1)
    // As it says: one undo takes the frame away.
    expect(fake.undo()).toBe(true)
    expect(names()).toEqual(['Key visual'])
  })
})

/** The key visual, beside an earlier set whose frame stayed empty (its image failed): not the frames of a make given up on. */
async function afterEarlierSetAsync() {
  const visual = fake.addRectangle({ name: 'Key visual', width: 1600, height: 1600 })
  fake.designerStep()
  startPlugin()
  await requestFrom(fake, 'make-format-frames', { keyVisualId: visual.id, formats: FORMATS.slice(2) })
  await requestFrom(fake, 'end-undo-step', {})
  return visual
}

describe('the frames of a make the panel stopped waiting for', () => {
  it('are never made when the make is still under way (a page loading), and the set’s step is not left open', async () => {
    const visual = fake.addRectangle({ name: 'Key visual', width: 1600, height: 1600 })
    fake.designerStep()
    startPlugin()
    let loaded: () => void = () => {}
    fake.page.loadAsync = () => new Promise<void>((resolve) => (loaded = resolve))
    const making = requestFrom(fake, 'make-format-frames', { keyVisualId: visual.id, formats: FORMATS })
    const steps = fake.undoSteps()
    expect(resultOf(await requestFrom(fake, 'remove-format-frames', { frameIds: 'last-make' }))).toBeNull()
    expect(fake.undoSteps()).toBe(steps + 1)
    loaded()
    expect(await making).toMatchObject({ ok: false })
    expect(names()).toEqual(['Key visual'])
    // No step of the set's is open: the designer's next change undoes alone.
    fake.addFrame({ name: 'Next', x: 5000 })
    fake.figma.commitUndo()
    expect(fake.undo()).toBe(true)
    expect(names()).toEqual(['Key visual'])
  })

  it('are removed when the make was done, as made, and its step ended; an earlier set’s frames stay', async () => {
    const visual = await afterEarlierSetAsync()
    await requestFrom(fake, 'make-format-frames', { keyVisualId: visual.id, formats: FORMATS.slice(0, 2) })
    expect(names()).toEqual(['Key visual', 'Leaderboard · 728×90', 'Story · 1080×1920', 'Medium rectangle · 300×250'])
    const steps = fake.undoSteps()
    expect(resultOf(await requestFrom(fake, 'remove-format-frames', { frameIds: 'last-make' }))).toBeNull()
    expect(names()).toEqual(['Key visual', 'Leaderboard · 728×90'])
    expect(fake.undoSteps()).toBe(steps + 1)
  })

  it('leave an earlier set’s frames when the make given up on failed', async () => {
    await afterEarlierSetAsync()
    expect(await requestFrom(fake, 'make-format-frames', { keyVisualId: '9:9', formats: FORMATS })).toMatchObject({ ok: false })
    expect(resultOf(await requestFrom(fake, 'remove-format-frames', { frameIds: 'last-make' }))).toBeNull()
    expect(names()).toEqual(['Key visual', 'Leaderboard · 728×90'])
  })
})

describe('the frames an earlier set left empty', () => {
  /** The key visual and a first set of three formats whose requests all failed: three empty frames, the set's step ended. */
  async function afterFailedSetAsync() {
    const visual = fake.addRectangle({ name: 'Key visual', width: 1600, height: 1600 })
    fake.designerStep()
    startPlugin()
    const first = resultOf<SelectedLayer[]>(await requestFrom(fake, 'make-format-frames', { keyVisualId: visual.id, formats: FORMATS }))
    await requestFrom(fake, 'end-undo-step', {})
    const frame = (index: number) => fake.page.children.find((node) => node.id === first[index].id)!
    return { visual, first, frame }
  }

  it('are the set’s frames again, never made twice; a new one only for a format with none', async () => {
    const { visual, first } = await afterFailedSetAsync()
    const again = resultOf<SelectedLayer[]>(await requestFrom(fake, 'make-format-frames', { keyVisualId: visual.id, formats: [FORMATS[1], { name: 'Half page', width: 300, height: 600 }, FORMATS[0]] }))
    expect([again[0].id, again[2].id]).toEqual([first[1].id, first[0].id])
    expect(names()).toEqual(['Key visual', 'Story · 1080×1920', 'Medium rectangle · 300×250', 'Leaderboard · 728×90', 'Half page · 300×600'])
    // The set did not start: only the frame it made goes; those the failed set left stay as they were.
    expect(resultOf(await requestFrom(fake, 'remove-format-frames', { frameIds: again.map((frame) => frame.id) }))).toBeNull()
    expect(names()).toEqual(['Key visual', 'Story · 1080×1920', 'Medium rectangle · 300×250', 'Leaderboard · 728×90'])
  })

  it('are not filled once the designer made them theirs, nor a copy of one, nor one made for another key visual', async () => {
    const { visual, frame } = await afterFailedSetAsync()
    fake.addText({ name: 'Headline', characters: 'Summer sale' }, frame(0))
    frame(1).locked = true
    const copy = frame(2).clone()
    copy.x += 2000
    frame(2).remove()
    const other = fake.addRectangle({ name: 'Other visual', x: -3000, width: 800, height: 800 })
    const kept = names()
    const keptIds = fake.page.children.map((node) => node.id)
    const again = resultOf<SelectedLayer[]>(await requestFrom(fake, 'make-format-frames', { keyVisualId: visual.id, formats: FORMATS }))
    expect(names()).toEqual([...kept, 'Story · 1080×1920', 'Medium rectangle · 300×250', 'Leaderboard · 728×90'])
    expect(again.filter((made) => keptIds.includes(made.id))).toEqual([])
    await requestFrom(fake, 'end-undo-step', {})
    // Left empty for the first key visual, they are not the other one's.
    const theirs = resultOf<SelectedLayer[]>(await requestFrom(fake, 'make-format-frames', { keyVisualId: other.id, formats: FORMATS.slice(2) }))
    expect(again.map((made) => made.id)).not.toContain(theirs[0].id)
  })

  it('are read from the file as untrusted: a mark that is not the frame’s own is no mark', async () => {
    const { visual, frame } = await afterFailedSetAsync()
    frame(0).setPluginData('riverflow-format-frame', '{not json')
    frame(1).setPluginData('riverflow-format-frame', JSON.stringify({ keyVisualId: visual.id, frameId: '1:1' }))
    frame(2).setPluginData('riverflow-format-frame', JSON.stringify([visual.id]))
    const before = fake.page.children.length
    await requestFrom(fake, 'make-format-frames', { keyVisualId: visual.id, formats: FORMATS })
    expect(fake.page.children.length).toBe(before + 3)
  })
})
