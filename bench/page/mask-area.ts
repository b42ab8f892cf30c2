import { maskToShapeAsync } from '../../ui/image-work/mask-to-shape'
import { type LongTask, longTasksBetweenAsync, watchLongTasks } from '../long-tasks'
import { settleAsync } from './collect-garbage'

export interface MaskTimes {
  bytes: number
  /** maskToShapeAsync: decode the answer and the shape, feather, re-encode as PNG, in the image worker. */
  ours: number[]
  /** createImageBitmap of the same answer: the decode any placing of it pays (the ratio's baseline). */
  decodeOnly: number[]
  /** The page's main-thread tasks over 50 ms during each timed mask. */
  longTasks: LongTask[][]
}

/**
 * Times Edit area's soft edge on an answer: the answer limited to an ellipse
 * (the shape drawn over the image, here drawn on a canvas as Figma exports a
 * shape: its coverage in the alpha) covering the middle two thirds of the
 * area. Interleaved repetitions; the first warms up and is dropped.
 */
export async function timeMaskAsync(url: string, side: number, repetitions: number): Promise<MaskTimes> {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer())
  const shapeSide = Math.round((side * 2) / 3)
  const shape = await ellipsePngAsync(shapeSide)
  // The area is the answer's box at 1 px a unit, the shape in its middle.
  const margin = (side - shapeSide) / 2
  const shapeBox = { x: margin, y: margin, width: shapeSide, height: shapeSide }
  const area = { x: 0, y: 0, width: side, height: side, shapeId: 'shape', shape: shapeBox, shapeExportBox: shapeBox }
  const times: MaskTimes = { bytes: bytes.length, ours: [], decodeOnly: [], longTasks: [] }
  watchLongTasks()
  for (let i = 0; i <= repetitions; i++) {
    const keep = i > 0
    await settleAsync()
    const startedAt = Date.now()
    const start = performance.now()
    const masked = await maskToShapeAsync({ bytes, width: side, height: side, originalWidth: side, originalHeight: side, shrunk: false, reencoded: false }, area, async () => ({ bytes: shape, width: shapeSide, height: shapeSide }))
    if (keep) times.ours.push(performance.now() - start)
    if (!masked.reencoded) throw new Error('The answer was not masked')
    // The figure is the worker's path: a page where it fell back to the main thread measures something else.
    if (document.documentElement.dataset.imageJobsMain !== undefined) throw new Error('The answer was masked on the main thread, not in the image worker')
    if (keep) times.longTasks.push(await longTasksBetweenAsync([startedAt, Date.now()]))
    await settleAsync()
    const decodeStart = performance.now()
    const bitmap = await createImageBitmap(new Blob([bytes as BlobPart], { type: 'image/png' }))
    if (keep) times.decodeOnly.push(performance.now() - decodeStart)
    bitmap.close()
  }
  return times
}

async function ellipsePngAsync(side: number): Promise<Uint8Array> {
  const canvas = new OffscreenCanvas(side, side)
  const context = canvas.getContext('2d')!
  context.fillStyle = '#000'
  context.beginPath()
  context.ellipse(side / 2, side / 2, side / 2, side / 2, 0, 0, Math.PI * 2)
  context.fill()
  return new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer())
}
