/** What one slice copies: a millisecond or so of copying, far under a 50 ms task even on a busy machine. */
const SLICE_BYTES = 1 << 20

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
