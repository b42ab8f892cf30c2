import type { SelectedLayer } from '../../../common/selection'
import { expectedPixelSize } from '../../../common/sizes'
import { type ClickPlan, showsImage } from './plan-click'
import type { Offer, OfferKind } from './offer'
import { keyVisualWithFrames } from './plan-formats'
import { upscaleReach } from './plan-tasks'
import { isEmptyFrame, picturesOf } from '../../selection/roles'

/** Besides the main button, this many actions show; the rest wait under More. */
const SECONDARY_SHOWN = 3

/**
 * What the panel proposes for a selection: one main action, a few others
 * beside it, the rest under More. The selection decides (docs/manual.md):
 * nothing selected, Generate; a frame, its fill; an image, an edit of it; an
 * image with a shape drawn over it, Edit area; several images, each of them;
 * a poster with its logos and product shots, Upscale with references.
 */
export interface Proposal {
  primary: Offer
  secondary: Offer[]
  more: Offer[]
}

type Pick = OfferKind | `upscale-each-${2 | 4}`

export function propose(plan: ClickPlan, selection: readonly SelectedLayer[]): Proposal {
  const byKey = new Map<Pick, Offer>([[plan.generate.kind, plan.generate], ...plan.offers.map((offer) => [offer.kind === 'upscale-each' ? `upscale-each-${offer.factor ?? 2}` : offer.kind, offer] as [Pick, Offer])])
  const ranked = rank(selection, byKey).flatMap((kind) => byKey.get(kind) ?? [])
  const [primary, ...next] = ranked.length > 0 ? ranked : [plan.generate]
  const secondary = next.slice(0, SECONDARY_SHOWN)
  // An image and the shape over it: the area's two actions, and nothing that would treat the shape as an image.
  const others = byKey.has('edit-area') ? [] : [...plan.offers, plan.generate]
  const more = [...new Set([...next.slice(SECONDARY_SHOWN), ...others])].filter((offer) => offer !== primary && !secondary.includes(offer))
  return { primary, secondary, more: more.sort((a, b) => moreRank(a) - moreRank(b)) }
}

/** Under More, the kinds in this order: the closest to what the selection asks for first. */
const MORE_ORDER: Pick[] = ['upscale-each-4', 'upscale-each-2', 'upscale-with-references', 'refine-each', 'combine', 'remove-background', 'expand', 'formats', 'generate-each', 'replace', 'generate']

function moreRank(offer: Offer): number {
  const index = MORE_ORDER.indexOf(offer.kind === 'upscale-each' ? `upscale-each-${offer.factor ?? 2}` : offer.kind)
  return index === -1 ? MORE_ORDER.length : index
}

/** The kinds the selection asks for first, best first; what is not offered is skipped. */
function rank(selection: readonly SelectedLayer[], offers: Map<Pick, Offer>): Pick[] {
  if (offers.has('edit-area')) return ['edit-area', 'erase']
  const imageLike = selection.filter((layer) => !layer.text)
  if (imageLike.length === 0) return ['generate']
  // A key visual and the frames of its formats: each frame gets it, made for its shape.
  if (keyVisualWithFrames(selection)) return ['formats', 'refine-each', 'upscale-each-2', 'combine']
  if (imageLike.length === 1) {
    const [layer] = imageLike
    if (layer.expand) return ['expand', 'generate', 'refine-each', 'upscale-each-2']
    // The actions with a choice of their own (the formats to make, the ratio) stay in view; Remove background needs none, under More.
    if (showsImage(layer)) return ['refine-each', 'upscale-each-2', 'formats', 'expand']
    return ['generate', 'refine-each', 'upscale-each-2']
  }
  if (isPoster(picturesOf(selection)) && offers.has('upscale-with-references')) return ['upscale-with-references', 'combine', 'refine-each']
  // Empty frames only: an image for each, at its size; nothing of theirs is sent (`picturesOf`).
  if (imageLike.every(isEmptyFrame)) return ['generate-each', 'generate']
  return ['refine-each', 'upscale-each-2', 'remove-background', 'combine']
}

/**
 * A poster with the logos and product shots it shows: one layer at least four
 * times the area of every other (a 1080×1350 poster beside 400 px logos).
 */
function isPoster(layers: readonly SelectedLayer[]): boolean {
  const areas = layers.map((layer) => layer.width * layer.height).sort((a, b) => b - a)
  return areas.length > 1 && areas[0] >= 4 * areas[1]
}

/**
 * Where an offer's images land, in a line: what the designer would otherwise
 * have to guess from the button. Names are as the layers panel shows them.
 */
export function landsLine(offer: Offer, selection: readonly SelectedLayer[]): string {
  const { first, count } = offer
  // Nothing planned yet (Upscale with references that first switches the model): nowhere to name.
  if (!first) return ''
  const name = (id: string | undefined) => `“${selection.find((layer) => layer.id === id)?.name ?? 'the layer'}”`
  const target = name(first.targetIds[0])
  switch (offer.kind) {
    case 'generate':
    case 'generate-each':
    case 'replace': {
      if (count > 1 && first.row !== undefined) return `${count} variations, side by side on new layers${selection.length > 0 ? ' beside the selection' : ''}.`
      if (offer.kind === 'generate-each') return `Each frame gets its own image as its fill, made for its size.`
      if (offer.kind === 'replace') return `Replaces the image in ${count === 1 && first.targetIds.length === 1 ? target : 'the selected layers'}; Restore previous on the layer brings it back.`
      if (first.placement === 'fill') return `As the fill of ${first.targetIds.length === 1 ? target : `the ${first.targetIds.length} selected layers`}.`
      return selection.length === 0 ? 'On a new layer in the middle of the view.' : `On a new layer beside ${selection.length === 1 ? target : 'the selection'}.`
    }
    case 'expand':
      return first.expandTo ? `In a new ${first.expandTo} frame around ${target}, continued behind it; the image stays as it is.` : `Behind the image in ${target}, continued to its edges; the image stays as it is.`
    case 'edit-area':
    case 'erase':
      return `Over ${target}, inside the shape you drew, with a soft edge; the image stays as it is.`
    case 'formats': {
      const keyVisual = name(first.formatSet?.keyVisualId)
      if (offer.makeFrames) return `In a new frame for each format, beside ${keyVisual}, named with its size; ${keyVisual} stays as it is.`
      return `In each frame, made for its shape, behind the frame’s own layers; ${keyVisual} and your text stay as they are.`
    }
    default:
      // A refine's variations (a row of takes): one image refined, or each of several.
      if (first.row !== undefined) {
        const images = new Set(offer.tasks.map((task) => task.targetIds[0])).size
        return images === 1 ? `${count} variations, side by side beside ${target}, at its size.` : `${count / images} variations of each image, side by side beside it, at its size.`
      }
      return count > 1 ? 'Each result on a new layer beside its own frame, at its size.' : `On a new layer beside ${target}, at its size.`
  }
}

/**
 * What the main action will send, in one line: the model, the size of its
 * image and how many ("Riverflow 2.6 Pro · 2400×1256 · 1 image").
 */
export function requestLine(offer: Omit<Offer, Exclude<keyof Offer, 'first' | 'count' | 'kind'>>): string {
  const { first, count } = offer
  if (!first) return ''
  const images = count === 1 ? '1 image' : `${count} images`
  // A set's formats each have a size of their own: the line says how they are met, after the count,
  // so the count stays in view when the line is cut at the panel's width.
  if (offer.kind === 'formats') return `${first.model.label} · ${images}, ${first.exactSize ? 'each at its format’s exact size' : 'each cropped to its format'}`
  // An upscale says how far it goes: 1.4× for a poster Figma caps at 4096 px, not the 2× asked.
  const size = first.upscale ? `${upscaleReach(first)}× sharper` : sizeOf(first)
  return [first.model.label, size, images].filter(Boolean).join(' · ')
}

function sizeOf(task: NonNullable<Offer['first']>): string {
  if (task.exactSize) return `${task.exactSize.width}×${task.exactSize.height}`
  const { width, height } = expectedPixelSize(task.settings.aspectRatio, task.settings.imageSize)
  return `${width}×${height}`
}
