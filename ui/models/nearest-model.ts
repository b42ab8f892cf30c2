import type { ModelId } from '../../common/domain'
import { type ModelCapabilities, describeModel, isFreeVariant } from '../../common/models'

/**
 * The model to use instead of one that is no longer listed: the same tier
 * (a Fast stays fast and cheap, a Pro keeps its quality), the closest version,
 * paid or free as it was, and the newer of two equally close. `list` is never
 * empty: it is the catalog, the cache or the built-in table.
 */
export function nearestModel(id: ModelId, list: readonly ModelCapabilities[]): ModelCapabilities {
  const tier = describeModel(id).tier
  const sameTier = list.filter((model) => model.tier === tier)
  const candidates = sameTier.length > 0 ? sameTier : list
  const version = versionOf(id)
  const free = isFreeVariant(id)
  const score = (model: ModelCapabilities) => [Math.abs(versionOf(model.id) - version), isFreeVariant(model.id) === free ? 0 : 1, -versionOf(model.id)]
  return [...candidates].sort((a, b) => compareScores(score(a), score(b)))[0]
}

/** "riverflow-v2.5-fast" → 2.5; a slug without a version counts as 0. */
function versionOf(id: ModelId): number {
  const match = /-v(\d+(?:\.\d+)?)/.exec(id)
  return match ? Number(match[1]) : 0
}

function compareScores(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i]
  return 0
}
