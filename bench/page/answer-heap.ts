import { decodeDataUrl } from '../../ui/image/data-url'
import { type PreparedForFigma, prepareForFigmaAsync } from '../../ui/image-work/prepare-for-figma'
import { type GenerationResult, parseGenerationResponse } from '../../ui/answer/response'
import { collectGarbage } from './collect-garbage'

/**
 * Called at each stage, after a full collection; the bench reads the heap
 * there through the DevTools protocol (which also counts ArrayBuffer backing
 * stores, outside the JS heap). `usedJSHeapSize` is what the page itself sees.
 */
export type HeapCheckpoint = (stage: string, usedJSHeapSize: number) => Promise<void>

interface ChromeMemory {
  usedJSHeapSize: number
}

/**
 * Goes from the answer body to bytes ready for Figma through the product's
 * functions, holding at each stage what the product holds then:
 * - while parsing, the body text (client.ts keeps it until
 *   parseGenerationResponse returns) and the parsed result;
 * - then the result's data URL (the lander, ui/generation/land/lander.ts,
 *   holds each image's data URL until it is prepared) and the decoded bytes;
 * - then the prepared image too (the same bytes when nothing had to change).
 * What is held lives on `held` and each stage runs in a helper of its own:
 * a local of this async function could stay in its suspended frame and be
 * counted after the product would have let it go.
 */
export async function walkAnswerHeapAsync(url: string, checkpoint: HeapCheckpoint): Promise<{ imageBytes: number; bodyChars: number }> {
  const held: Held = {}
  const at = async (stage: string) => {
    collectGarbage()
    await checkpoint(stage, (performance as unknown as { memory: ChromeMemory }).memory.usedJSHeapSize)
  }

  await at('base')
  await fetchBodyAsync(url, held)
  const bodyChars = held.body?.length ?? 0
  await at('body')
  parse(held)
  await at('parsed')
  // client.ts has returned the parsed result: nothing holds the body any more.
  delete held.body
  decode(held)
  await at('decoded')
  held.prepared = await prepareForFigmaAsync(held.bytes!)
  await at('prepared')
  return { imageBytes: held.prepared.bytes.length, bodyChars }
}

interface Held {
  body?: string
  result?: GenerationResult
  bytes?: Uint8Array
  prepared?: PreparedForFigma
}

async function fetchBodyAsync(url: string, held: Held): Promise<void> {
  held.body = await (await fetch(url)).text()
}

function parse(held: Held): void {
  held.result = parseGenerationResponse(held.body!)
}

function decode(held: Held): void {
  const source = held.result!.images[0]
  const decoded = source.kind === 'data' ? decodeDataUrl(source.url) : null
  if (!decoded) throw new Error('decodeDataUrl refused the answer’s image')
  held.bytes = decoded.bytes
}
