import type { RequestArgs } from '../../../common/messages'
import type { SelectedLayer } from '../../../common/selection'
import type { Offer } from '../../generation/plan/offer'
import type { TaskSpec } from '../../generation/plan/task'
import { BridgeError, requestAsync } from '../../bridge'

/** What the sandbox does for a set's new frames; its own unless a test gives its own. */
export interface FramesSandbox {
  make: (args: RequestArgs<'make-format-frames'>) => Promise<SelectedLayer[]>
  /** Removes the frames as they were made (all the last make's: 'last-make') and ends the set's undo step. */
  remove: (frameIds: RequestArgs<'remove-format-frames'>['frameIds']) => Promise<unknown>
}

/** The set's job: `start` resolves once it is done, or at once with null when it did not start. */
export interface SetJob {
  start: (tasks: TaskSpec[]) => Promise<unknown>
  /** Another job runs: the reason a set did not start. */
  busy: () => boolean
}

const SANDBOX: FramesSandbox = {
  make: (args) => requestAsync('make-format-frames', args),
  remove: (frameIds) => requestAsync('remove-format-frames', { frameIds }),
}

/**
 * Every format with its formats picked from the list: Figma makes the frames
 * (on a big file, a moment), then the set's job starts in them. Frames no job
 * fills are never left on the canvas unsaid: cancelled while Figma made them,
 * or with no job started in them (another one ran), the new ones are removed in
 * the set's own undo step; when Figma takes longer than the panel waits, those
 * it still makes go too. Resolves with what to tell the designer, or null.
 */
export async function startInNewFramesAsync(frames: NonNullable<Offer['makeFrames']>, job: SetJob, turn: { cancelled: boolean }, sandbox: FramesSandbox = SANDBOX): Promise<string | null> {
  let made: SelectedLayer[]
  try {
    made = await sandbox.make({ keyVisualId: frames.keyVisualId, formats: frames.formats })
  } catch (error) {
    if (!(error instanceof BridgeError && error.timedOut)) return error instanceof Error ? error.message : 'Figma could not make the frames: nothing was sent. Try again.'
    // Figma may still be at it (a huge file's page loading), its undo step open: it is told to make none, or remove what it made.
    const stopped = await sandbox.remove('last-make').then(
      () => true,
      () => false,
    )
    if (!stopped) return 'Figma took too long to make the frames, so nothing was sent. If empty frames appear beside the key visual, undo removes them.'
    return turn.cancelled ? null : 'Figma took too long to make the frames, so none were left and nothing was sent. Press Every format again.'
  }
  const removeAsync = () =>
    sandbox.remove(made.map((frame) => frame.id)).then(
      () => null,
      (error: unknown) => (error instanceof Error ? error.message : 'Figma could not remove the new frames, so they are still on the canvas: undo removes them.'),
    )
  if (turn.cancelled) return removeAsync()
  const started = await job.start(frames.tasksFor(made)).catch(() => null)
  if (started !== null) return null
  const busy = job.busy()
  const failed = await removeAsync()
  if (failed) return failed
  return busy
    ? 'Another job started while the frames were made, so the new ones were removed and nothing was sent. Press Every format again once it is done.'
    : 'The set stopped before its frames were filled, so the new empty ones were removed. Press Every format again.'
}
