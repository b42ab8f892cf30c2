// The panel's size, as the designer last left it: kept in clientStorage (this
// computer only) and used at the next showUI.
const SIZE_ENTRY = 'window-size'

export interface WindowSize {
  width: number
  height: number
}

const DEFAULT_WINDOW: WindowSize = { width: 360, height: 640 }

/** Narrower breaks the rows of controls; larger than this is no longer a side panel. */
const MIN: WindowSize = { width: 300, height: 360 }
const MAX: WindowSize = { width: 900, height: 1200 }

/** Waits for the grip to rest before writing: a drag asks to resize many times a second. */
const SAVE_DELAY_MS = 300

function clampWindowSize(size: WindowSize): WindowSize {
  const clamp = (value: number, low: number, high: number, fallback: number) => (Number.isFinite(value) ? Math.min(high, Math.max(low, Math.round(value))) : fallback)
  return { width: clamp(size.width, MIN.width, MAX.width, DEFAULT_WINDOW.width), height: clamp(size.height, MIN.height, MAX.height, DEFAULT_WINDOW.height) }
}

export async function loadWindowSizeAsync(): Promise<WindowSize> {
  const saved = (await figma.clientStorage.getAsync(SIZE_ENTRY)) as Partial<WindowSize> | undefined
  if (typeof saved?.width !== 'number' || typeof saved.height !== 'number') return DEFAULT_WINDOW
  return clampWindowSize({ width: saved.width, height: saved.height })
}

let pendingSave = 0

/** Resizes the panel within bounds, remembers the size for next time, and answers the size it took. */
export async function resizeWindowAsync(asked: WindowSize): Promise<WindowSize> {
  const size = clampWindowSize(asked)
  figma.ui.resize(size.width, size.height)
  if (pendingSave) clearTimeout(pendingSave)
  // Not remembering a size is no reason to bother the designer: the panel has it now.
  pendingSave = setTimeout(() => void figma.clientStorage.setAsync(SIZE_ENTRY, size).catch(() => {}), SAVE_DELAY_MS)
  return size
}
