import { type ImagesApiOptions, getImagesEndpointAsync, listImagesModelsAsync } from '../../openrouter/images-models'

/** What the Image API said of one model: its name, and its endpoint record as sent (undefined: none could be had). */
export interface ImagesApiModel {
  name: string
  endpoint: unknown
}

/**
 * The Sourceful models the Image API lists, each with its endpoint record
 * (`GET /api/v1/images/models/{author}/{slug}/endpoints`,
 * docs/contracts.md#image-api-discovery), fetched side by side. Null when the
 * list cannot be had or read: the Image API then counts as not known, which
 * changes nothing. Never throws.
 */
export async function loadImagesApiAsync(options: ImagesApiOptions): Promise<Map<string, ImagesApiModel> | null> {
  const listed = await listImagesModelsAsync(options)
  if (!listed) return null
  const loaded = await Promise.all(
    listed
      .filter(({ id }) => id.startsWith('sourceful/'))
      .map(async ({ id, name }) => [id, { name, endpoint: await getImagesEndpointAsync(id, options) }] as const),
  )
  return new Map(loaded)
}
