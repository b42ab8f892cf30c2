import { describe, expect, it } from 'vitest'
import type { SelectedLayer } from '../../../../common/selection'
import type { TaskSpec } from '../../../../ui/generation/plan/task'
import { BridgeError } from '../../../../ui/bridge'
import { type FramesSandbox, type SetJob, startInNewFramesAsync } from '../../../../ui/views/run/new-frames'

const FORMATS = [
  { name: 'Story', width: 1080, height: 1920 },
  { name: 'Medium rectangle', width: 300, height: 250 },
]

/** The sandbox as a test sees it: what it was asked, frames it made, and a make that may be held. */
function sandbox(options: { makeFails?: string; makeTimesOut?: boolean; removeFails?: string } = {}) {
  const calls: string[] = []
  const removed: Parameters<FramesSandbox['remove']>[0][] = []
  let madeCount = 0
  const fake: FramesSandbox = {
    async make({ formats }) {
      calls.push('make')
      if (options.makeFails) throw new Error(options.makeFails)
      if (options.makeTimesOut) throw new BridgeError('Figma did not answer in time. Try again.', true)
      return formats.map((format) => ({ id: `1:${++madeCount}`, name: `${format.name} · ${format.width}×${format.height}` }) as SelectedLayer)
    },
    async remove(frameIds) {
      calls.push('remove')
      removed.push(frameIds)
      if (options.removeFails) throw new Error(options.removeFails)
    },
  }
  return { fake, calls, removed }
}

/** The set's job: started (resolving with its summary), or refused as the Generation refuses it. */
function job(options: { refused?: 'busy' | 'no-tasks' } = {}) {
  const sent: string[][] = []
  const setJob: SetJob = {
    async start(tasks) {
      if (options.refused) return null
      sent.push(tasks.map((task) => task.targetIds[0]))
      return { placed: tasks.length }
    },
    busy: () => options.refused === 'busy',
  }
  return { setJob, sent }
}

const frames = { keyVisualId: '1:1', formats: FORMATS, tasksFor: (made: SelectedLayer[]) => made.map((frame) => ({ targetIds: [frame.id] }) as TaskSpec) }

describe('a set made in new frames', () => {
  it('starts its job in the frames Figma made, and leaves them', async () => {
    const { fake, calls } = sandbox()
    const { setJob, sent } = job()
    expect(await startInNewFramesAsync(frames, setJob, { cancelled: false }, fake)).toBeNull()
    expect(sent).toEqual([['1:1', '1:2']])
    expect(calls).toEqual(['make'])
  })

  it('cancelled while Figma made them: removes them and starts nothing, saying nothing more', async () => {
    const { fake, calls, removed } = sandbox()
    const { setJob, sent } = job()
    const turn = { cancelled: false }
    const done = startInNewFramesAsync(frames, setJob, turn, fake)
    turn.cancelled = true
    expect(await done).toBeNull()
    expect(sent).toEqual([])
    expect(calls).toEqual(['make', 'remove'])
    expect(removed).toEqual([['1:1', '1:2']])
  })

  it('when another job started meanwhile: removes the empty frames and says what happened and what to do', async () => {
    const { fake, removed } = sandbox()
    const { setJob } = job({ refused: 'busy' })
    expect(await startInNewFramesAsync(frames, setJob, { cancelled: false }, fake)).toBe(
      'Another job started while the frames were made, so the new ones were removed and nothing was sent. Press Every format again once it is done.',
    )
    expect(removed).toEqual([['1:1', '1:2']])
  })

  it('when the set does not start for any other reason, or its start throws: removes the empty frames and says so', async () => {
    for (const setJob of [job({ refused: 'no-tasks' }).setJob, { start: () => Promise.reject(new Error('broken')), busy: () => false }]) {
      const { fake, removed } = sandbox()
      expect(await startInNewFramesAsync(frames, setJob, { cancelled: false }, fake)).toBe('The set stopped before its frames were filled, so the new empty ones were removed. Press Every format again.')
      expect(removed).toEqual([['1:1', '1:2']])
    }
  })

  it('says the sandbox’s own words when the frames cannot be made, or cannot be removed again', async () => {
    const cannotMake = sandbox({ makeFails: 'The key visual was deleted meanwhile, so no frame was made. Select it and try again.' })
    expect(await startInNewFramesAsync(frames, job().setJob, { cancelled: false }, cannotMake.fake)).toBe('The key visual was deleted meanwhile, so no frame was made. Select it and try again.')
    expect(cannotMake.calls).toEqual(['make'])
    const cannotRemove = sandbox({ removeFails: 'Figma could not remove the new frames, so they are still on the canvas: undo removes them.' })
    expect(await startInNewFramesAsync(frames, job({ refused: 'busy' }).setJob, { cancelled: false }, cannotRemove.fake)).toBe(
      'Figma could not remove the new frames, so they are still on the canvas: undo removes them.',
    )
  })
  it('when Figma takes longer than the panel waits: tells it to make none or remove what it made, starts nothing, and says so', async () => {
    const { fake, calls, removed } = sandbox({ makeTimesOut: true })
    const { setJob, sent } = job()
    expect(await startInNewFramesAsync(frames, setJob, { cancelled: false }, fake)).toBe(
      'Figma took too long to make the frames, so none were left and nothing was sent. Press Every format again.',
    )
    expect(sent).toEqual([])
    expect(calls).toEqual(['make', 'remove'])
    expect(removed).toEqual(['last-make'])
    // Cancelled meanwhile: the wait already said the frames go; nothing more to say.
    expect(await startInNewFramesAsync(frames, setJob, { cancelled: true }, sandbox({ makeTimesOut: true }).fake)).toBeNull()
    // Figma does not take that either: the designer is told where empty frames may appear, and how to take them away.
    const silent = sandbox({ makeTimesOut: true, removeFails: 'Figma did not answer in time. Try again.' })
    expect(await startInNewFramesAsync(frames, setJob, { cancelled: true }, silent.fake)).toBe(
      'Figma took too long to make the frames, so nothing was sent. If empty frames appear beside the key visual, undo removes them.',
    )
  })
})
