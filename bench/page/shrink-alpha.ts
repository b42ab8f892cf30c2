import { FIGMA_MAX_IMAGE_SIDE } from '../../common/sizes'
import { prepareForFigmaAsync } from '../../ui/image-work/prepare-for-figma'
import { settleAsync } from './collect-garbage'

export interface ShrinkVariant {
  /** The PNG's size in bytes. */
  bytes: number
  /** prepareForFigmaAsync (decode, scale, re-encode as PNG, in the image worker), ms, one a repetition. */
  ms: number[]
  /** createImageBitmap of the same PNG, ms: the decode alone, which grows with the bytes to inflate. */
  decodeMs: number[]
  /** What the last run gave, as a data URL: the bench reads its pixels with the tests' own decoder. */
  output: string
  outputBytes: number
}

/**
 * Times shrinking several versions of the same 4K answer (opaque, and with
 * transparency) as the app prepares an answer for Figma. They take turns,
 * each turn starting with the next one, so that none always has the warmer
 * start or the quieter moment of a machine shared with other work; the first
 * turn warms up and is dropped.
 */
export async function timeShrinkVariantsAsync(urls: string[], repetitions: number): Promise<ShrinkVariant[]> {
  const sources = await Promise.all(urls.map(async (u) => new Uint8Array(await (await fetch(u)).arrayBuffer())))
  const outputs: Uint8Array[] = sources.map(() => new Uint8Array(0))
  const ms: number[][] = sources.map(() => [])
  const decodeMs: number[][] = sources.map(() => [])
  for (let turn = 0; turn <= repetitions; turn++) {
    for (let k = 0; k < sources.length; k++) {
      const which = (turn + k) % sources.length
      // prepareForFigmaAsync moves the bytes to the worker: each run gets its own copy, made before the clock starts.
      const answer = sources[which].slice()
      await settleAsync()
      const start = performance.now()
      const prepared = await prepareForFigmaAsync(answer)
      if (turn > 0) ms[which].push(performance.now() - start)
      if (!prepared.shrunk || Math.max(prepared.width, prepared.height) !== FIGMA_MAX_IMAGE_SIDE) throw new Error('The 4K image was not shrunk to 4096 px')
      outputs[which] = prepared.bytes
      await settleAsync()
      const decodeStart = performance.now()
      const bitmap = await createImageBitmap(new Blob([sources[which] as BlobPart], { type: 'image/png' }))
      if (turn > 0) decodeMs[which].push(performance.now() - decodeStart)
      bitmap.close()
    }
  }
  return Promise.all(
    sources.map(async (source, i) => ({ bytes: source.length, ms: ms[i], decodeMs: decodeMs[i], output: await asDataUrlAsync(outputs[i]), outputBytes: outputs[i].length })),
  )
}

function asDataUrlAsync(bytes: Uint8Array): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(reader.result as string)
    reader.onerror = () => reject(reader.error)
    reader.readAsDataURL(new Blob([bytes as BlobPart]))
  })
}
