import { capabilitiesFor } from '../models'
import type { RequestOptions } from '../openrouter/client'
import type { Connection } from '../openrouter/connection'
import { GenerationError } from '../openrouter/errors'
import { type GenerationInput, findInputProblems } from '../openrouter/request'
import { sendOnRoadAsync } from '../openrouter/road'
import { type Take, readTakeAsync } from './read-take'

/** What one request brought back. */
export interface Answer {
  takes: Take[]
  cost: number | null
  generationId: string | null
  /** Options the road taken could not carry (the Image API has no fonts, refSR, scoring or effort). */
  droppedOptions: string[]
}

/**
 * Prompt, settings and images in, takes ready for `figma.createImage` out.
 * Input that would be refused fails before anything is sent (and billed).
 */
export async function generateImagesAsync(connection: Connection, input: GenerationInput, options: RequestOptions = {}): Promise<Answer> {
  const problems = findInputProblems(input)
  if (problems.length > 0) throw new GenerationError('invalid-input', problems.join(' '))

  // 2.5 and later plan and judge their own edits and can take far longer than V2 (SPEC 1b).
  const timeoutMs = connection.timeoutMs ?? capabilitiesFor(input.settings.model).timeoutMs
  const result = await sendOnRoadAsync({ ...connection, timeoutMs }, input, options)
  const takes = await Promise.all(result.images.map((source) => readTakeAsync(source, options.signal)))
  return { takes, cost: result.cost, generationId: result.generationId, droppedOptions: result.droppedOptions }
}
