import type { HistoryItem } from '../../../common/messages'
import { type ModelCapabilities, findModel } from '../../models'
import { formatUsd } from '../../pricing'

/**
 * What a History row says of its entry, under its title: model, size, price,
 * when it was made and with what brand kit.
 */
export function entryFacts(item: HistoryItem, models: readonly ModelCapabilities[]): string {
  const { record } = item
  const model = typeof record.settings.model === 'string' ? findModel(models, record.settings.model) : null
  // An image made at exact pixels (2.6 Pro) says them; one made at a tier, its ratio and tier.
  // A set of formats is one entry: how many, each at its own size.
  const count = item.layerIds.length
  const size = record.format ? `${count === 1 ? '1 format' : `${count} formats`}` : record.exactSize ? `${record.exactSize.width}×${record.exactSize.height}` : `${record.settings.aspectRatio} · ${record.settings.imageSize}`
  const facts = [model?.label ?? 'Unknown model', size, record.cost !== null ? formatUsd(record.cost) : null, madeWhen(record.createdAt), typeof record.brandKit === 'string' ? `Brand kit: ${record.brandKit.slice(0, 60)}` : null]
  return facts.filter(Boolean).join(' · ')
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
