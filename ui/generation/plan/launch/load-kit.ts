import type { BrandKit, BrandKits } from '../../../../common/brand-kit'
import { requestAsync } from '../../../bridge'
import type { TaskSpec } from '../task'
import { applyKit } from '../apply-kit'
import { type ReadyKit, readyKitAsync } from '../../../brand-kit/ready-kit'

/**
 * The kit the file uses, ready to send, or null: what a quick action carries,
 * as the panel's own click would. A kit that cannot be read is no reason to
 * stop: the image goes without it (the panel says the kit's problems).
 */
export async function fileKitAsync(): Promise<ReadyKit | null> {
  const kits = await loadKitsAsync()
  return readyOrNullAsync(kits?.kits.find((kit) => kit.id === kits.chosenId))
}

/** The kit a layer's record names: its page id when it kept one, and its name. */
export interface LaunchKit {
  id: string | null
  name: string
}

/**
 * A relaunch's tasks with the kit its layer was made with, as it is in the
 * file now (the designer may since have changed it). A kit no longer in the
 * file, or a name several kits share, is said, and the tasks go without it.
 */
export async function withLaunchKitAsync(tasks: TaskSpec[], wanted: LaunchKit): Promise<{ tasks: TaskSpec[]; notes: string[] }> {
  const kits = await loadKitsAsync()
  const found = kits ? findLaunchKit(kits, wanted) : undefined
  if (found === 'ambiguous') {
    const note = `This file has several brand kits named “${wanted.name}” and this image does not say which it was made with: it goes without one. Rename the other kit pages to tell them apart.`
    return { tasks, notes: [note] }
  }
  const ready = await readyOrNullAsync(found)
  if (!ready) return { tasks, notes: [`The brand kit “${wanted.name}” this image was made with is not in this file any more: it goes without it.`] }
  return { tasks: tasks.map((task) => applyKit(task, ready, 'images')), notes: ready.problems }
}

/**
 * The kit a record names: by its page id, which no other kit shares; by name
 * only for a record that kept no id (or a kit page made again), and only when
 * one kit has that name or the file uses one of those that do. Anyone can name
 * a page "Brand kit: Acme": the first of the list is not the one.
 */
export function findLaunchKit({ kits, chosenId }: BrandKits, wanted: LaunchKit): BrandKit | 'ambiguous' | undefined {
  const byId = wanted.id === null ? undefined : kits.find((kit) => kit.id === wanted.id)
  if (byId) return byId
  const named = kits.filter((kit) => kit.name === wanted.name)
  if (named.length <= 1) return named[0]
  return named.find((kit) => kit.id === chosenId) ?? 'ambiguous'
}

async function loadKitsAsync(): Promise<BrandKits | null> {
  try {
    return await requestAsync('load-brand-kits', {})
  } catch {
    return null
  }
}

async function readyOrNullAsync(kit: BrandKit | undefined): Promise<ReadyKit | null> {
  try {
    return kit ? await readyKitAsync(kit) : null
  } catch {
    return null
  }
}
