// The models the plugin offers and what each can do: one import for the rest of the UI.
// The facts themselves live in common/models.ts (the sandbox names models too); the
// hook that keeps the list live (use-model-list.ts) is imported on its own: it needs the sandbox.
export { BUILT_IN_MODELS, FONT_INPUT_PRICE, type ModelCapabilities, referenceLimitMessage } from '../../common/models'
export { fitSettingsToList, fitSettingsToModel } from './fit-settings'
export { findModel } from './model-list'
export { EFFORT_LABELS, modelPurpose, priceLabel } from './model-text'
export { nearestModel } from './nearest-model'
export { startOnFree } from './start-on-free'
