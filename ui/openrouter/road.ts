import { type RequestGenerationOptions, requestGenerationAsync } from './client'
import { GenerationError } from './errors'
import { asFreeBusy } from './free-busy'
import { imagesApiListsAsync } from './images-models'
import { buildImagesRequest, roadLimits } from './images-request'
import { parseImagesResponse } from './images-response'
import { type GenerationInput, buildGenerationRequest } from './request'
import type { GenerationResult } from './response'
import { type Road, rememberRoad, roadFor } from './roads'

/** How to send (key, base URL, signal, timeout, retries): everything but the body and where it goes. */
type SendingOptions = Omit<RequestGenerationOptions, 'request' | 'endpoint'>

export interface SendOnRoadOptions extends SendingOptions {
  input: GenerationInput
}

export interface RoadResult extends GenerationResult {
  road: Road
  /** What the designer chose that this road could not carry (see roadLimits): said, never silently lost. */
  droppedOptions: string[]
}

/**
 * Sends a generation on the road its model takes. Chat completions first; when
 * it has no endpoint for the model ("No endpoints found", 404) and the Image
 * API lists it, the Image API, remembered for the session. A `:free` model's
 * 429 becomes its own 'free-busy' error.
 */
export async function sendOnRoadAsync({ input, ...sending }: SendOnRoadOptions): Promise<RoadResult> {
  const model = input.settings.model
  try {
    if (roadFor(model) === 'images') return await sendOnImagesAsync(input, sending)
    try {
      const result = await requestGenerationAsync({ ...sending, request: buildGenerationRequest(input) })
      return { ...result, road: 'chat', droppedOptions: [] }
    } catch (error) {
      if (!isNoEndpoint(error) || !(await imagesApiListsAsync(model, sending))) throw error
      rememberRoad(model, 'images')
      return await sendOnImagesAsync(input, sending)
    }
  } catch (error) {
    throw asFreeBusy(error, model)
  }
}

async function sendOnImagesAsync(input: GenerationInput, sending: SendingOptions): Promise<RoadResult> {
  const result = await requestGenerationAsync({
    ...sending,
    request: buildImagesRequest(input),
    endpoint: { path: '/api/v1/images', parse: parseImagesResponse },
  })
  const references = (input.inputImages ?? []).length > 0 ? (input.references ?? []).length : 0
  return { ...result, road: 'images', droppedOptions: roadLimits(input.settings, 'images', { references, rubric: input.scoringRubric?.length }) }
}

/** Chat completions' answer for a model it cannot serve (SPEC 1b: some pure-image models). */
function isNoEndpoint(error: unknown): boolean {
  return error instanceof GenerationError && error.status === 404 && (error.serverMessage ?? '').startsWith('No endpoints found')
}
