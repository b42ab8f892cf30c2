/**
 * What one slice copies. A slice of 1 MB took up to 10 ms on a busy two-core machine, a fresh
 * buffer's first touch with it (a trace of the formats bench); a quarter of that is far under a
 * 50 ms task.
 */
const SLICE_BYTES = 256 * 1024

/**
 * A copy of `bytes` made a slice at a time, the main thread free to answer a
 * click between slices: an 8 MB answer copied at once holds it for a long
 * task on a busy machine (measured: bench/README.md).
 */
export async function copyInSlicesAsync(bytes: Uint8Array): Promise<Uint8Array> {
  const copy = new Uint8Array(bytes.length)
  for (let at = 0; at < bytes.length; at += SLICE_BYTES) {
    if (at > 0) await new Promise((resolve) => setTimeout(resolve, 0))
    copy.set(bytes.subarray(at, at + SLICE_BYTES), at)
  }
  return copy
}
