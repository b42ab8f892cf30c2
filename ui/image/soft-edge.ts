/**
 * Edit area's soft edge, worked out on the shape's own pixels (its export's
 * alpha) by ./draw-masked.ts. As a retoucher feathers a patch: the edit fades
 * in from nothing at the shape's edge to its full strength `feather` px inside
 * it. All of the fade is inside the shape, because the edit lands grouped with
 * the shape as its mask (plugin/placing/edit-area.ts), which cuts anything
 * outside it: a fade centred on the edge would be cut at half strength there,
 * a visible step.
 */

/** The pixels of the shape's export: an ImageData, or its likeness in tests. */
export interface MaskPixels {
  data: Uint8ClampedArray
  width: number
  height: number
}

/**
 * A thin part's soft edge is at most this share of its thickness, so the
 * strip in its middle shows the edit whole: a strip drawn over a wire to erase
 * must erase it, not fade it, even as the thin tail of a lasso around a blob.
 */
const THIN_SHARE = 1 / 3

/** Narrower than this, a soft edge is no softer than the shape's antialiased edge: none is drawn. */
const NARROWEST = 1

/**
 * Rewrites the alpha of `mask` in place into the edit's: the shape at full
 * strength, fading in from its edge over `feather` px (less where it is thin).
 * Beyond the pixels is outside the shape: its export is its render bounds.
 */
export function softenEdge(mask: MaskPixels, feather: number): void {
  const { data, width, height } = mask
  let strongest = 0
  for (let i = 3; i < data.length; i += 4) if (data[i] > strongest) strongest = data[i]
  if (strongest === 0) return
  // Inside where the shape covers at least half a pixel: where its antialiased edge is.
  const inside = new Uint8Array(width * height)
  for (let i = 0; i < inside.length; i++) inside[i] = data[i * 4 + 3] * 2 >= strongest ? 1 : 0
  const squared = squaredDistancesOut(inside, width, height)
  // The shape's thickness around each pixel: twice the largest distance in within `reach`, the depth
  // a part needs for the whole soft edge. So a thick body finds that depth from its own edge pixels
  // and keeps its full fade, while a thin tail farther than that from it fades over its own
  // thickness (over the tail's first `reach` px the fade narrows smoothly from the body's to its own).
  const reach = Math.ceil(feather / (2 * THIN_SHARE))
  const deepestNear = largestWithin(squared, width, height, reach)
  for (let i = 0; i < inside.length; i++) {
    const soft = Math.min(feather, 2 * Math.sqrt(deepestNear[i]) * THIN_SHARE)
    // From the edge, half a pixel short of the outside pixel's centre it is measured to.
    const t = !inside[i] ? 0 : soft < NARROWEST ? 1 : Math.min(1, (Math.sqrt(squared[i]) - 0.5) / soft)
    // The most opaque pixel made fully opaque and every other in proportion: designers often draw
    // the area at 20% so the image shows through it, and the edit must still cover it whole.
    // Smoothstep: no kink where the fade starts nor where it reaches full strength, as a blur's falloff.
    data[i * 4 + 3] = ((data[i * 4 + 3] * 255) / strongest) * t * t * (3 - 2 * t)
  }
}

/**
 * For each pixel inside, the squared distance from its centre to the nearest
 * outside pixel's (0 outside), pixels beyond the image being outside: exact,
 * the same transform down the columns and then along the rows (Felzenszwalb
 * and Huttenlocher): linear in the pixels, a fraction of a second for the
 * shape of a 2048 px answer, in the image worker.
 */
function squaredDistancesOut(inside: Uint8Array, width: number, height: number): Float32Array {
  // Farther than any pixel from the outside just beyond the image.
  const far = (width + height + 2) ** 2
  const out = new Float32Array(width * height)
  for (let i = 0; i < out.length; i++) out[i] = inside[i] ? far : 0
  for (let x = 0; x < width; x++) alongLine(out, x, width, height)
  for (let y = 0; y < height; y++) alongLine(out, y * width, 1, width)
  return out
}

/**
 * One line of `out` (`length` values from `start`, `step` apart) made, for
 * each point, the least of its squared distance along the line to each
 * other point plus that point's value: the lower envelope of their
 * parabolas. An outside point (0) just beyond each end stands for what is
 * beyond the image.
 */
function alongLine(out: Float32Array, start: number, step: number, length: number): void {
  const n = length + 2
  const f = new Float64Array(n)
  const v = new Int32Array(n)
  const z = new Float64Array(n + 1)
  for (let q = 1; q <= length; q++) f[q] = out[start + (q - 1) * step]
  let k = 0
  z[0] = -Infinity
  z[1] = Infinity
  for (let q = 1; q < n; q++) {
    // Where q's parabola starts to lie below the envelope's last: those it hides are dropped.
    let s: number
    while ((s = (f[q] + q * q - f[v[k]] - v[k] * v[k]) / (2 * (q - v[k]))) <= z[k]) k--
    v[++k] = q
    z[k] = s
    z[k + 1] = Infinity
  }
  k = 0
  for (let q = 1; q <= length; q++) {
    while (z[k + 1] < q) k++
    out[start + (q - 1) * step] = (q - v[k]) ** 2 + f[v[k]]
  }
}

/**
 * For each pixel, the largest of `values` within `reach` px of it across and
 * down (a square around it, clipped to the image): the same running maximum
 * along the rows and then down the columns.
 */
function largestWithin(values: Float32Array, width: number, height: number, reach: number): Float32Array {
  const out = Float32Array.from(values)
  for (let y = 0; y < height; y++) largestAlongLine(out, y * width, 1, width, reach)
  for (let x = 0; x < width; x++) largestAlongLine(out, x, width, height, reach)
  return out
}

/**
 * One line of `out` (`length` values from `start`, `step` apart) made, for
 * each point, the largest value within `reach` points of it along the line.
 */
function largestAlongLine(out: Float32Array, start: number, step: number, length: number, reach: number): void {
  const line = new Float32Array(length)
  for (let q = 0; q < length; q++) line[q] = out[start + q * step]
  // The points of q's window so far (from `reach` before it to `ahead`) that no later one in it
  // outdoes, in order, so their values fall: the first is the window's largest. Each point comes
  // in and leaves once, so the line takes the same time whatever the reach.
  const candidates = new Int32Array(length)
  let first = 0
  let last = -1
  for (let ahead = 0; ahead < length + reach; ahead++) {
    if (ahead < length) {
      while (last >= first && line[candidates[last]] <= line[ahead]) last--
      candidates[++last] = ahead
    }
    const q = ahead - reach
    if (q < 0) continue
    if (candidates[first] < q - reach) first++
    out[start + q * step] = line[candidates[first]]
  }
}
