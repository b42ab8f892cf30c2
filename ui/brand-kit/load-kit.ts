import type { BrandKit } from '../../common/brand-kit'
import { requestAsync } from '../bridge'
import type { TaskSpec } from '../generation/plan/task'
import { applyKit } from './apply-kit'
import { type ReadyKit, readyKitAsync } from './ready-kit'

/**
 * The kit the file uses, ready to send, or null: what a quick action carries,
 * as the panel's own click would. A kit that cannot be read is no reason to
 * stop: the image goes without it (the panel says the kit's problems).
 */
export async function fileKitAsync(): Promise<ReadyKit | null> {
  return readyOfAsync(({ kits, chosenId }) => kits.find((kit) => kit.id === chosenId))
}

/**
 * A relaunch's tasks with the kit its layer was made with, found by name in
 * the file now (the designer may since have changed it: the kit as it is now
 * is sent). A kit no longer in the file is said, and the tasks go without it.
 */
export async function withLaunchKitAsync(tasks: TaskSpec[], kitName: string): Promise<{ tasks: TaskSpec[]; notes: string[] }> {
  const ready = await readyOfAsync(({ kits }) => kits.find((kit) => kit.name === kitName))
  if (!ready) return { tasks, notes: [`The brand kit “${kitName}” this image was made with is not in this file any more: it goes without it.`] }
  return { tasks: tasks.map((task) => applyKit(task, ready, 'images')), notes: ready.problems }
}

async function readyOfAsync(pick: (kits: { kits: BrandKit[]; chosenId: string | null }) => BrandKit | undefined): Promise<ReadyKit | null> {
  try {
    const kit = pick(await requestAsync('load-brand-kits', {}))
    return kit ? await readyKitAsync(kit) : null
  } catch {
    return null
  }
}
