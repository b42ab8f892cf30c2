import type { GenerationRecord } from '../../../common/domain'
import type { HistoryItem } from '../../../common/messages'
import { type ModelCapabilities, findModel } from '../../models'
import { formatEstimateShort } from '../../pricing'

/**
 * What a History row says of its entry, under its title: model, size, price,
 * when it was made and with what brand kit. The record is the file's, checked
 * on read (readRecord), so its cost is a sum of money or null.
 */
export function entryFacts(item: HistoryItem, models: readonly ModelCapabilities[]): string {
  const { record } = item
  const model = typeof record.settings.model === 'string' ? findModel(models, record.settings.model) : null
  // An image made at exact pixels (2.6 Pro) says them; one made at a tier, its ratio and tier.
  // A set of formats is one entry: how many, each at its own size.
  const count = item.layerIds.length
  const size = record.format ? `${count === 1 ? '1 format' : `${count} formats`}` : record.exactSize ? `${record.exactSize.width}×${record.exactSize.height}` : `${record.settings.aspectRatio} · ${record.settings.imageSize}`
  const facts = [model?.label ?? 'Unknown model', size, entryPrice(record, model), madeWhen(record.createdAt), typeof record.brandKit === 'string' ? `Brand kit: ${record.brandKit.slice(0, 60)}` : null]
  return facts.filter(Boolean).join(' · ')
}

/**
 * What the image cost, in the words the panel prices a request with before it
 * is sent (formatEstimateShort): "free" for the free model, which charges
 * nothing whether or not its answer said so, "price unknown" where the answer
 * did not say (never nothing at all, which reads as free), else the charge.
 */
function entryPrice(record: Pick<GenerationRecord, 'cost'>, model: Pick<ModelCapabilities, 'pricing'> | null): string {
  if (model?.pricing.kind === 'free' && !record.cost) return formatEstimateShort({ kind: 'free' })
  return formatEstimateShort(record.cost === null ? { kind: 'unknown', low: 0 } : { kind: 'fixed', usd: record.cost })
}

/**
 * Where the entry's image went when it is no longer in the file, and how it
 * comes back: said on the row, which then offers no Place again, since there
 * is nothing left to copy. Null while the image is there.
 */
export function goneWords(item: HistoryItem): string | null {
  if (item.exists) return null
  const layers = item.layerIds.length > 1 ? 'its layers' : 'its layer'
  const why = item.replaced ? `another image replaced it on ${layers}` : `${layers} ${item.layerIds.length > 1 ? 'were' : 'was'} deleted`
  // A set of formats is never placed again (its images are each in their own frame).
  return `${item.record.format ? 'No longer in the file' : 'Cannot be placed again'}: ${why}. Undo that in Figma to bring it back.`
}

/**
 * When the image was made, in the designer's locale and to the minute, as Figma's version history
 * says it: "Dec 7, 2:04 PM", the year only when it is not this one.
 */
function madeWhen(createdAt: string): string {
  const made = new Date(createdAt)
  const year = made.getFullYear() === new Date().getFullYear() ? undefined : 'numeric'
  return made.toLocaleString(undefined, { year, month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' })
}
