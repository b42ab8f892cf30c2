import type { CatalogEntry, Road } from '../../../common/domain'
import type { ModelCapabilities, RoadCapabilities } from '../../../common/models'
import { chatRoad } from '../../../common/road-capabilities'
import { IMAGE_SIZES } from '../../../common/sizes'
import { imagesRoadOf } from '../../openrouter/images-record'

/**
 * A model's facts with what OpenRouter's lists and records say: which roads
 * serve it, and for the Image API what its endpoint record allows (its
 * passthrough keys: fonts, scoring). A fact of a record beats the built-in
 * table, for that road only; the table keeps what no record says (refSR,
 * fonts, scoring and effort on chat completions). A record that does
 * not read changes nothing; an entry from an older cache (no roads) neither.
 */
export function withLiveFacts(table: ModelCapabilities, entry: CatalogEntry): ModelCapabilities {
  const listed = Array.isArray(entry.roads) ? entry.roads : null
  if (!listed || listed.length === 0) return table
  const roads: Partial<Record<Road, RoadCapabilities>> = {}
  if (listed.includes('chat')) roads.chat = chatRoad(table)
  if (listed.includes('images')) roads.images = imagesRoadOf(table, entry.imagesEndpoint)
  return { ...table, ...unionOf(roads), roads }
}

/** What the model offers in the panel: what some road serving it carries. */
function unionOf(roads: Partial<Record<Road, RoadCapabilities>>): Partial<ModelCapabilities> {
  const all = Object.values(roads)
  const most = (pick: (road: RoadCapabilities) => number) => Math.max(...all.map(pick))
  const any = <T>(pick: (road: RoadCapabilities) => readonly T[]) => [...new Set(all.flatMap(pick))]
  return {
    sizes: IMAGE_SIZES.filter((size) => all.some((road) => road.sizes.includes(size))),
    maxInputImages: most((road) => road.maxInputImages),
    maxReferences: most((road) => road.maxReferences),
    maxFontInputs: most((road) => road.maxFontInputs),
    backgrounds: any((road) => road.backgrounds),
    efforts: any((road) => road.efforts),
    scoring: all.some((road) => road.scoring),
    exactSize: roads.images?.exactSize ?? null,
  }
}

