import { decodeBase64, decodeDataUrl } from '../image/data-url'
import { type OriginalImage, copyIfOverFigmaLimit } from '../image/original-image'
import { type PreparedForFigma, prepareForFigmaAsync } from '../image/prepare-for-figma'
import { GenerationError } from '../openrouter/errors'
import type { ImageSource } from '../openrouter/response'

/** A take ready for `figma.createImage`. */
export interface ReadyTake {
  ok: true
  image: PreparedForFigma
  /** The image as it came, when it is larger than Figma takes: for the download, or to place in tiles. */
  original: OriginalImage | null
}

/** A take that could not be made ready: it was paid for, so the designer is told why. */
export interface FailedTake {
  ok: false
  message: string
  /** Where a remote image can still be opened. */
  url: string | null
}

/** One image of an answer. */
export type Take = ReadyTake | FailedTake

/**
 * Reads one image of an answer and makes it ready for Figma. Never throws: the
 * answer is already paid for, and one bad take must not cost the others.
 */
export async function readTakeAsync(source: ImageSource, signal?: AbortSignal): Promise<Take> {
  try {
    const bytes = await readSourceBytesAsync(source, signal)
    // Copied first: preparing moves the bytes to the image worker, and shrinking would lose the pixels.
    const original = copyIfOverFigmaLimit(bytes)
    return { ok: true, image: await prepareForFigmaAsync(bytes), original }
  } catch (error) {
    const message =
      error instanceof GenerationError ? error.message : 'The image in the answer could not be read. Try again.'
    return { ok: false, message, url: source.kind === 'remote' ? source.url : null }
  }
}

async function readSourceBytesAsync(source: ImageSource, signal?: AbortSignal): Promise<Uint8Array> {
  if (source.kind !== 'remote') {
    // The Image API's bare base64 decodes as a data URL's payload does, without a data: string around it.
    const bytes = source.kind === 'data' ? decodeDataUrl(source.url)?.bytes : decodeBase64(source.base64)
    if (!bytes) throw new GenerationError('bad-image', 'The image in OpenRouter’s answer was damaged and could not be decoded. Try again.')
    return bytes
  }
  // An https image may live on a host the manifest does not allow; then the
  // designer can still open it in the browser.
  try {
    const response = await fetch(source.url, { signal })
    if (!response.ok) throw new Error(String(response.status))
    return new Uint8Array(await response.arrayBuffer())
  } catch {
    throw new GenerationError('bad-image', 'The image came back as a link the plugin could not download. Open it in your browser to save it.')
  }
}
