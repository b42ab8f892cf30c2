import { GenerationError } from '../answer/errors'
import { keyProblem } from '../../common/api-key'

/**
 * Where the UI sends requests. Always OpenRouter in the built plugin: only
 * `npm run preview` sets RIVERFLOW_OPENROUTER_URL at build time, to point the
 * preview at the local stand-in. Tests pass their stand-in's URL explicitly.
 */
export const OPENROUTER_URL: string = import.meta.env.RIVERFLOW_OPENROUTER_URL ?? 'https://openrouter.ai'

/** OpenRouter's app attribution (docs/contracts.md#attribution-headers): shows the plugin in the user's activity. */
export const APP_TITLE = 'Riverflow for Figma'
const APP_URL = 'https://www.figma.com/community/search?model_type=plugins&q=riverflow'

/** Every request to OpenRouter takes its headers from here, so no malformed key leaves. */
export function authHeaders(key: string): Record<string, string> {
  const problem = keyProblem(key)
  if (problem) throw new GenerationError('malformed-key', problem)
  return {
    Authorization: `Bearer ${key}`,
    'HTTP-Referer': APP_URL,
    'X-OpenRouter-Title': APP_TITLE,
  }
}
