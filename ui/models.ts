import type { ImageSize, ModelId } from '../common/domain'
import { MAX_FONT_INPUTS } from './fonts/font-input-problems'

/** What the plugin needs to know of each Riverflow model it offers (SPEC section 1). */
export interface ModelInfo {
  id: ModelId
  label: string
  /** USD per output image, by size; a size missing here is not offered by the model. */
  pricePerImage: Partial<Record<ImageSize, number>>
  /** Input images one request may carry (Sourceful's schema). */
  maxInputImages: number
  /** Super-resolution references (refSR) one request may carry; 0 when unsupported. */
  maxReferences: number
  maxFontInputs: number
}

export const MODELS: readonly ModelInfo[] = [
  {
    id: 'sourceful/riverflow-v2-fast',
    label: 'Riverflow 2 Fast',
    pricePerImage: { '1K': 0.02, '2K': 0.04 },
    maxInputImages: 4,
    maxReferences: 4,
    maxFontInputs: MAX_FONT_INPUTS,
  },
  {
    id: 'sourceful/riverflow-v2-pro',
    label: 'Riverflow 2 Pro',
    pricePerImage: { '1K': 0.15, '2K': 0.15, '4K': 0.33 },
    maxInputImages: 10,
    maxReferences: 4,
    maxFontInputs: MAX_FONT_INPUTS,
  },
]

export const FONT_INPUT_PRICE = 0.03
export const REFERENCE_PRICE = 0.2
export const IMAGE_SIZES: readonly ImageSize[] = ['1K', '2K', '4K']

export function modelInfo(id: ModelId): ModelInfo {
  const model = MODELS.find((m) => m.id === id)
  if (!model) throw new Error(`Unknown model ${id}`)
  return model
}

/** Said both when marking layers and before sending, so the designer reads one limit in one wording. */
export function referenceLimitMessage(model: ModelInfo, count: number, counted: 'selected' | 'marked as reference'): string {
  return `At most ${model.maxReferences} references can be sent; ${count} are ${counted}.`
}

export function sizesOffered(id: ModelId): ImageSize[] {
  return IMAGE_SIZES.filter((size) => modelInfo(id).pricePerImage[size] !== undefined)
}

/** Whether a saved model id is one the plugin offers. */
export function isOfferedModel(id: string): boolean {
  return MODELS.some((m) => m.id === id)
}
