import type { Encoded, EncodedFormat, SourceImage } from '../../../ui/encoding/request-budget'
import { type Rgba, encodeJpeg, encodePng } from '../../images/png'

/** A synthetic frame: flat graphics (solid blocks) or a photo (gradients and grain). */
export interface TestFrame extends SourceImage {
  kind: 'flat' | 'photo'
  seed: number
}

/** Content defined in relative coordinates, so every size shows the same picture. */
function pixelOf(frame: TestFrame, width: number, height: number): (x: number, y: number) => Rgba {
  if (frame.kind === 'flat') {
    const colours: Rgba[] = [[250, 250, 250, 255], [13, 153, 255, 255], [20, 20, 20, 255], [255, 199, 0, 255]]
    return (x, y) => colours[(Math.floor((x / width) * 6) + Math.floor((y / height) * 4) + frame.seed) % 4]
  }
  return (x, y) => {
    const grain = ((x * 1103515245 + y * 2654435761 + frame.seed * 40503) >>> 13) & 31
    const u = x / width
    const v = y / height
    return [(u * 200 + grain) | 0, (v * 190 + grain) | 0, ((u + v) * 90 + grain) | 0, 255]
  }
}

/** Real PNG (fflate) and JPEG (jpeg-js, quality 90) bytes; Node has no WebP encoder. */
export function nodeEncoder(calls: Map<string, number> = new Map()) {
  return async (frame: TestFrame, width: number, height: number, format: EncodedFormat): Promise<Encoded> => {
    calls.set(frame.id, (calls.get(frame.id) ?? 0) + 1)
    const pixel = pixelOf(frame, width, height)
    // Like a browser without a WebP encoder, answer another format and say which.
    const actual = format === 'webp' ? 'jpeg' : format
    const bytes = actual === 'png' ? encodePng(width, height, pixel) : encodeJpeg(width, height, 90, pixel)
    return { bytes, format: actual, width, height }
  }
}
