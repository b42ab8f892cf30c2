import type { GenerationRecord, QuickAction, SavedState } from '../../common/domain'
import type { LaunchCommand, StartData } from '../../common/messages'
import { MAX_KIT_ID } from '../../common/read/read-record'
import type { ModelCapabilities } from '../../common/models'
import { loadRecord, planLaunch } from '../generation/plan/launch/plan-launch'
import { type LaunchReview, reviewLaunch } from '../generation/plan/launch/review-launch'
import type { TaskSpec } from '../generation/plan/task'
import { fitSettingsToList, startOnFree } from '../models'
import type { KeyInfo } from '../openrouter/sign-in/key'
import { readSavedState } from '../state/read-saved-state'
import { keepDraft } from '../state/recent-prompts'

export type View = 'key' | 'generate' | 'history'

/**
 * The panel's top level, one value: which view shows, the designer's prompt,
 * settings and choices (saved for next time; above the views, so neither an
 * error nor a trip to Settings loses them) and the notes said about them.
 */
export interface PanelState {
  view: View
  saved: SavedState
  notes: string[]
  /** The key whose credit has been looked at: a key with none left starts on the free model, once. */
  creditCheckedFor: string | null
  /**
   * A relaunch button's tasks, before they are sent: checked first against the
   * designer's own settings and the key's credit (ui/generation/plan/launch/review-launch.ts);
   * `asking` once the panel shows them with Send.
   */
  launch: PendingLaunch | null
}

/** A relaunch waiting to be sent. */
interface PendingLaunch extends LaunchReview {
  asking: boolean
  /** The panel as the designer had it: the review compares the layer's settings with its own, and Not now puts it back. */
  own: SavedState
  /** The panel as the relaunch loaded it, and what was said of that: what Not now undoes. */
  loaded: SavedState
  loadedNotes: string[]
  /** The brand kit the layer was made with, still to be applied (its fonts are looked up first); null once done or for none. */
  kitName: string | null
  /** That kit's page id, when the record kept it: the kit is found by it first, by name only when no other kit shares it. */
  kitId: string | null
  /** Said when it is let go unsent: its font file from elsewhere is not in the panel (plan-launch.ts). */
  fontsLeftOut: string | null
}

export type PanelAction =
  | { type: 'show'; view: View }
  | { type: 'change'; change: Partial<SavedState> }
  /** A history entry's prompt and settings, back in the panel; `note` says why they are not the whole record's. */
  | { type: 'use-record'; record: GenerationRecord; models: readonly ModelCapabilities[]; note?: string }
  /** A recent prompt, back in the prompt box. */
  | { type: 'use-prompt'; prompt: string }
  | { type: 'dismiss-notes' }
  /** The model list is final for this run: a model gone from it gives way to the nearest of its tier. */
  | { type: 'list-settled'; models: readonly ModelCapabilities[] }
  /** OpenRouter told of the key. */
  | { type: 'key-checked'; key: string; info: KeyInfo; models: readonly ModelCapabilities[] }
  /** The relaunch waits for the designer's Send, for these further reasons. */
  | { type: 'launch-ask'; reasons: string[] }
  /** The relaunch's tasks with the layer's brand kit, as far as it is still in the file. */
  | { type: 'launch-kit'; tasks: TaskSpec[]; notes: string[] }
  /** The relaunch was sent, or the designer let it go. */
  | { type: 'launch-done'; sent: boolean }

/** The first frame, and the quick action the start asks to run. */
export interface PanelStart {
  panel: PanelState
  quickAction: QuickAction | null
  /** A relaunch button that would send, pressed with no key stored: why the key view shows, and what to do. */
  keyReason: string | null
}

/** The relaunch buttons as the layer shows them (manifest.json). */
const BUTTON_NAMES: Record<LaunchCommand, string> = {
  regenerate: 'Regenerate',
  'more-like-this': 'More like this',
  'edit-prompt': 'Edit prompt',
  'edit-an-area': 'Edit area',
  'erase-an-area': 'Erase area',
}

/**
 * The panel as the start data makes it, worked out before the first frame: the
 * saved state read field by field against the model list in force, and a
 * relaunch button's prompt and settings over it.
 */
export function startPanel(start: StartData, models: readonly ModelCapabilities[]): PanelStart {
  const read = readSavedState(start.state, models)
  const planned = start.launch ? planLaunch(start.launch, read.state, models) : null
  const button = planned?.tasks && !start.key && start.launch ? BUTTON_NAMES[start.launch.command] : null
  // Pressed with no key, a relaunch that would send sends nothing: the panel stays as the designer had it.
  const launched = planned && !button ? planned : { state: read.state, tasks: null, notes: [] }
  const review = launched.tasks ? reviewLaunch(launched.tasks, read.state.settings) : null
  const fontsLeftOut = launched.fontsLeftOut ?? null
  const panel: PanelState = {
    view: start.key ? 'generate' : 'key',
    saved: launched.state,
    notes: [...read.notes, ...launched.notes, ...(fontsLeftOut !== null && !review ? [fontsLeftOut] : [])],
    creditCheckedFor: null,
    launch: review && { ...review, asking: false, own: read.state, loaded: launched.state, loadedNotes: launched.notes, ...launchKitOf(start.launch?.record), fontsLeftOut },
  }
  const keyReason = button && `${button} sends nothing without your OpenRouter key: paste it here, then press ${button} on the layer again.`
  return { panel, quickAction: start.quickAction, keyReason }
}

export function panelReducer(panel: PanelState, action: PanelAction): PanelState {
  switch (action.type) {
    case 'show':
      return { ...panel, view: action.view }
    case 'change':
      return { ...panel, saved: { ...panel.saved, ...action.change } }
    case 'use-record': {
      const loaded = loadRecord(action.record, panel.saved, action.models)
      if (!loaded) return { ...panel, view: 'generate', notes: ['The prompt of that image could not be read.'] }
      return { ...panel, view: 'generate', saved: loaded.state, notes: action.note ? [action.note, ...loaded.notes] : loaded.notes }
    }
    case 'use-prompt': {
      const kept = keepDraft(panel.saved.recentPrompts, panel.saved.prompt, action.prompt)
      return { ...panel, view: 'generate', saved: { ...panel.saved, prompt: action.prompt, recentPrompts: kept.recentPrompts }, notes: kept.notes }
    }
    case 'dismiss-notes':
      return { ...panel, notes: [] }
    case 'list-settled': {
      const fitted = fitSettingsToList(panel.saved.settings, action.models)
      if (fitted.notes.length === 0) return panel
      return { ...panel, saved: { ...panel.saved, settings: fitted.settings }, notes: [...panel.notes, ...fitted.notes] }
    }
    case 'key-checked': {
      // Once a key, when OpenRouter first tells of it; later the designer's own choice of model stands.
      if (panel.creditCheckedFor === action.key) return panel
      const free = startOnFree(panel.saved.settings, action.info, action.models)
      const checked = { ...panel, creditCheckedFor: action.key }
      if (!free) return checked
      return { ...checked, saved: { ...panel.saved, settings: free.settings }, notes: [...panel.notes, ...free.notes] }
    }
    case 'launch-ask':
      return panel.launch ? { ...panel, launch: { ...panel.launch, reasons: [...panel.launch.reasons, ...action.reasons], asking: true } } : panel
    case 'launch-kit':
      if (!panel.launch) return panel
      return { ...panel, notes: [...panel.notes, ...action.notes], launch: { ...panel.launch, ...reviewLaunch(action.tasks, panel.launch.own.settings), kitName: null, kitId: null } }
    case 'launch-done':
      if (!panel.launch) return panel
      return action.sent ? { ...panel, launch: null } : { ...letGo(panel, panel.launch), launch: null }
  }
}

/**
 * A relaunch let go unsent (Not now) leaves the panel as the designer had it:
 * their prompt and settings back where the layer's are still there unchanged
 * (one they changed since is theirs), and what was said of the layer's gone
 * with them. Settings kept as changed keep the layer's, less its font file
 * from elsewhere: that is said.
 */
function letGo(panel: PanelState, launch: PendingLaunch): PanelState {
  const { saved } = panel
  const { own, loaded } = launch
  const prompt = saved.prompt === loaded.prompt
  const settings = saved.settings === loaded.settings
  const recentPrompts = prompt && saved.recentPrompts === loaded.recentPrompts ? own.recentPrompts : saved.recentPrompts
  const back = { ...saved, prompt: prompt ? own.prompt : saved.prompt, recentPrompts, settings: settings ? own.settings : saved.settings }
  const notes = prompt && settings ? panel.notes.filter((note) => !launch.loadedNotes.includes(note)) : panel.notes
  return { ...panel, saved: back, notes: !settings && launch.fontsLeftOut ? [...notes, launch.fontsLeftOut] : notes }
}

/** The brand kit a layer's record names, and its page id (untrusted: short strings or nothing). */
function launchKitOf(record: unknown): Pick<PendingLaunch, 'kitName' | 'kitId'> {
  const { brandKit: name, brandKitId: id } = typeof record === 'object' && record !== null ? (record as { brandKit?: unknown; brandKitId?: unknown }) : {}
  const kitName = typeof name === 'string' && name !== '' && name.length <= 100 ? name : null
  const kitId = kitName !== null && typeof id === 'string' && id !== '' && id.length <= MAX_KIT_ID ? id : null
  return { kitName, kitId }
}
