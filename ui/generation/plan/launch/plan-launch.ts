import type { GenerationSettings, SavedState } from '../../../../common/domain'
import type { Launch } from '../../../../common/messages'
import type { ModelCapabilities } from '../../../../common/models'
import { findModel } from '../../../models'
import { readSavedState, toStoredState } from '../../../state/read-saved-state'
import { keepDraft } from '../../../state/recent-prompts'
import type { SelectedLayer } from '../../../../common/selection'
import { readArea } from '../../../../common/read/read-record'
import { type PlacedLayer, areaProblem, findArea, planEditArea } from '../edit-area/plan-edit-area'
import { planExpand } from '../plan-expand'
import { newSetId, planFormat } from '../plan-formats'
import { planGenerate, planRefine, withTakes } from '../plan-tasks'
import type { Order, TaskSpec } from '../task'
import { isObject } from '../../../../common/read/is-object'
import { isGoogleFontFile } from '../../../../common/font-files'
import { actionInstruction, designerPromptOf, recordAction } from './record-action'

/** What a relaunch button does to the panel: the layer's prompt and settings, what to run, and what to say. */
export interface LaunchPlan {
  state: SavedState
  /** Null when nothing runs: Edit prompt, or a layer whose record cannot be used. */
  tasks: TaskSpec[] | null
  notes: string[]
  /**
   * The tasks carry a font file from elsewhere, shown for Send and kept out of
   * the panel: what to say when the relaunch is let go unsent.
   */
  fontsLeftOut?: string
}

/**
 * Reads the layer's record as the saved state is read (field by field, with a
 * note for what this version cannot use), and plans the command: Regenerate
 * fills the layer again (its image kept as the previous one; a group of tiles,
 * which takes no fill, gets the new image beside it), More like this
 * sends the layer as the input for takes beside it, Edit prompt only loads.
 * Only the settings the reader knows are kept: a field of the record no
 * version of the plugin writes (anyone who can edit the file can add one)
 * must not travel to the next request or be written back with the new image.
 */
export function planLaunch(launch: Launch, current: SavedState, models: readonly ModelCapabilities[]): LaunchPlan {
  // Edit area and Erase area read no record; what stops them (the image replaced by hand) still does.
  const { command } = launch
  if (command === 'edit-an-area' || command === 'erase-an-area') return launch.problem ? { state: current, tasks: null, notes: [launch.problem] } : planAreaFromImage(launch, current, models)
  const plan = planFromRecord({ ...launch, command }, current, models)
  // A font file from elsewhere goes only with the tasks reviewed with it (review-launch.ts names it):
  // kept in the panel, the next click would send it unasked, after Not now or a relaunch that sends nothing.
  const { settings, note } = withoutFontsFromElsewhere(plan.state.settings)
  if (note === null) return plan
  const state = { ...plan.state, settings }
  return plan.tasks ? { ...plan, state, fontsLeftOut: note } : { ...plan, state, notes: [...plan.notes, note] }
}

/** Regenerate, More like this and Edit prompt, from the layer's record; the tasks with its fonts from any host, for the review. */
function planFromRecord(launch: Launch & { command: 'regenerate' | 'more-like-this' | 'edit-prompt' }, current: SavedState, models: readonly ModelCapabilities[]): LaunchPlan {
  const loaded = loadRecord(launch.record, current, models, { fontsFromAnyHost: launch.command !== 'edit-prompt' })
  if (!loaded) {
    const why = launch.problem ?? 'The prompt kept on this layer could not be read: it is from another version of the plugin, or damaged.'
    return { state: current, tasks: null, notes: [why] }
  }
  const { state, notes } = loaded
  const { settings } = state
  if (launch.problem || !launch.layer) return { state, tasks: null, notes: [launch.problem ?? 'The layer is no longer there.', ...notes] }

  const layer = launch.layer
  const order = sentOrder(launch.record, state, models) ?? { prompt: state.prompt, settings, model: findModel(models, settings.model) }
  // An Edit area result redoes its area: in its place, or as more edits above it.
  const area = readArea(isObject(launch.record) ? launch.record.area : undefined)
  if (launch.area && area && launch.command !== 'edit-prompt') {
    const [image, shape] = [asPlaced(launch.area.image), asPlaced(launch.area.shape)]
    // The image may have been moved away from its edit since: nothing is sent for an area off the image.
    const problem = areaProblem(image, shape, order.model, true)
    if (problem) return { state, notes: [...notes, problem], tasks: null }
    const again = (replace: boolean) => planEditArea(order, image, shape, area.erase, { replace })
    const tasks = launch.command === 'regenerate' ? [again(true)] : Array.from({ length: Math.max(1, state.takes) }, () => again(false))
    return { state, notes, tasks }
  }
  // An Expand result expands its image again: into the same layer (Regenerate), or as takes beside the frame.
  if (isObject(launch.record) && isObject(launch.record.expand) && launch.command !== 'edit-prompt') {
    if (!launch.expand) return { state, notes: [...notes, `The image “${layer.name}” continues is no longer in its frame: put it back, or use Edit prompt.`], tasks: null }
    const expanded = planExpand(order, { ...launch.expand.frame, expand: launch.expand.source })
    if (launch.command === 'regenerate') return { state, notes, tasks: [{ ...expanded, placement: 'fill', targetIds: [layer.id] }] }
    return { state, notes, tasks: takesBeside([expanded], state.takes) }
  }
  // An Every format result is made again from its key visual, for its frame: in the same layer, or as takes.
  if (isObject(launch.record) && isObject(launch.record.format) && launch.command !== 'edit-prompt') {
    if (!launch.format) return { state, notes: [...notes, `The key visual “${layer.name}” was made from was deleted, or the layer is no longer in its frame: use Edit prompt.`], tasks: null }
    const format = planFormat(order, launch.format.keyVisual, launch.format.frame, newSetId())
    if (!format) return { state, notes: [...notes, `${order.model.label} cannot make “${launch.format.frame.name}” at its shape: choose a model that makes exact sizes.`], tasks: null }
    if (launch.command === 'regenerate') return { state, notes, tasks: [{ ...format, placement: 'fill', targetIds: [layer.id] }] }
    return { state, notes, tasks: takesBeside([format], state.takes) }
  }
  // An edit's image away from its group (Place again's copy): the area's words alone would make another picture, in its place.
  if (launch.command === 'regenerate' && area) {
    return { state, tasks: null, notes: [...notes, `“${layer.name}” is an edit away from its group: use Regenerate on the edit itself, or Edit area. More like this makes variations of it.`] }
  }
  // Made from other images the record does not name: a text-only request would be another image altogether.
  if (launch.command === 'regenerate' && isObject(launch.record) && launch.record.fromImages === true) {
    return { state, tasks: null, notes: [...notes, `“${layer.name}” was made from other images: to make it again, select them and press the same action (Refine, Upscale, Remove background or Combine). More like this makes variations of it.`] }
  }
  switch (launch.command) {
    case 'regenerate':
      // A layer that takes no fill (an image kept at full resolution is a group of tiles) gets its new image beside it.
      if (!layer.fillable) {
        const beside = `“${layer.name}” cannot take an image fill, so the new image goes beside it.`
        return { state, notes: [...notes, beside], tasks: planGenerate(order, 'new-layer', [layer]) }
      }
      return { state, notes, tasks: planGenerate(order, 'fill', [layer]) }
    case 'more-like-this':
      return { state, notes, tasks: withTakes(planRefine(order, [layer], { [layer.id]: 'input' }, false), state.takes) }
    case 'edit-prompt':
      return { state, notes, tasks: null }
  }
}

/**
 * More like this on an Expand or Every format result: its takes on new layers
 * beside the frame, one take too. Behind the image in the frame, a new take
 * would go under the earlier result, which covers the frame, and a format's
 * would replace it: paid for and not seen. Beside the frame, a take is an
 * image made from another, not an expansion or a format in its frame: its
 * record says so, and its own buttons treat it as such. The first take is
 * selected and scrolled to, as any take is: a format's task, in its frame, is
 * not, and beside the frame its take lands past the set's other frames.
 */
function takesBeside(tasks: TaskSpec[], takes: number): TaskSpec[] {
  return withTakes(tasks, takes).map(({ expandedImageId: _expanded, formatSet: _set, ...task }, i) => ({ ...task, placement: 'new-layer', fromImages: true, reveal: i === 0 }))
}

/**
 * Edit area and Erase area, pressed on an image: with the shape drawn over it
 * selected too, Erase runs (as the panel's own button would, with the panel's
 * settings) and Edit area waits for the prompt; with the image alone, or
 * nothing selected, the panel says how to draw the area. The panel then
 * offers both at the top.
 */
function planAreaFromImage(launch: Launch, state: SavedState, models: readonly ModelCapabilities[]): LaunchPlan {
  const found = findArea(launch.selection ?? [])
  if (!found) {
    // Nothing selected (the button's layer deselected since, or deleted): the same next step, on whichever image.
    const [lead, part] = launch.layer ? ['', `the part of “${launch.layer.name}”`] : ['Nothing is selected. ', 'the part of an image']
    return { state, tasks: null, notes: [`${lead}Draw a rectangle, ellipse or pen shape over ${part} to ${launch.command === 'erase-an-area' ? 'remove' : 'change'}, then select the shape and the image together: Edit area and Erase area show at the top of the panel.`] }
  }
  const { settings } = state
  const model = findModel(models, settings.model)
  const problem = areaProblem(found.image, found.shape, model)
  if (problem) return { state, tasks: null, notes: [problem] }
  if (launch.command === 'edit-an-area') return { state, tasks: null, notes: [`Write what the area of “${found.image.name}” should show, then press Edit area.`] }
  return { state, notes: [], tasks: [planEditArea({ prompt: '', settings, model }, found.image, found.shape, true)] }
}

/** A layer the sandbox described with its place: Edit area's facts are there even when it is the only one. */
function asPlaced(layer: SelectedLayer): PlacedLayer {
  const box = { x: 0, y: 0, width: layer.width, height: layer.height }
  return { ...layer, area: layer.area ?? { ...box, exportBox: box, parentId: '', showsImage: false, rotated: false } }
}

/**
 * A generation record's prompt and settings in the panel's state, read as the
 * saved state is, with notes on what this version cannot use; null when the
 * record has no prompt to read. A font file from anywhere but Google Fonts is
 * left out, with a note, unless `fontsFromAnyHost` (a relaunch asks first):
 * the record is the file's, and the next request would send its link, with the
 * text it sets, to be fetched (docs/contracts.md#font-inputs).
 */
export function loadRecord(raw: unknown, current: SavedState, models: readonly ModelCapabilities[], { fontsFromAnyHost = false } = {}): { state: SavedState; notes: string[] } | null {
  const record = isObject(raw) ? raw : null
  if (!record || typeof record.prompt !== 'string') return null
  const action = recordAction(record)
  if (action?.action === 'remove-background') return { state: current, notes: [CUTOUT_LOADS_NOTHING] }
  const stored = toStoredState(current)
  // An upscale's own is its prompt, when the designer wrote one, and its model; its ratio, size,
  // background and font rows were worked out for that image, or left out, so the panel's stay.
  // An Erase area's record has no prompt: the designer's own stays in the box, as it does for an upscale's.
  const given = action ? { prompt: designerPromptOf({ prompt: record.prompt }) || current.prompt, settings: { ...stored.settings, model: isObject(record.settings) ? record.settings.model : undefined } } : { prompt: record.prompt || current.prompt, settings: record.settings }
  const read = readSavedState({ ...stored, ...given }, models)
  const settings = { ...read.state.settings }
  // A record from before Fit the frame was made at the tier it names: regenerated at that tier.
  if (!action && isObject(record.settings) && record.settings.fitFrame === undefined) settings.fitFrame = false
  const fonts = fontsFromAnyHost ? { settings, note: null } : withoutFontsFromElsewhere(settings)
  const notes = [...read.notes, ...(fonts.note === null ? [] : [fonts.note])]
  if (record.promptTruncated === true) notes.push('The prompt kept with this image was shortened to fit in the file; what is loaded is its start.')
  // What the designer had typed and not sent is not lost: it goes first among the recent prompts, and they are told where.
  const kept = keepDraft(current.recentPrompts, current.prompt, read.state.prompt)
  notes.push(...kept.notes)
  return { state: { ...current, prompt: read.state.prompt, settings: fonts.settings, recentPrompts: kept.recentPrompts }, notes }
}

/** Said where a Remove background's record is loaded: it took nothing of the designer's, so nothing of theirs is changed. */
const CUTOUT_LOADS_NOTHING = 'Remove background uses no prompt or settings of yours, so yours stay as they were. To cut out another image, select it and press Remove background.'

/**
 * An Upscale or Remove background made again (More like this): its own words, or
 * the plugin's instruction where the designer wrote none, with the settings it was
 * sent with, which the panel does not take (loadRecord); null for any other record.
 */
function sentOrder(raw: unknown, state: SavedState, models: readonly ModelCapabilities[]): Order | null {
  if (!isObject(raw) || typeof raw.prompt !== 'string') return null
  const action = recordAction(raw)
  if (action === null) return null
  const { settings } = readSavedState({ ...toStoredState(state), settings: raw.settings }, models).state
  return { prompt: designerPromptOf({ prompt: raw.prompt }) || actionInstruction(action), settings, model: findModel(models, settings.model) }
}

/** The settings without the font files from anywhere but Google Fonts, and what to say when there were some. */
function withoutFontsFromElsewhere(settings: GenerationSettings): { settings: GenerationSettings; note: string | null } {
  const elsewhere = settings.fontInputs.filter((font) => !isGoogleFontFile(font.fontUrl))
  if (elsewhere.length === 0) return { settings, note: null }
  const hosts = [...new Set(elsewhere.map((font) => hostOf(font.fontUrl)))].join(', ')
  const note = `Left out the font file this image was made with, from ${hosts}: a link kept in a file is not sent unasked. If you trust it, add it again under Text in your font.`
  return { settings: { ...settings, fontInputs: settings.fontInputs.filter((font) => isGoogleFontFile(font.fontUrl)) }, note }
}

/** Where a link points, for a note: its host, or the link itself (shortened) when it does not read as one. */
function hostOf(url: string): string {
  try {
    return new URL(url).host || url.slice(0, 60)
  } catch {
    return url.slice(0, 60)
  }
}
