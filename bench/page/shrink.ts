import { FIGMA_MAX_IMAGE_SIDE } from '../../common/sizes'
import { prepareForFigmaAsync } from '../../ui/image-work/prepare-for-figma'
import { type LongTask, longTasksBetweenAsync, watchLongTasks } from '../long-tasks'
import { settleAsync } from './collect-garbage'

export interface ShrinkTimes {
  from: { width: number; height: number; bytes: number }
  to: { width: number; height: number; bytes: number }
  /** prepareForFigmaAsync on the too-large PNG: decode, scale, re-encode as PNG. */
  ours: number[]
  /** createImageBitmap of the same PNG: the decode no shrink can avoid (the ratio's baseline). */
  decodeOnly: number[]
  /** The browser's PNG encoder on a bitmap of the shrunk size, for where the rest of the time goes. */
  encodeOnly: number[]
  /** The page's main-thread tasks over 50 ms during each timed prepareForFigmaAsync. */
  longTasks: LongTask[][]
}

/**
 * Times shrinking a 4K answer that Figma would refuse (over 4096 px) to
 * Figma's limit. Interleaved repetitions; the first warms up and is dropped.
 */
export async function timeShrinkAsync(url: string, repetitions: number): Promise<ShrinkTimes> {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer())
  const times: ShrinkTimes = {
    from: { width: 0, height: 0, bytes: bytes.length },
    to: { width: 0, height: 0, bytes: 0 },
    ours: [],
    decodeOnly: [],
    encodeOnly: [],
    longTasks: [],
  }
  watchLongTasks()
  const time = async (into: number[] | null, work: () => Promise<unknown>) => {
    await settleAsync()
    const start = performance.now()
    const startedAt = Date.now()
    await work()
    into?.push(performance.now() - start)
    return [startedAt, Date.now()] as const
  }

  for (let i = 0; i <= repetitions; i++) {
    const keep = i > 0
    // prepareForFigmaAsync moves the bytes it re-encodes to the image worker: each run gets its own copy.
    const answer = bytes.slice()
    const during = await time(keep ? times.ours : null, async () => {
      const prepared = await prepareForFigmaAsync(answer)
      if (!prepared.shrunk || Math.max(prepared.width, prepared.height) !== FIGMA_MAX_IMAGE_SIDE) throw new Error('The 4K image was not shrunk to 4096 px')
      times.from = { width: prepared.originalWidth, height: prepared.originalHeight, bytes: bytes.length }
      times.to = { width: prepared.width, height: prepared.height, bytes: prepared.bytes.length }
    })
    if (keep) times.longTasks.push(await longTasksBetweenAsync(during))
    await time(keep ? times.decodeOnly : null, async () => {
      const bitmap = await createImageBitmap(new Blob([bytes as BlobPart], { type: 'image/png' }))
      bitmap.close()
    })
    const shrunk = await createImageBitmap(new Blob([bytes as BlobPart], { type: 'image/png' }), {
      resizeWidth: times.to.width,
      resizeHeight: times.to.height,
      resizeQuality: 'high',
    })
    await time(keep ? times.encodeOnly : null, async () => {
      const canvas = new OffscreenCanvas(shrunk.width, shrunk.height)
      canvas.getContext('2d')!.drawImage(shrunk, 0, 0)
      await canvas.convertToBlob({ type: 'image/png' })
    })
    shrunk.close()
  }
  return times
}
