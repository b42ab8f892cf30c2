/** Where new layers go: plain geometry, no `figma` here. */
export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface Size {
  width: number
  height: number
}

/** The space Figma leaves between things placed side by side. */
export const GAP = 40

/** Figma's smallest side: `resize` throws below it, and after createRectangle that leaves an empty layer. */
const MIN_SIDE = 0.01

export function unionOf(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null
  const left = Math.min(...rects.map((r) => r.x))
  const top = Math.min(...rects.map((r) => r.y))
  const right = Math.max(...rects.map((r) => r.x + r.width))
  const bottom = Math.max(...rects.map((r) => r.y + r.height))
  return { x: left, y: top, width: right - left, height: bottom - top }
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

/** A rect of `size` centred on a point, on whole pixels. */
export function centredOn(center: { x: number; y: number }, size: { width: number; height: number }): Rect {
  return { x: Math.round(center.x - size.width / 2), y: Math.round(center.y - size.height / 2), ...size }
}

/**
 * A rect of `size` to the right of `anchor`, tops aligned, that covers none of
 * `obstacles`: frames laid out in a row each get their result without it
 * landing on their neighbour.
 */
export function besideRect(anchor: Rect, size: { width: number; height: number }, obstacles: readonly Rect[]): Rect {
  return clearOf({ x: Math.round(anchor.x + anchor.width + GAP), y: Math.round(anchor.y), ...size }, obstacles)
}

/** `rect` moved right past whatever of `obstacles` it covers: a new layer never lands on another. */
export function clearOf(rect: Rect, obstacles: readonly Rect[]): Rect {
  const candidate: Rect = { ...rect }
  // Each step moves past one obstacle to its right, so this ends within obstacles.length steps.
  for (let step = 0; step <= obstacles.length; step++) {
    const hit = obstacles.find((o) => overlaps(candidate, o))
    if (!hit) return candidate
    candidate.x = Math.round(hit.x + hit.width + GAP)
  }
  return candidate
}

/**
 * The new layer's size: the asked-for size where Figma can take it. A refined
 * divider line asks for a zero height, which `resize` refuses; an unusable
 * side follows the image's proportions from the other side, and with neither
 * side usable the layer takes the image's pixel size.
 */
export function layerSize(asked: Size | undefined, image: Size): Size {
  if (!asked) return { width: image.width, height: image.height }
  const widthOk = usableSide(asked.width)
  const heightOk = usableSide(asked.height)
  if (widthOk && heightOk) return { width: asked.width, height: asked.height }
  if (widthOk) return { width: asked.width, height: Math.max(MIN_SIDE, (asked.width * image.height) / image.width) }
  if (heightOk) return { width: Math.max(MIN_SIDE, (asked.height * image.width) / image.height), height: asked.height }
  return { width: image.width, height: image.height }
}

function usableSide(side: number): boolean {
  return Number.isFinite(side) && side >= MIN_SIDE
}

/**
 * Whether `tiles` cover every pixel of an image of `size` exactly once, each
 * on whole pixels and at most `maxSide` a side: what the UI sends is checked
 * before any layer is made, as a wrong cut would show gaps or doubled strips.
 */
export function tilesCoverExactly(tiles: readonly Rect[], size: Size, maxSide: number): boolean {
  if (tiles.length === 0) return false
  const wholePixels = (t: Rect) => [t.x, t.y, t.width, t.height].every(Number.isInteger)
  const withinLimit = (t: Rect) => t.width >= 1 && t.height >= 1 && t.width <= maxSide && t.height <= maxSide
  const inside = (t: Rect) => t.x >= 0 && t.y >= 0 && t.x + t.width <= size.width && t.y + t.height <= size.height
  if (!tiles.every((t) => wholePixels(t) && withinLimit(t) && inside(t))) return false
  const overlapping = tiles.some((a, i) => tiles.slice(i + 1).some((b) => overlaps(a, b)))
  // Inside the image and apart from each other: then equal areas mean nothing is left uncovered.
  return !overlapping && tiles.reduce((sum, t) => sum + t.width * t.height, 0) === size.width * size.height
}

/**
 * Each tile's rect within a layer of `canvas` size that shows the whole image of
 * `image` pixels. A shared edge is computed from the same pixel line for both
 * tiles, so neighbours abut exactly at any scale.
 */
export function tileRects(tiles: readonly Rect[], image: Size, canvas: Size): Rect[] {
  const sx = canvas.width / image.width
  const sy = canvas.height / image.height
  return tiles.map((t) => {
    const left = t.x * sx
    const top = t.y * sy
    return { x: left, y: top, width: (t.x + t.width) * sx - left, height: (t.y + t.height) * sy - top }
  })
}
