/**
 * Real answers of Sourceful's sizes for the browser benches: PNGs with
 * photo-like content (gradients and grain, which is what makes a generated
 * image several megabytes as PNG), and OpenRouter answer bodies holding them.
 * Written to test-results/bench-data/, served to the bench page.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { type Rgba, encodePng } from '../test/images/png'
import { completionBody } from '../test/openrouter-stand-in/server'

export const DATA_DIR = fileURLToPath(new URL('../test-results/bench-data/', import.meta.url))

export interface WrittenImage {
  /** Path under the data folder, as the bench page fetches it. */
  file: string
  width: number
  height: number
  imageBytes: number
}

/**
 * `alpha`, when given, replaces the opaque alpha of every pixel, the colours
 * left as they are: the same picture with and without transparency.
 */
export function writePng(name: string, width: number, height: number, alpha?: (x: number, y: number) => number): WrittenImage {
  const colour = photoPixel(width, height)
  const pixel = alpha ? (x: number, y: number): Rgba => [...colour(x, y).slice(0, 3), alpha(x, y)] as Rgba : colour
  const png = encodePng(width, height, pixel)
  mkdirSync(DATA_DIR, { recursive: true })
  writeFileSync(`${DATA_DIR}${name}.png`, png)
  return { file: `${name}.png`, width, height, imageBytes: png.length }
}

/**
 * An answer as OpenRouter sends it (docs/contracts.md#openrouter-chat-completions-response, with `usage.cost`), after
 * the keep-alive blank lines it sends while a slow model works.
 */
export function writeAnswer(name: string, width: number, height: number): WrittenImage & { bodyBytes: number } {
  const png = encodePng(width, height, photoPixel(width, height))
  const body = completionBody({
    id: 'gen-1769111317-B79JPixmFOvkuTDRpEZ8',
    model: 'sourceful/riverflow-v2-pro',
    imageUrls: [`data:image/png;base64,${Buffer.from(png).toString('base64')}`],
    cost: 0.33,
  })
  const text = `\n\n\n${JSON.stringify(body)}`
  mkdirSync(DATA_DIR, { recursive: true })
  writeFileSync(`${DATA_DIR}${name}.json`, text)
  return { file: `${name}.json`, width, height, imageBytes: png.length, bodyBytes: text.length }
}

/** The soft edge of a cut-out, in pixels: where alpha ramps from the subject to the cleared background. */
export const CUTOUT_EDGE_PX = 24

/**
 * A cut-out as Remove background answers it: an opaque subject (an ellipse
 * over about 45% of the image) with a soft edge, on a fully transparent
 * background. Alpha 255 inside, 0 outside, a ramp between.
 */
export function cutoutAlpha(width: number, height: number): (x: number, y: number) => number {
  const cx = width / 2
  const cy = height / 2
  const rx = width * 0.35
  const ry = height * 0.4
  return (x, y) => {
    // Distance outside the ellipse's edge, in pixels along the smaller radius: close enough for a ramp.
    const d = (Math.hypot((x - cx) / rx, (y - cy) / ry) - 1) * Math.min(rx, ry)
    return d <= 0 ? 255 : d >= CUTOUT_EDGE_PX ? 0 : clamp(255 * (1 - d / CUTOUT_EDGE_PX))
  }
}

/**
 * See-through everywhere, as glass or a soft shadow: alpha between 40 and 240
 * over the whole image, so that every pixel goes through premultiplication
 * and back, and none is cleared (which would make it cheaper to encode).
 */
export function translucentAlpha(x: number, y: number): number {
  return clamp(140 + 100 * Math.sin(x / 300) * Math.cos(y / 200))
}

/** Smooth colour fields with fine grain: compresses about as badly as a detailed generated image. */
function photoPixel(width: number, height: number): (x: number, y: number) => Rgba {
  let state = 0x9e3779b9
  const grain = () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state & 7) - 4
  }
  return (x, y) => {
    const u = x / width
    const v = y / height
    const n = grain()
    return [clamp(128 + 90 * Math.sin(u * 7) * Math.cos(v * 5) + n), clamp(200 * v + 30 * Math.sin(u * 23) + n), clamp(220 * u + n), 255]
  }
}

function clamp(value: number): number {
  return value < 0 ? 0 : value > 255 ? 255 : value | 0
}
