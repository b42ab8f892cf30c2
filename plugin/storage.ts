import type { SavedState } from './messages'

// clientStorage is local to this user and machine and never travels with the
// file, unlike plugin data: the only place the API key may live.
const KEY_ENTRY = 'openrouter-api-key'
const STATE_ENTRY = 'saved-state'

export async function loadKeyAsync(): Promise<string | null> {
  const key = await figma.clientStorage.getAsync(KEY_ENTRY)
  return typeof key === 'string' && key !== '' ? key : null
}

export function saveKeyAsync(key: string): Promise<void> {
  return figma.clientStorage.setAsync(KEY_ENTRY, key)
}

export function forgetKeyAsync(): Promise<void> {
  return figma.clientStorage.deleteAsync(KEY_ENTRY)
}

export async function loadStateAsync(): Promise<SavedState | null> {
  const state = await figma.clientStorage.getAsync(STATE_ENTRY)
  return state && typeof state === 'object' ? (state as SavedState) : null
}

export function saveStateAsync(state: SavedState): Promise<void> {
  return figma.clientStorage.setAsync(STATE_ENTRY, state)
}
