import { isFreeVariant } from '../../common/models'
import { type RequestOptions, requestGenerationAsync } from './client'
import type { Connection } from './connection'
import { GenerationError } from './errors'
import { imagesApiListsAsync } from './images-models'
import { buildImagesRequest, roadLimits } from './images-request'
import { parseImagesResponse } from './images-response'
import { type GenerationInput, buildGenerationRequest } from './request'
import type { GenerationResult } from './response'
import { type Road, rememberRoad, roadFor } from './roads'

/** What belongs to the request (cancel, retry notices): everything but where it goes. */
type SendingOptions = Omit<RequestOptions, 'endpoint'>

export interface RoadResult extends GenerationResult {
  road: Road
  /** What the designer chose that this road could not carry (see roadLimits): said, never silently lost. */
  droppedOptions: string[]
}

/**
 * Sends a generation on the road its model takes. Chat completions first; when
 * it has no endpoint for the model ("No endpoints found", 404) and the Image
 * API lists it, the Image API, remembered for the session. A `:free` model's
 * 429 is not retried: the free tier's limit is said at once (suggest-model.ts).
 */
export async function sendOnRoadAsync(connection: Connection, input: GenerationInput, sending: SendingOptions = {}): Promise<RoadResult> {
  const model = input.settings.model
  // The free tier's 429 is said at once, with its paid twin one click away, rather than waited out.
  if (isFreeVariant(model)) sending = { ...sending, tellAtOnce: (failure) => failure.status === 429 }
  if (roadFor(model) === 'images') return sendOnImagesAsync(connection, input, sending)
  try {
    const result = await requestGenerationAsync(connection, buildGenerationRequest(input), sending)
    return { ...result, road: 'chat', droppedOptions: [] }
  } catch (error) {
    if (!isNoEndpoint(error) || !(await imagesApiListsAsync(model, { ...connection, signal: sending.signal }))) throw error
    rememberRoad(model, 'images')
    return sendOnImagesAsync(connection, input, sending)
  }
}

async function sendOnImagesAsync(connection: Connection, input: GenerationInput, sending: SendingOptions): Promise<RoadResult> {
  const result = await requestGenerationAsync(connection, buildImagesRequest(input), {
    ...sending,
    endpoint: { path: '/api/v1/images', parse: parseImagesResponse },
  })
  const references = (input.inputImages ?? []).length > 0 ? (input.references ?? []).length : 0
  return { ...result, road: 'images', droppedOptions: roadLimits(input.model, input.settings, 'images', { references, rubric: input.scoringRubric?.length }) }
}

/** Chat completions' answer for a model it cannot serve (docs/contracts.md#the-image-api: some pure-image models). */
function isNoEndpoint(error: unknown): boolean {
  return error instanceof GenerationError && error.status === 404 && (error.serverMessage ?? '').startsWith('No endpoints found')
}
