import type { ModelId } from '../../common/domain'
import { OPENROUTER_URL, authHeaders } from './endpoint'

/**
 * Whether the Image API lists a model (`GET /api/v1/images/models`, docs/contracts.md#image-api-discovery).
 * Asked only after chat completions found no endpoint for it; any failure to
 * tell counts as no, so the designer sees chat completions' own error.
 */
export async function imagesApiListsAsync(model: ModelId, options: { key: string; baseUrl?: string; signal?: AbortSignal }): Promise<boolean> {
  try {
    const response = await fetch(`${options.baseUrl ?? OPENROUTER_URL}/api/v1/images/models`, {
      headers: authHeaders(options.key),
      signal: options.signal,
    })
    if (!response.ok) return false
    const body: unknown = await response.json()
    const data = typeof body === 'object' && body !== null && Array.isArray((body as { data?: unknown }).data) ? (body as { data: unknown[] }).data : []
    return data.some((entry) => typeof entry === 'object' && entry !== null && (entry as { id?: unknown }).id === model)
  } catch {
    return false
  }
}
