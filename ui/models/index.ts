// The models the plugin offers and what each can do: one import for the rest of the UI.
// The hook that keeps the list live (use-model-list.ts) is imported on its own: it needs the sandbox.
export { BUILT_IN_MODELS } from './built-in-models'
export { FONT_INPUT_PRICE, IMAGE_SIZES, type ModelCapabilities, type ModelPricing, type ModelTier, REFERENCE_PRICE } from './capabilities'
export { capabilitiesFor, findModel } from './capabilities-for'
export { type FittedSettings, fitSettingsToList, fitSettingsToModel } from './fit-settings'
export { isOfferedModel, referenceLimitMessage, sizesOffered } from './model-limits'
export { nearestModel } from './nearest-model'
export { startOnFree } from './start-on-free'
export { priceLabel } from './price-label'
