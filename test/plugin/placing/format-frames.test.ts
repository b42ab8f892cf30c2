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
