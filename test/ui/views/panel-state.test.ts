import { describe, expect, it } from 'vitest'
import type { StartData } from '../../../common/messages'
import type { SelectedLayer } from '../../../common/selection'
import { BUILT_IN_MODELS } from '../../../ui/models'
import { panelReducer, startPanel } from '../../../ui/views/panel-state'

const layer: SelectedLayer = { id: '1:2', name: 'Lighthouse', type: 'RECTANGLE', width: 800, height: 1000, fillable: true, madeHere: true }
const fonts = [{ fontUrl: 'https://fonts.example.net/brand.woff2', text: 'SALE' }]
/** A layer asking for more than the designer's own settings: Pro at 4K, with a font file from elsewhere. */
const record = { prompt: 'A lighthouse at dusk', settings: { model: 'sourceful/riverflow-v2-pro', aspectRatio: '4:5', imageSize: '4K', fontInputs: fonts } }
/** The designer's own: a prompt being written, Fast at 1K. */
const own = { prompt: 'A harbour at noon', settings: { model: 'sourceful/riverflow-v2-fast', imageSize: '1K' } }
const start = (key: string | null): StartData => ({ key, state: own, catalog: null, selection: [layer], quickAction: null, launch: { command: 'regenerate', layer, record, problem: null } })
const asked = () => startPanel(start('sk-or-test'), BUILT_IN_MODELS).panel

describe('a relaunch let go unsent', () => {
  it('Not now puts back the designer’s prompt and settings, and drops what was said of the layer’s', () => {
    const panel = asked()
    expect(panel.saved).toMatchObject({ prompt: 'A lighthouse at dusk', settings: { model: 'sourceful/riverflow-v2-pro', imageSize: '4K' } })
    expect(panel.notes).toEqual([expect.stringMatching(/prompt you were writing is kept/)])
    const dismissed = panelReducer(panel, { type: 'launch-done', sent: false })
    expect(dismissed.launch).toBeNull()
    expect(dismissed.saved).toEqual(panel.launch!.own)
    expect(dismissed.saved).toMatchObject({ prompt: 'A harbour at noon', recentPrompts: [], settings: { model: 'sourceful/riverflow-v2-fast', imageSize: '1K', fontInputs: [] } })
    expect(dismissed.notes).toEqual([])
  })

  it('what the designer changed while it asked stays theirs; settings kept so keep the layer’s, less its font, saying so', () => {
    const panel = asked()
    const changed = panelReducer(panel, { type: 'change', change: { settings: { ...panel.saved.settings, aspectRatio: '1:1' } } })
    const dismissed = panelReducer(changed, { type: 'launch-done', sent: false })
    expect(dismissed.saved).toMatchObject({ prompt: 'A harbour at noon', settings: { model: 'sourceful/riverflow-v2-pro', aspectRatio: '1:1', fontInputs: [] } })
    expect(dismissed.notes.at(-1)).toMatch(/^Left out the font file .*fonts\.example\.net/)
  })

  it('Send keeps the layer’s prompt and settings in the panel', () => {
    const panel = asked()
    expect(panelReducer(panel, { type: 'launch-done', sent: true }).saved).toBe(panel.saved)
  })

  it('with no key stored, nothing is sent: the panel stays as the designer had it, and says why', () => {
    const { panel, keyReason } = startPanel(start(null), BUILT_IN_MODELS)
    expect(panel.saved).toMatchObject({ prompt: 'A harbour at noon', settings: { model: 'sourceful/riverflow-v2-fast', imageSize: '1K', fontInputs: [] } })
    expect(panel.notes).toEqual([])
    expect(keyReason).toMatch(/^Regenerate sends nothing without your OpenRouter key/)
  })
})
