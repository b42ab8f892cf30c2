import type { AspectRatio, ModelId } from '../common/domain'

/**
 * The models a quick action suggests when no catalog is cached: the UI's
 * model table (ui/models/built-in-models.ts) lives in the other bundle, and the
 * quick action bar asks before any UI opens. A test keeps the two equal.
 */
export const BUILT_IN_MODELS: readonly { id: ModelId; label: string }[] = [
  { id: 'sourceful/riverflow-v2-fast', label: 'Riverflow 2 Fast' },
  { id: 'sourceful/riverflow-v2-pro', label: 'Riverflow 2 Pro' },
  { id: 'sourceful/riverflow-v2.5-fast', label: 'Riverflow 2.5 Fast' },
  { id: 'sourceful/riverflow-v2.5-fast:free', label: 'Riverflow 2.5 Fast (free)' },
  { id: 'sourceful/riverflow-v2.5-pro', label: 'Riverflow 2.5 Pro' },
  { id: 'sourceful/riverflow-v2.6-pro', label: 'Riverflow 2.6 Pro' },
]

/** The ratios Riverflow offers, in the panel's order (ui/aspect-ratios.ts; a test keeps them equal). */
export const ASPECT_RATIOS: readonly AspectRatio[] = ['1:1', '5:4', '4:3', '3:2', '16:9', '21:9', '4:5', '3:4', '2:3', '9:16']

export const MATCH_SELECTION = 'match-selection'

type Suggestion = { name: string; data: string }

/** What the quick action bar offers while the designer types a parameter. */
export async function suggestionsAsync(
  key: string,
  query: string,
  modelChoices: () => Promise<readonly { id: ModelId; label: string }[]>,
): Promise<Suggestion[] | null> {
  switch (key) {
    case 'model':
      return matching((await modelChoices()).map((m) => ({ name: m.label, data: m.id })), query)
    case 'aspect-ratio':
      return matching([{ name: 'Match the selection', data: MATCH_SELECTION }, ...ASPECT_RATIOS.map((r) => ({ name: r, data: r }))], query)
    default:
      // The prompt is the designer's own words: nothing to suggest.
      return null
  }
}

function matching(suggestions: Suggestion[], query: string): Suggestion[] {
  const wanted = query.trim().toLowerCase()
  return suggestions.filter((s) => s.name.toLowerCase().includes(wanted) || s.data.toLowerCase().includes(wanted))
}
