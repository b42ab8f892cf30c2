import type { ModelId } from '../../common/domain'
import { ASPECT_RATIOS } from '../../common/sizes'

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
