import type { CatalogEntry, Road } from '../../../common/domain'
import { MAX_FONT_INPUTS, type ModelCapabilities, type RoadCapabilities } from '../../../common/models'
import { chatRoad, imagesRoadWithoutRecord } from '../../../common/road-capabilities'
import { IMAGE_SIZES } from '../../../common/sizes'
import { readImagesRecord } from './images-record'

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
  if (listed.includes('images')) roads.images = imagesRoad(table, entry.imagesEndpoint)
  return { ...table, ...unionOf(roads), roads }
}

/** The passthrough parameters this build sends where a record allows them (docs/contracts.md#the-image-api). */
const PASSTHROUGH_KEYS = ['font_inputs', 'scoring_prompt', 'scoring_rubric']

function imagesRoad(table: ModelCapabilities, endpoint: unknown): RoadCapabilities {
  const base = imagesRoadWithoutRecord(table)
  const record = endpoint === undefined ? null : readImagesRecord(endpoint)
  if (!record) return base
  // The record's passthrough keys decide what travels in provider.options, the table's caution aside.
  const passthrough = record.passthrough.filter((key) => PASSTHROUGH_KEYS.includes(key))
  return {
    ...base,
    sizes: record.sizes ?? base.sizes,
    maxInputImages: record.maxInputImages ?? base.maxInputImages,
    backgrounds: record.backgrounds,
    maxFontInputs: passthrough.includes('font_inputs') ? MAX_FONT_INPUTS : 0,
    scoring: passthrough.includes('scoring_prompt') || passthrough.includes('scoring_rubric'),
    passthrough,
    ...(passthrough.length > 0 ? { passthroughTo: record.providerSlug } : {}),
    aspectRatios: record.aspectRatios ?? base.aspectRatios,
    exactSize: record.exactSize,
    outputFormats: record.outputFormats,
    ...(record.pricing.length > 0 ? { priceLines: record.pricing } : {}),
  }
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

