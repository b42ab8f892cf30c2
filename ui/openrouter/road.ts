import type { Road } from '../../common/domain'
import { type ModelCapabilities, isFreeVariant } from '../../common/models'
import { imagesRoadWithoutRecord } from '../../common/road-capabilities'
import { type RequestOptions, requestGenerationAsync } from './client'
import { type RoadChoice, chooseRoad, needsRoadRecord, rememberRoad, rememberRoadRecord } from './choose-road'
import type { Connection } from './connection'
import { GenerationError } from '../answer/errors'
import { getImagesEndpointAsync, imagesApiListsAsync } from './images-models'
import { imagesRoadOf } from './images-record'
import { buildImagesRequest } from './images-request'
import { type GenerationInput, buildGenerationRequest } from './request'
import type { GenerationResult } from '../answer/response'

/** What belongs to the request (cancel, retry notices): everything but where it goes. */
type SendingOptions = Omit<RequestOptions, 'endpoint'>

export interface RoadResult extends GenerationResult {
  road: Road
  /** What the designer chose that this road could not carry (see roadLimits): said, never silently lost. */
  droppedOptions: string[]
}

/** What a request needs of a road, from its input: the same needs the panel's note is worked out from. */
function roadChoiceFor(input: GenerationInput): RoadChoice {
  const inputs = (input.inputImages ?? []).length
  const references = inputs > 0 ? (input.references ?? []).length : 0
  return chooseRoad(input.model, input.settings, { inputs, references, rubric: input.scoringRubric?.length, exact: input.exactSize !== undefined })
}

/**
 * A request no road the model is known on can make (a ratio the Image API
 * lacks at a size only it makes, say): said before sending, with what to change.
 */
export function roadProblems(input: GenerationInput): string[] {
  if (!roadChoiceFor(input).unmakeable) return []
  const { model, settings } = input
  const what = input.exactSize ? `${input.exactSize.width}×${input.exactSize.height}` : `${settings.imageSize} at ${settings.aspectRatio}`
  return [`${model.label} cannot make ${what} with ${(input.inputImages ?? []).length} input images on any road OpenRouter serves it on: choose another size or aspect ratio.`]
}

/**
 * Sends a generation on the road chosen before sending (choose-road.ts). When
 * chat completions turns out to have no endpoint for the model ("No endpoints
 * found", 404) and the Image API lists it, the Image API, remembered with the
 * cache. A `:free` model's 429 is not retried: the free tier's limit is said at
 * once (suggest-model.ts).
 */
export async function sendOnRoadAsync(connection: Connection, input: GenerationInput, sending: SendingOptions = {}): Promise<RoadResult> {
  const model = input.model.id
  // The free tier's 429 is said at once, with its paid twin one click away, rather than waited out.
  if (isFreeVariant(model)) sending = { ...sending, tellAtOnce: (failure) => failure.status === 429 }
  await readLearnedRecordAsync(input.model, connection, sending.signal)
  const choice = roadChoiceFor(input)
  if (choice.road === 'images') return sendOnImagesAsync(connection, input, choice, sending)
  try {
    // The chat road's own facts, so that nothing only the Image API takes is built into the request.
    const result = await requestGenerationAsync(connection, buildGenerationRequest({ ...input, model: { ...input.model, ...choice.carries } }), sending)
    return { ...result, road: 'chat', droppedOptions: choice.dropped }
  } catch (error) {
    if (!isNoEndpoint(error) || !(await imagesApiListsAsync(model, { ...connection, signal: sending.signal }))) throw error
    rememberRoad(model, 'images')
    await readLearnedRecordAsync(input.model, connection, sending.signal)
    return sendOnImagesAsync(connection, input, roadChoiceFor(input), sending)
  }
}

/**
 * A road learned from a refusal that the model list has no record of: its
 * endpoint record is read before asking, so that the format asked is one it
 * lists and a cut-out goes as it allows, as on a road the list read it for
 * (images-record.ts). One that cannot be had changes nothing: asked as
 * without a record, and read again before the next request.
 */
async function readLearnedRecordAsync(model: ModelCapabilities, connection: Connection, signal: AbortSignal | undefined): Promise<void> {
  if (!needsRoadRecord(model)) return
  const endpoint = await getImagesEndpointAsync(model.id, { ...connection, signal })
  if (endpoint !== undefined) rememberRoadRecord(model.id, imagesRoadOf(model, endpoint))
}

async function sendOnImagesAsync(connection: Connection, input: GenerationInput, choice: RoadChoice, sending: SendingOptions): Promise<RoadResult> {
  const carries = choice.road === 'images' ? choice.carries : imagesRoadWithoutRecord(input.model)
  const result = await requestGenerationAsync(connection, buildImagesRequest(input, carries), {
    ...sending,
    endpoint: { path: '/api/v1/images', road: 'images' },
  })
  return { ...result, road: 'images', droppedOptions: choice.dropped }
}

/** Chat completions' answer for a model it cannot serve (docs/contracts.md#the-image-api: some pure-image models). */
function isNoEndpoint(error: unknown): boolean {
  return error instanceof GenerationError && error.status === 404 && (error.serverMessage ?? '').startsWith('No endpoints found')
}
