import type { OriginalImage } from '../../image/original-image'

/** An original kept for "Download full size", with the name to save it under. */
interface FullSizeImage extends OriginalImage {
  name: string
}

export interface FullSizeStore {
  /** Keeps the image and answers its id; the oldest go when the store is over its bytes. */
  keep: (image: FullSizeImage) => string
  /** Null once the image was let go to make room. */
  get: (id: string) => FullSizeImage | null
  /** What is kept now, oldest first: the same array until the store changes. */
  list: () => readonly KeptOriginal[]
  /** Calls `listener` after every change; returns the function that stops. */
  subscribe: (listener: () => void) => () => void
}

/** One kept original as the panel lists it. */
interface KeptOriginal {
  id: string
  name: string
  width: number
  height: number
}

/**
 * Enough for a dozen 4K originals: they live in the panel's memory, and Figma's
 * editor shares the process, so the store cannot grow without end in a long session.
 */
const FULL_SIZE_BUDGET_BYTES = 256 * 1024 * 1024

/**
 * The originals of images larger than Figma takes, for the session only: in
 * memory while the plugin is open, never in clientStorage or the file. The
 * panel lists them all (ui/views/outcome/KeptOriginals.tsx), not only the last job's.
 */
export function createFullSizeStore(budgetBytes = FULL_SIZE_BUDGET_BYTES): FullSizeStore {
  const images = new Map<string, FullSizeImage>()
  const listeners = new Set<() => void>()
  let listed: readonly KeptOriginal[] = []
  let counter = 0
  let total = 0
  return {
    keep(image) {
      const id = `full-size-${++counter}`
      images.set(id, image)
      total += image.bytes.byteLength
      // A Map iterates in insertion order: oldest first. The newest stays, even alone over the budget.
      for (const [oldId, old] of images) {
        if (total <= budgetBytes || oldId === id) break
        images.delete(oldId)
        total -= old.bytes.byteLength
      }
      listed = [...images].map(([id, { name, width, height }]) => ({ id, name, width, height }))
      for (const listener of listeners) listener()
      return id
    },
    get: (id) => images.get(id) ?? null,
    list: () => listed,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

/** The panel's one store. */
export const fullSizeImages = createFullSizeStore()
