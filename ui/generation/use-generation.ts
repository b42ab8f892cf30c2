import { useSyncExternalStore } from 'preact/compat'
import { type GenerationController, type GenerationState, createGeneration } from './generation'

export type { JobOutcome } from './job-outcome'
export type { KeptImage } from './land/kept-images'
export type { JobTask, RunningJob } from './generation'
export type { Replan } from './retry-plan'

/** The panel's one Generation: created with the module, so a remount of the views finds it as it was. */
export const panelGeneration = createGeneration()

/** The Generation's state and what it does, as a view reads it: redrawn on every change. */
export type Generation = GenerationState & Omit<GenerationController, 'getState' | 'subscribe'>

export function useGeneration(generation: GenerationController = panelGeneration): Generation {
  const state = useSyncExternalStore(generation.subscribe, generation.getState)
  return { ...generation, ...state }
}
