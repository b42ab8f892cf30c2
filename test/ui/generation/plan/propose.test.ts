import { describe, expect, it } from 'vitest'
import type { SavedState } from '../../../../common/domain'
import { EXACT_SIZE_LIMITS } from '../../../../common/road-capabilities'
import type { SelectedLayer } from '../../../../common/selection'
import { planClick } from '../../../../ui/generation/plan/plan-click'
import { landsLine, propose, requestLine } from '../../../../ui/generation/plan/propose'
import { DEFAULT_STATE } from '../../../../ui/defaults'
import { MODELS } from '../../../fixtures/orders'

const frame = (id: string, width = 1200, height = 628): SelectedLayer => ({ id, name: `Frame ${id}`, type: 'FRAME', width, height, fillable: true, madeHere: false })
const image = (id: string, width = 800, height = 600): SelectedLayer => ({ ...frame(id, width, height), name: `Shot ${id}`, type: 'RECTANGLE', showsImage: true })
const state = (change: Partial<SavedState> = {}): SavedState => ({ ...DEFAULT_STATE, prompt: 'A paper boat', ...change })
const proposalFor = (selection: SelectedLayer[], s: SavedState = state()) => {
  const plan = planClick({ state: s, selection, roles: {}, models: MODELS })
  return { plan, ...propose(plan, selection) }
}
const labels = (selection: SelectedLayer[]) => {
  const { primary, secondary, more } = proposalFor(selection)
  return { primary: primary.label, secondary: secondary.map((o) => o.label), more: more.map((o) => o.label) }
}

describe('what the selection proposes', () => {
  it('nothing selected: Generate, and nothing else', () => {
    expect(labels([])).toEqual({ primary: 'Generate', secondary: [], more: [] })
  })

  it('one empty frame: an image made for it as its fill, at its size, and nothing that would send its blank pixels', () => {
    for (const model of ['sourceful/riverflow-v2-fast', 'sourceful/riverflow-v2.6-pro']) {
      const { primary, secondary, more } = proposalFor([frame('a')], state({ settings: { ...DEFAULT_STATE.settings, model } }))
      expect(primary).toMatchObject({ kind: 'generate', label: 'Generate' })
      expect(primary.tasks[0]).toMatchObject({ placement: 'fill', targetIds: ['a'] })
      expect(landsLine(primary, [frame('a')])).toBe('As the fill of “Frame a”.')
      expect([secondary, more], model).toEqual([[], []])
    }
  })

  it('one frame holding the designer’s layers: its fill, then Refine and Upscale; the rest under More', () => {
    const { primary, secondary, more } = proposalFor([{ ...frame('a'), holdsLayers: true }])
    expect(primary).toMatchObject({ kind: 'generate', label: 'Generate' })
    expect(secondary.map((o) => o.label)).toEqual(['Refine', 'Upscale 2×'])
    // On 2 Fast, 4× of a 1200 px frame is its 2K, as 2× is: not offered under a bigger name.
    expect(more.map((o) => o.label)).toEqual(['Remove background'])
  })

  it('one image: an edit of it with the prompt, then Upscale, Every format and Expand (each with its own choice); Remove background and replacing it under More', () => {
    const { primary, secondary, more } = proposalFor([{ ...image('a'), expandsToRatio: true }])
    expect(primary).toMatchObject({ kind: 'refine-each', label: 'Refine' })
    expect(primary.tasks[0].placement).toBe('new-layer')
    expect(secondary.map((o) => o.label)).toEqual(['Upscale 2×', 'Every format (4)', 'Expand'])
    // 4× of an 800×600 image on 2 Fast is 2304×1728, as 2× is: not offered under a bigger name.
    expect(more.map((o) => o.label)).toEqual(['Remove background', 'Replace with a new image', 'Generate'])
    // Generate from More goes beside the image, never over it.
    expect(more.find((o) => o.kind === 'generate')!.tasks[0].placement).toBe('new-layer')
  })

  it('an image with a shape drawn over it: Edit area first, Erase area next, and nothing that takes the shape for an image', () => {
    const at = (x: number, y: number, width: number, height: number, showsImage: boolean) => ({ x, y, width, height, exportBox: { x, y, width, height }, parentId: '0:1', showsImage, rotated: false })
    const photo = { ...image('p'), area: at(0, 0, 800, 600, true) }
    const shape: SelectedLayer = { id: 's', name: 'Area', type: 'ELLIPSE', width: 100, height: 80, fillable: true, madeHere: false, area: at(300, 200, 100, 80, false) }
    const { primary, secondary, more } = proposalFor([photo, shape])
    expect(primary.label).toBe('Edit area')
    expect(secondary.map((o) => o.label)).toEqual(['Erase area'])
    expect(more).toEqual([])
    for (const offer of [primary, ...secondary]) {
      for (const task of offer.tasks) {
        expect(task.inputs.map((i) => i.layer.id)).toEqual(['p'])
        expect(task.references).toEqual([])
        // Lands over the image, in the shape: the image's own fill is never the target of a fill.
        expect(task.placement).toBe('area')
      }
    }
  })

  it('a frame holding an image with room around it: Expand first', () => {
    const banner = { ...frame('b'), holdsLayers: true as const, expand: { imageId: 'i', imageName: 'Product', x: 400, y: 0, width: 628, height: 628 } }
    expect(labels([banner]).primary).toBe('Expand')
  })

  it('several images: each of them, then Upscale each, Remove background and Combine into one', () => {
    expect(labels([image('a'), image('b'), image('c')])).toMatchObject({ primary: 'Refine each (3)', secondary: ['Upscale each 2×', 'Remove background', 'Combine into one'] })
  })

  it('several empty frames: an image for each, made for each frame, or one across them; nothing that sends them', () => {
    const { primary, secondary, more } = proposalFor([frame('a', 1080, 1080), frame('b', 1080, 1920)])
    expect(primary.label).toBe('Generate each (2)')
    expect(primary.tasks.map((t) => t.targetIds)).toEqual([['a'], ['b']])
    expect(secondary.map((o) => o.label)).toEqual(['Generate'])
    expect(more).toEqual([])
  })

  it('a poster with its logos and product shots: Upscale with references', () => {
    const poster = { ...image('p', 1080, 1350), name: 'Poster' }
    expect(labels([poster, image('l', 300, 300), image('q', 400, 400)])).toMatchObject({ primary: 'Upscale with 2 references', secondary: ['Combine into one', 'Refine each (3)'] })
  })

  it('a key visual and the empty frames of its formats: Every format, then Refine and Upscale of the key visual alone, nothing that sends the empty frames', () => {
    const selection = [{ ...image('k', 1600, 1600), name: 'Key visual' }, frame('a', 1080, 1920), frame('b', 1080, 1080), frame('c')]
    const { primary, secondary, more } = proposalFor(selection)
    expect(primary.label).toBe('Every format (3)')
    expect(secondary.map((o) => o.label)).toEqual(['Refine', 'Upscale 2×'])
    expect(more.map((o) => o.label)).toEqual(['Remove background', 'Replace with a new image', 'Generate'])
    expect(landsLine(secondary[0], selection)).toBe('On a new layer beside “Key visual”, at its size.')
  })

  it('an empty frame larger than the images beside it is no poster: the images are refined each', () => {
    expect(labels([frame('f', 1080, 1350), image('l', 300, 300), image('q', 400, 400)]).primary).toBe('Refine each (2)')
  })

  it('never shows more than three actions beside the main one', () => {
    for (const selection of [[], [frame('a')], [image('a')], [image('a'), image('b')], [frame('a'), frame('b'), frame('c')]]) {
      expect(proposalFor(selection).secondary.length).toBeLessThanOrEqual(3)
    }
  })
})

describe('where it lands, and what it sends, in a line', () => {
  it('says where the main action’s image goes', () => {
    const line = (selection: SelectedLayer[], s?: SavedState) => {
      const { primary } = proposalFor(selection, s)
      return landsLine(primary, selection)
    }
    expect(line([])).toBe('On a new layer in the middle of the view.')
    expect(line([frame('a')])).toBe('As the fill of “Frame a”.')
    expect(line([frame('a')], state({ placement: 'new-layer' }))).toBe('On a new layer beside “Frame a”.')
    expect(line([image('a')])).toBe('On a new layer beside “Shot a”, at its size.')
    // A refine's variations: in a row beside its image, or beside each of several.
    expect(line([image('a')], state({ takes: 3 }))).toBe('3 variations, side by side beside “Shot a”, at its size.')
    expect(line([image('a'), image('b')], state({ takes: 2 }))).toBe('2 variations of each image, side by side beside it, at its size.')
    expect(line([], state({ takes: 3 }))).toBe('3 variations, side by side on new layers.')
  })

  it('says nothing of where a poster lands while its press only switches to a model that takes references', () => {
    const selection = [{ ...image('p', 1080, 1350), name: 'Poster' }, image('l', 300, 300)]
    const { primary } = proposalFor(selection, state({ settings: { ...DEFAULT_STATE.settings, model: 'sourceful/riverflow-v2.5-pro' } }))
    expect(primary).toMatchObject({ kind: 'upscale-with-references', count: 0 })
    expect(landsLine(primary, selection)).toBe('')
  })

  it('names the model, the pixels and how many images', () => {
    // 2.6 Pro as its endpoint record describes it: explicit pixels.
    const models = MODELS.map((m) => (m.id === 'sourceful/riverflow-v2.6-pro' ? { ...m, exactSize: EXACT_SIZE_LIMITS } : m))
    const on26 = state({ settings: { ...DEFAULT_STATE.settings, model: 'sourceful/riverflow-v2.6-pro' } })
    const exact = planClick({ state: on26, selection: [frame('a')], roles: {}, models })
    expect(requestLine(propose(exact, [frame('a')]).primary)).toBe('Riverflow 2.6 Pro · 2400×1256 · 1 image')
    expect(requestLine(proposalFor([]).primary)).toBe('Riverflow 2 Fast · 1024×1024 · 1 image')
    expect(requestLine(proposalFor([image('a'), image('b')]).secondary[0])).toBe('Riverflow 2 Fast · 2× sharper · 2 images')
    // A poster Figma caps at 4096 px goes 1.4×, not the 2× asked: the line says what it reaches.
    const poster = [{ ...image('p', 2400, 3000), name: 'Poster' }, image('l', 300, 300)]
    expect(requestLine(proposalFor(poster).primary)).toBe('Riverflow 2 Fast · 1.4× sharper · 1 image')
  })

  it('says a set’s count before how its sizes are met, in a designer’s words', () => {
    const set = proposalFor([image('k'), frame('a'), frame('b')]).primary
    expect(set.kind).toBe('formats')
    // The count first, so that it stays in view when the panel cuts the line; no tier, no API word.
    expect(requestLine(set)).toBe('Riverflow 2 Fast · 2 images, each cropped to its format')
  })
})
