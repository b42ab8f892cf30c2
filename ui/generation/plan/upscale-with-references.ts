import type { SelectedLayer } from '../../../common/selection'
import { FIGMA_MAX_IMAGE_SIDE } from '../../../common/sizes'
import { type ModelCapabilities, REFERENCE_PRICE } from '../../../common/models'
import { formatUsd } from '../../pricing'
import { applyKit } from './apply-kit'
import type { ReadyKit } from '../../brand-kit/ready-kit'
import { fitSettingsToModel } from '../../models'
import { estimatePlanCost, planUpscale, upscaleTarget } from './plan-tasks'
import { type Roles, picturesOf } from '../../selection/roles'
import { type Offer, promptProblems } from './offer'
import type { Order } from './task'

/**
 * "Upscale *Poster* with 2 references": the use the plugin was made for, in
 * one click. The input is the largest selected picture (the first of
 * equals); the other pictures go as refSR references, up to the model's
 * limit. A model that takes no references offers the action as a switch to
 * the cheapest one on offer that does: pressed, it changes the model and says
 * so; pressed again, it sends. The file's brand kit adds its references after
 * the designer's. Null with fewer than two pictures (`picturesOf`: an empty
 * frame is neither a poster to upscale nor a reference to send).
 */
export function planUpscaleWithReferences(order: Order, selection: SelectedLayer[], models: readonly ModelCapabilities[], kit: ReadyKit | null = null): Offer | null {
  const pictures = picturesOf(selection)
  if (pictures.length < 2) return null
  let input = pictures[0]
  for (const layer of pictures) if (layer.width * layer.height > input.width * input.height) input = layer
  const others = pictures.filter((layer) => layer !== input)
  const base = { kind: 'upscale-with-references' as const, key: 'upscale-with-references', factor: 2 as const, concurrency: 1 }

  if (order.model.maxReferences === 0) {
    const takers = models.filter((model) => model.maxReferences > 0)
    if (takers.length === 0) return null
    const cheapest = takers.reduce((a, b) => (priceOf(b) < priceOf(a) ? b : a))
    const settings = fitSettingsToModel(order.settings, cheapest).settings
    const names = takers.map((model) => model.label).join(' and ')
    // Its price is what the next press sends, on the model it switches to.
    const next = planUpscaleWithReferences({ ...order, settings, model: cheapest }, selection, models, kit)
    return {
      ...base,
      label: 'Upscale with references',
      // Only the switch: what it then sends is shown, priced, on the button before the next press.
      switchTo: settings,
      problems: [`${order.model.label} takes no references; ${names} ${takers.length === 1 ? 'does' : 'do'}. Switched to ${cheapest.label}: press again to upscale.`],
      tasks: [],
      first: undefined,
      count: 0,
      cost: next?.cost ?? null,
    }
  }
  const references = others.slice(0, order.model.maxReferences)
  // The input and its references; every other layer is unused, which a missing role already says (a selection may hold thousands).
  const roles: Roles = { ...Object.fromEntries(references.map((layer) => [layer.id, 'reference'])), [input.id]: 'input' }
  // The kit's images go as further refSR references, after the designer's own, as far as the model takes them.
  const planned = planUpscale(order, selection, roles, 2)
  const tasks = kit ? planned.map((task) => applyKit(task, kit, 'upscale')) : planned
  const count = references.length
  // More than the model takes: sent with as many as it takes, the label saying how many stay out.
  const left = others.length - count
  return {
    ...base,
    label: `Upscale with ${count === 1 ? '1 reference' : `${count} references`}`,
    note: [
      `Upscales “${input.name}” ${reach(input)} with ${references.map((layer) => `“${layer.name}”`).join(', ')} as ${count === 1 ? 'a reference' : 'references'}${left > 0 ? `; ${left} left out: ${order.model.label} takes ${order.model.maxReferences}` : ''}.`,
      referencesPriceNote(count, tasks[0]?.brandKit?.paidReferences ?? 0),
    ]
      .filter(Boolean)
      .join(' '),
    problems: promptProblems(order.prompt, 'upscale-with-references', order.settings),
    tasks,
    first: tasks[0],
    count: tasks.length,
    cost: estimatePlanCost(tasks),
  }
}

/**
 * How far the upscale goes: 2×, or for a layer over 2048 px, as far as the
 * 4096 px Figma holds a side (refSR answers at the size of the input, which
 * Figma exports at most that large), said with the pixels it comes to.
 */
function reach(layer: SelectedLayer): string {
  if (Math.max(layer.width, layer.height) * 2 <= FIGMA_MAX_IMAGE_SIDE) return '2×'
  const target = upscaleTarget(layer, 2)
  return `${(target.width / layer.width).toFixed(1)}×, to ${target.width}×${target.height} (Figma holds 4096 px a side at most),`
}

/**
 * What the price holds besides the image: each reference, the designer's and
 * the kit's, is billed on top of it. Said, so that $0.44 beside Refine's
 * $0.04 is not left to guess.
 */
function referencesPriceNote(own: number, kits: number): string {
  const ownPart = own === 1 ? 'the reference' : `the ${own} references`
  const kitPart = kits === 0 ? '' : ` and the brand kit’s ${kits === 1 ? 'reference' : `${kits} references`}`
  return `The price includes ${ownPart}${kitPart}, ${formatUsd(REFERENCE_PRICE)}${own + kits > 1 ? ' each' : ''}.`
}

/** The price of a 1K image, to pick the cheapest model that takes references. */
function priceOf(model: ModelCapabilities): number {
  const { pricing } = model
  if (pricing.kind === 'free') return 0
  if (pricing.kind === 'unknown') return Infinity
  return pricing.kind === 'fixed' ? (pricing.perImage['1K'] ?? Infinity) : pricing.perImage.low
}
