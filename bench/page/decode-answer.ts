import { decodeDataUrl } from '../../ui/image/data-url'
import { prepareForFigmaAsync } from '../../ui/image-work/prepare-for-figma'
import { parseGenerationResponse } from '../../ui/answer/response'
import { settleAsync } from './collect-garbage'

/** Milliseconds per repetition for each way from the answer to image bytes. */
export interface AnswerDecodeTimes {
  width: number
  height: number
  imageBytes: number
  bodyChars: number
  /** The product: body text → parseGenerationResponse → decodeDataUrl → prepareForFigmaAsync. */
  ours: number[]
  /** The browser's native base64 decoder on the same payload (the baseline of the ratio). */
  fromBase64: number[]
  /** atob, then the binary string copied into bytes: what code without fromBase64 does. */
  atob: number[]
  /** fetch(dataUrl).arrayBuffer(): the browser's own data-URL path, through its network stack. */
  fetchDataUrl: number[]
  /** JSON.parse of the body alone: the part no reader of the answer can skip. */
  jsonParse: number[]
}

/** Enough for a median of the slow context figures, which carry no ratio with a target. */
const CONTEXT_REPETITIONS = 3

type FromBase64 = (text: string) => Uint8Array
const fromBase64 = (Uint8Array as unknown as { fromBase64?: FromBase64 }).fromBase64

/**
 * Times the product's way from an answer body to bytes for `figma.createImage`
 * (what ui/generation/land/lander.ts does per image once `response.text()` has resolved)
 * against the browser decoding the same base64. Each repetition runs ours and the
 * baseline once, interleaved, so that a slow moment of the machine hits both; the
 * first repetition warms the JIT up and is dropped.
 */
export async function timeAnswerDecodeAsync(url: string, repetitions: number): Promise<AnswerDecodeTimes> {
  if (!fromBase64) throw new Error('This Chromium has no Uint8Array.fromBase64: the baseline cannot be measured')
  const text = await (await fetch(url)).text()
  const first = parseGenerationResponse(text).images[0]
  if (first.kind !== 'data') throw new Error('The answer holds no data URL')
  const dataUrl = first.url
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1)
  const times: AnswerDecodeTimes = { width: 0, height: 0, imageBytes: 0, bodyChars: text.length, ours: [], fromBase64: [], atob: [], fetchDataUrl: [], jsonParse: [] }

  const time = async (into: number[] | null, work: () => unknown): Promise<void> => {
    await settleAsync()
    const start = performance.now()
    await work()
    const elapsed = performance.now() - start
    into?.push(elapsed)
  }

  for (let i = 0; i <= repetitions; i++) {
    const keep = i > 0
    await time(keep ? times.ours : null, async () => {
      const source = parseGenerationResponse(text).images[0]
      const decoded = source.kind === 'data' ? decodeDataUrl(source.url) : null
      if (!decoded) throw new Error('decodeDataUrl refused the answer’s image')
      const prepared = await prepareForFigmaAsync(decoded.bytes)
      Object.assign(times, { width: prepared.width, height: prepared.height, imageBytes: prepared.bytes.length })
    })
    await time(keep ? times.fromBase64 : null, () => {
      const bytes = fromBase64(base64)
      if (bytes.length !== times.imageBytes) throw new Error('The baseline decoded other bytes than ours')
    })
    await time(keep ? times.jsonParse : null, () => JSON.parse(text))
  }
  // The slow ways, for context only, after the rest: fetch(data:) goes through the network
  // service and leaves work behind it that would land in whatever is timed next.
  for (let i = 0; i <= CONTEXT_REPETITIONS; i++) {
    const keep = i > 0
    await time(keep ? times.atob : null, () => {
      const binary = atob(base64)
      const bytes = new Uint8Array(binary.length)
      for (let j = 0; j < binary.length; j++) bytes[j] = binary.charCodeAt(j)
    })
    await time(keep ? times.fetchDataUrl : null, async () => new Uint8Array(await (await fetch(dataUrl)).arrayBuffer()))
  }
  return times
}
