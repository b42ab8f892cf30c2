import type { Connection } from '../openrouter/connection'
import { type RequestOptions, requestGenerationAsync } from '../openrouter/client'
import { GenerationError } from '../openrouter/errors'
import { type GenerationInput, buildGenerationRequest, findInputProblems } from '../openrouter/request'
import { type Take, readTakeAsync } from './read-take'

/** What one request brought back. */
export interface Answer {
  takes: Take[]
  cost: number | null
  generationId: string | null
}

/**
 * Prompt, settings and images in, takes ready for `figma.createImage` out.
 * Input that would be refused fails before anything is sent (and billed).
 */
export async function generateImagesAsync(connection: Connection, input: GenerationInput, options: RequestOptions = {}): Promise<Answer> {
  const problems = findInputProblems(input)
  if (problems.length > 0) throw new GenerationError('invalid-input', problems.join(' '))

  const result = await requestGenerationAsync(connection, buildGenerationRequest(input), options)
  const takes = await Promise.all(result.images.map((source) => readTakeAsync(source, options.signal)))
  return { takes, cost: result.cost, generationId: result.generationId }
}
