import { type ImagesApiOptions, getImagesApiAsync, listImagesModelsAsync } from '../../openrouter/images-models'
import { pickImagesEndpoint } from './images-record'

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
      .map(async ({ id, name }) => {
        // The slug is OpenRouter's own, `/` and `:free` included, as its `endpoints` link writes it.
        const record = await getImagesApiAsync(`/models/${encodeURI(id)}/endpoints`, options)
        const endpoint = record === undefined ? undefined : (pickImagesEndpoint(record) ?? undefined)
        return [id, { name, endpoint }] as const
      }),
  )
  return new Map(loaded)
}
