import { describe, expect, it } from 'vitest'
import type { SelectedLayer } from '../../../../../common/selection'
import type { Launch } from '../../../../../common/messages'
import type { GenerationRecord } from '../../../../../common/domain'
import { DEFAULT_STATE } from '../../../../../ui/defaults'
import { planLaunch } from '../../../../../ui/generation/plan/launch/plan-launch'
import { REMOVE_BACKGROUND_PROMPT } from '../../../../../ui/generation/plan/cutout-settings'
import { UPSCALE_PROMPT } from '../../../../../ui/generation/plan/plan-tasks'
import { reviewLaunch } from '../../../../../ui/generation/plan/launch/review-launch'
import { type PanelState, panelReducer } from '../../../../../ui/views/panel-state'
import { BUILT_IN_MODELS } from '../../../../../ui/models'
import { areaAt } from '../../../../fixtures/area'

const layer: SelectedLayer = { id: '1:2', name: 'A red fox', type: 'RECTANGLE', width: 800, height: 1000, fillable: true, madeHere: true }
const record = {
  prompt: 'A red fox',
  settings: { model: 'sourceful/riverflow-v2-pro', aspectRatio: '4:5', imageSize: '2K', fontInputs: [] },
  generationId: 'gen-1',
  cost: 0.15,
  createdAt: '2026-11-24T10:00:00.000Z',
}
const current = { ...DEFAULT_STATE, prompt: 'What I was typing', takes: 2 }
/** Said whenever the layer's prompt replaces one the designer was writing. */
const KEPT = 'The prompt you were writing is kept: find it under Recent prompts in History.'
const launch = (change: Partial<Launch> = {}): Launch => ({ command: 'regenerate', layer, record, problem: null, ...change })
const plan = (l: Launch) => planLaunch(l, current, BUILT_IN_MODELS)

describe('planLaunch', () => {
  it('Regenerate: the layer’s prompt and settings, one request, its image replacing the layer’s fill', () => {
    const p = plan(launch())
    expect(p.state).toMatchObject({ prompt: 'A red fox', settings: record.settings, takes: 2 })
    // What the designer was writing is not lost: first among the recent prompts, and said.
    expect(p.state.recentPrompts[0]).toBe('What I was typing')
    expect(p.notes).toEqual([KEPT])
    expect(planLaunch(launch(), { ...current, prompt: '' }, BUILT_IN_MODELS).notes).toEqual([])
    expect(p.tasks).toHaveLength(1)
    expect(p.tasks![0]).toMatchObject({ placement: 'fill', targetIds: ['1:2'], inputs: [], prompt: 'A red fox', settings: record.settings })
  })

  it('Regenerate on a group of tiles (no fills): the new image beside it, saying so', () => {
    const tiles = { ...layer, type: 'GROUP', fillable: false, width: 5120, height: 2880 }
    const p = plan(launch({ layer: tiles }))
    expect(p.tasks).toHaveLength(1)
    expect(p.tasks![0]).toMatchObject({ placement: 'new-layer', targetIds: ['1:2'], prompt: 'A red fox' })
    expect(p.notes).toEqual([KEPT, '“A red fox” cannot take an image fill, so the new image goes beside it.'])
  })

  it('More like this: the layer as the input, the chosen takes beside it', () => {
    const p = plan(launch({ command: 'more-like-this' }))
    expect(p.tasks).toHaveLength(2)
    for (const task of p.tasks!) expect(task).toMatchObject({ placement: 'new-layer', targetIds: ['1:2'], inputs: [{ layer: { id: '1:2' } }] })
  })

  it('Regenerate on an image made from other images (a Refine, an Upscale): sends nothing, and says how to make it again', () => {
    const p = plan(launch({ record: { ...record, fromImages: true } }))
    expect(p.tasks).toBeNull()
    expect(p.notes).toEqual([KEPT, '“A red fox” was made from other images: to make it again, select them and press the same action (Refine, Upscale, Remove background or Combine). More like this makes variations of it.'])
    // More like this still makes takes of the image itself.
    expect(plan(launch({ command: 'more-like-this', record: { ...record, fromImages: true } })).tasks).toHaveLength(2)
  })

  it('Edit prompt: loads the prompt and settings, runs nothing', () => {
    expect(plan(launch({ command: 'edit-prompt' }))).toMatchObject({ state: { prompt: 'A red fox', settings: { model: 'sourceful/riverflow-v2-pro' } }, tasks: null })
  })

  it('History’s Reuse of an Erase area, which has no prompt: its settings, and the prompt box left as the designer has it', () => {
    const erase = { ...record, prompt: '', area: { shapeId: '9:9', softEdge: 12 } }
    const panel: PanelState = { view: 'history', saved: current, notes: [], creditCheckedFor: null, launch: null }
    const used = panelReducer(panel, { type: 'use-record', record: erase as unknown as GenerationRecord, models: BUILT_IN_MODELS })
    expect(used.saved.prompt).toBe('What I was typing')
    expect(used.saved.settings.model).toBe(record.settings.model)
    // Nothing was taken out of the box, so nothing is said kept.
    expect(used.notes).toEqual([])
  })

  it('Edit prompt and History’s Use: a font file kept in the file from anywhere but Google Fonts is left out, saying where from; Regenerate keeps it for its review', () => {
    const fonts = [
      { fontUrl: 'https://fonts.gstatic.com/s/inter/v13/inter.woff2', text: 'SALE' },
      { fontUrl: 'https://attacker.example/f.woff2', text: 'SALE' },
    ]
    const withFonts = { ...record, prompt: 'A poster saying “SALE”', settings: { ...record.settings, fontInputs: fonts } }
    const edit = plan(launch({ command: 'edit-prompt', record: withFonts }))
    expect(edit.state.settings.fontInputs).toEqual([fonts[0]])
    expect(edit.notes).toEqual([expect.stringMatching(/^Left out the font file this image was made with, from attacker\.example: .* add it again under Text in your font\.$/), KEPT])
    const panel: PanelState = { view: 'history', saved: current, notes: [], creditCheckedFor: null, launch: null }
    const used = panelReducer(panel, { type: 'use-record', record: withFonts as GenerationRecord, models: BUILT_IN_MODELS })
    expect(used.saved.settings.fontInputs).toEqual([fonts[0]])
    expect(used.notes).toEqual(edit.notes)
    const again = plan(launch({ record: withFonts }))
    expect(again.tasks![0].settings.fontInputs).toEqual(fonts)
    expect(reviewLaunch(again.tasks!, current.settings).reasons.join(' ')).toMatch(/font file from https:\/\/attacker\.example\/f\.woff2/)
    // Only the reviewed tasks carry it: the panel does not, so no later click sends it unasked; said if the relaunch is let go.
    expect(again.state.settings.fontInputs).toEqual([fonts[0]])
    expect(again.notes).toEqual([KEPT])
    expect(again.fontsLeftOut).toBe(edit.notes[0])
    // A relaunch that sends nothing (the layer locked) loads the panel as Edit prompt does, saying so at once.
    const locked = plan(launch({ record: withFonts, problem: '“A red fox” is locked: unlock it to regenerate it.' }))
    expect(locked.state.settings.fontInputs).toEqual([fonts[0]])
    expect(locked.notes).toContain(edit.notes[0])
  })

  it('History’s recent prompts: one clicked replaces the prompt being written, which goes first among them, as with Use', () => {
    const panel: PanelState = { view: 'history', saved: { ...current, recentPrompts: ['A blue heron'] }, notes: [], creditCheckedFor: null, launch: null }
    const used = panelReducer(panel, { type: 'use-prompt', prompt: 'A blue heron' })
    expect(used).toMatchObject({ view: 'generate', saved: { prompt: 'A blue heron', recentPrompts: ['What I was typing', 'A blue heron'] }, notes: [KEPT] })
    // Nothing typed, or the same prompt: nothing to keep, nothing said.
    const empty = panelReducer({ ...panel, saved: { ...panel.saved, prompt: ' ' } }, { type: 'use-prompt', prompt: 'A blue heron' })
    expect(empty).toMatchObject({ saved: { prompt: 'A blue heron', recentPrompts: ['A blue heron'] }, notes: [] })
  })

  it('keeps the settings the plugin reads, and only those: a field anyone added to the record does not travel on', () => {
    const p = plan(launch({ record: { ...record, settings: { ...record.settings, effort: 'high', density: 3, junk: 'x'.repeat(99_800) } } }))
    expect(p.tasks![0].settings).toMatchObject({ effort: 'high', density: 3, model: 'sourceful/riverflow-v2-pro' })
    expect(p.tasks![0].settings).not.toHaveProperty('junk')
    expect(p.state.settings).not.toHaveProperty('junk')
  })

  it('a record from an older version: what it cannot use takes the default, with a note', () => {
    const p = plan(launch({ record: { ...record, settings: { ...record.settings, model: 'sourceful/riverflow-v1' } } }))
    expect(p.state.settings.model).toBe(DEFAULT_STATE.settings.model)
    expect(p.notes.join()).toMatch(/not offered/)
  })

  it.each([
    ['a damaged record', launch({ record: null, problem: 'The prompt kept on “A red fox” could not be read: its data is damaged.' }), /damaged/],
    ['a record without a prompt', launch({ record: { settings: {} } }), /could not be read/],
    ['a record that is a string', launch({ record: 'riverflow' }), /could not be read/],
  ])('%s: says so, runs nothing, keeps the panel as it was', (_name, l, note) => {
    const p = plan(l)
    expect(p).toMatchObject({ state: current, tasks: null })
    expect(p.notes.join()).toMatch(note)
  })

  it('a locked or deleted layer: loads the prompt when it can be read, runs nothing, says why', () => {
    const p = plan(launch({ problem: '“A red fox” is locked: unlock it to regenerate it.' }))
    expect(p).toMatchObject({ state: { prompt: 'A red fox' }, tasks: null })
    expect(p.notes[0]).toMatch(/locked/)
    expect(plan(launch({ layer: null, problem: 'The layer was deleted.' })).tasks).toBeNull()
  })
})

describe('planLaunch on Edit area', () => {
  const image: SelectedLayer = { id: 'img', name: 'Table shot', type: 'RECTANGLE', width: 800, height: 600, fillable: true, madeHere: false, area: areaAt({ x: 100, y: 50, width: 800, height: 600 }, 'post', true) }
  const circle: SelectedLayer = { id: 'circle', name: 'Area', type: 'ELLIPSE', width: 200, height: 200, fillable: true, madeHere: false, area: areaAt({ x: 400, y: 250, width: 200, height: 200 }, 'post', false) }
  // On an edit's group the mask is the group's child: another parent than the image's, by design.
  const mask = { ...circle, area: { ...circle.area!, parentId: 'group' } }
  const edit = { ...layer, id: 'group', name: 'Table shot · edited area', type: 'GROUP', fillable: false }
  const editRecord = { ...record, prompt: 'a glass of orange juice', area: { imageId: 'img', erase: false } }
  const onEdit = (command: Launch['command']) => plan(launch({ command, layer: edit, record: editRecord, area: { image, shape: mask } }))

  it('Regenerate redoes the same area with the designer’s prompt, in the edit’s place', () => {
    const p = onEdit('regenerate')
    expect(p.state.prompt).toBe('a glass of orange juice')
    expect(p.tasks).toHaveLength(1)
    expect(p.tasks![0]).toMatchObject({ placement: 'area', targetIds: ['img', 'circle'], designerPrompt: 'a glass of orange juice', area: { shapeId: 'circle', imageId: 'img', erase: false, replace: true, shape: { x: 400, y: 250, width: 200, height: 200 } } })
    expect(p.tasks![0].prompt).toMatch(/Change only what is in the middle of it: a glass of orange juice/)
  })

  it('More like this makes the chosen takes of the same area, each a new edit above it', () => {
    const p = onEdit('more-like-this')
    expect(p.tasks).toHaveLength(2)
    for (const task of p.tasks!) expect(task).toMatchObject({ placement: 'area', area: { replace: false, shapeId: 'circle' } })
    expect(new Set(p.tasks!.map((task) => task.id)).size).toBe(2)
  })

  it('an image moved away from its edit: said, nothing planned', () => {
    const away = { ...image, area: { ...image.area!, x: 3000 } }
    const p = plan(launch({ layer: edit, record: editRecord, area: { image: away, shape: mask } }))
    expect(p.tasks).toBeNull()
    expect(p.notes.at(-1)).toMatch(/The shape is outside “Table shot”/)
  })

  it('an erase is redone as an erase; Edit prompt only loads', () => {
    const p = plan(launch({ layer: edit, record: { ...editRecord, prompt: '', area: { imageId: 'img', erase: true } }, area: { image, shape: mask } }))
    expect(p.tasks![0].prompt).toMatch(/Remove what is in the middle/)
    expect(onEdit('edit-prompt').tasks).toBeNull()
  })

  it('an edit’s image away from its group (Place again’s copy): Regenerate sends nothing, saying how; More like this makes variations of it', () => {
    const copy = { ...layer, id: 'copy', name: 'Table shot · edited area' }
    for (const erase of [false, true]) {
      const p = plan(launch({ layer: copy, record: { ...editRecord, prompt: erase ? '' : editRecord.prompt, area: { imageId: 'img', erase } } }))
      // Never the edit's words alone as a new picture, in place of the copy.
      expect(p.tasks).toBeNull()
      expect(p.notes.at(-1)).toMatch(/is an edit away from its group: use Regenerate on the edit itself, or Edit area\. More like this makes variations of it\./)
    }
    const more = plan(launch({ command: 'more-like-this', layer: copy, record: editRecord }))
    expect(more.tasks).toHaveLength(2)
    for (const task of more.tasks!) expect(task).toMatchObject({ placement: 'new-layer', inputs: [{ layer: { id: 'copy' } }] })
  })

  it('a record whose area is not one the plugin writes: regenerated as a plain image would be, not as an area', () => {
    const p = plan(launch({ layer: edit, record: { ...editRecord, area: { imageId: 7 } }, area: { image, shape: mask } }))
    expect(p.tasks![0].placement).not.toBe('area')
  })

  it('Erase area pressed on an image with the shape selected: one erase with the panel’s own settings', () => {
    const p = plan(launch({ command: 'erase-an-area', layer: image, record: null, selection: [image, circle] }))
    expect(p.state).toEqual(current)
    expect(p.tasks).toHaveLength(1)
    expect(p.tasks![0]).toMatchObject({ placement: 'area', targetIds: ['img', 'circle'], settings: { model: current.settings.model }, area: { erase: true } })
  })

  it('Edit area on an image with the shape: waits for the prompt; with the image alone: says how to draw the area', () => {
    expect(plan(launch({ command: 'edit-an-area', layer: image, record: null, selection: [image, circle] }))).toMatchObject({ tasks: null, notes: [expect.stringMatching(/Write what the area of “Table shot” should show/)] })
    const alone = plan(launch({ command: 'edit-an-area', layer: image, record: null, selection: [{ ...image, area: undefined }] }))
    expect(alone.tasks).toBeNull()
    expect(alone.notes[0]).toMatch(/Draw a rectangle, ellipse or pen shape over the part of “Table shot” to change/)
  })

  it('Edit area or Erase area with nothing selected: says what to draw and select, never that the layer was deleted', () => {
    for (const [command, verb] of [['edit-an-area', 'change'], ['erase-an-area', 'remove']] as const) {
      const p = plan(launch({ command, layer: null, record: null, selection: [] }))
      expect(p).toEqual({ state: current, tasks: null, notes: [`Nothing is selected. Draw a rectangle, ellipse or pen shape over the part of an image to ${verb}, then select the shape and the image together: Edit area and Erase area show at the top of the panel.`] })
    }
  })

  it('Erase area pressed on an image the designer filled by hand since: the sandbox’s word, nothing planned, the panel as it was', () => {
    const problem = '“Table shot” no longer shows the image Riverflow made (its fill was changed by hand), so nothing was sent.'
    for (const command of ['erase-an-area', 'edit-an-area'] as const) {
      const p = plan(launch({ command, layer: image, record: null, problem, selection: [image, circle] }))
      expect(p).toEqual({ state: current, tasks: null, notes: [problem] })
    }
  })

  it('a shape outside the image: said, nothing planned', () => {
    const far = { ...circle, area: { ...circle.area!, x: 5000 } }
    const p = plan(launch({ command: 'erase-an-area', layer: image, record: null, selection: [image, far] }))
    expect(p.tasks).toBeNull()
    expect(p.notes[0]).toMatch(/outside/)
  })
})

describe('planLaunch on an Expand result', () => {
  const banner: SelectedLayer = { id: 'banner', name: 'Banner', type: 'FRAME', width: 1200, height: 628, fillable: true, madeHere: false }
  const source = { imageId: 'shot', imageName: 'Shot', x: 286, y: 0, width: 628, height: 628 }
  const result = { ...layer, id: 'result', name: 'Banner · expanded', width: 1200, height: 628 }
  const expandRecord = { ...record, prompt: 'a sunny kitchen', expand: { imageId: 'shot' } }

  it('Regenerate expands the same image again, into the result layer’s fill (its image kept as the previous one)', () => {
    const p = plan(launch({ layer: result, record: expandRecord, expand: { frame: banner, source } }))
    expect(p.tasks).toHaveLength(1)
    expect(p.tasks![0]).toMatchObject({ placement: 'fill', targetIds: ['result'], inputs: [{ layer: { id: 'shot' }, canvas: { background: '#00FF00' } }] })
    expect(p.tasks![0].prompt).toMatch(/Expand this picture.*In the new area: a sunny kitchen/)
  })

  it.each([1, 3])('More like this with %i take(s) chosen: each a new layer beside the frame, never under the earlier result', (takes) => {
    const p = planLaunch(launch({ command: 'more-like-this', layer: result, record: expandRecord, expand: { frame: banner, source } }), { ...current, takes }, BUILT_IN_MODELS)
    expect(p.tasks).toHaveLength(takes)
    for (const task of p.tasks!) expect(task).toMatchObject({ placement: 'new-layer', targetIds: ['banner'], inputs: [{ layer: { id: 'shot' } }] })
    // Beside the frame it is no expansion in its frame: its record will not send its buttons looking for one.
    for (const task of p.tasks!) expect([task.expandedImageId, task.fromImages]).toEqual([undefined, true])
  })

  it('the image gone from its frame: said, nothing sent, never a plain image from the expand instruction', () => {
    const p = plan(launch({ layer: result, record: expandRecord }))
    expect(p.tasks).toBeNull()
    expect(p.notes.at(-1)).toMatch(/no longer in its frame/)
  })
})

describe('planLaunch on an Every format result', () => {
  const keyVisual: SelectedLayer = { id: 'kv', name: 'Key visual', type: 'RECTANGLE', width: 1600, height: 1000, fillable: true, madeHere: false, showsImage: true }
  const frame: SelectedLayer = { id: 'story', name: 'Story 1080×1920', type: 'FRAME', width: 1080, height: 1920, fillable: true, madeHere: false }
  const result = { ...layer, id: 'result', name: 'Story 1080×1920 · format', width: 1080, height: 1920 }
  const formatRecord = { ...record, settings: { ...record.settings, model: 'sourceful/riverflow-v2.6-pro' }, format: { keyVisualId: 'kv', setId: 'set-1' } }

  it.each([1, 3])('More like this with %i take(s) chosen: each a new layer beside the frame, never in place of the earlier result', (takes) => {
    const p = planLaunch(launch({ command: 'more-like-this', layer: result, record: formatRecord, format: { frame, keyVisual } }), { ...current, takes }, BUILT_IN_MODELS)
    expect(p.tasks).toHaveLength(takes)
    for (const task of p.tasks!) expect(task).toMatchObject({ placement: 'new-layer', targetIds: ['story'] })
    for (const task of p.tasks!) expect([task.formatSet, task.fromImages]).toEqual([undefined, true])
    // Beside the frame, past the set's other frames: the first take is selected and scrolled to, as any take is.
    expect(p.tasks!.map((task) => task.reveal)).toEqual(Array.from({ length: takes }, (_, i) => i === 0))
  })

  it('Regenerate makes it again in the result layer', () => {
    const p = plan(launch({ layer: result, record: formatRecord, format: { frame, keyVisual } }))
    expect(p.tasks).toEqual([expect.objectContaining({ placement: 'fill', targetIds: ['result'] })])
  })
})

describe('planLaunch on an Upscale or Remove background result: the plugin’s instruction never reaches the prompt box', () => {
  const cutout = { ...record, prompt: '', cutout: true, fromImages: true, settings: { ...record.settings, model: 'sourceful/riverflow-v2.5-fast', background: 'transparent' } }
  const upscaled = { ...record, prompt: '', upscale: { factor: 2 }, fromImages: true, settings: { ...record.settings, aspectRatio: '16:9', imageSize: '4K' } }
  const CUTOUT_NOTE = 'Remove background uses no prompt or settings of yours, so yours stay as they were. To cut out another image, select it and press Remove background.'

  it('a cut-out loads nothing, saying so: the prompt and settings stay the designer’s, also for a record that kept the instruction as its prompt', () => {
    for (const kept of [cutout, { ...cutout, prompt: REMOVE_BACKGROUND_PROMPT, cutout: undefined }]) {
      const p = plan(launch({ command: 'edit-prompt', record: kept }))
      expect(p.state).toEqual(current)
      expect(p.notes).toEqual([CUTOUT_NOTE])
    }
  })

  it('an upscale loads the designer’s own words, else leaves the prompt box as it is, and its model; the ratio and size it worked out stay the panel’s', () => {
    for (const kept of [upscaled, { ...upscaled, prompt: UPSCALE_PROMPT, upscale: undefined }]) {
      const p = plan(launch({ command: 'edit-prompt', record: kept }))
      expect(p.state.prompt).toBe('What I was typing')
      expect(p.state.settings).toEqual({ ...current.settings, model: 'sourceful/riverflow-v2-pro' })
    }
    expect(plan(launch({ command: 'edit-prompt', record: { ...upscaled, prompt: 'Crisper linen' } })).state.prompt).toBe('Crisper linen')
  })

  it('More like this asks as the action did: its instruction and the settings it was sent with, the panel left as it was', () => {
    const p = plan(launch({ command: 'more-like-this', record: cutout }))
    expect(p.tasks).toHaveLength(2)
    expect(p.tasks![0]).toMatchObject({ prompt: REMOVE_BACKGROUND_PROMPT, settings: { model: 'sourceful/riverflow-v2.5-fast', background: 'transparent' } })
    expect(p.state.prompt).toBe('What I was typing')
    expect(plan(launch({ command: 'more-like-this', record: upscaled })).tasks![0]).toMatchObject({ prompt: UPSCALE_PROMPT, settings: { model: 'sourceful/riverflow-v2-pro' } })
  })
})
