import { describe, expect, it } from 'vitest'
import { PANEL_SIZE, measurePanelAsync } from './panel-layout'
import { PANEL_STATES, stateOptions } from './panel-states'
import { useBrowserSuite } from './suite'
import { TEST_KEY } from '../openrouter-stand-in/server'

// The panel as a designer meets it, at Figma's default plugin size: the states of
// `npm run screenshots`, measured on the real rendered page. Nothing cut, nothing
// wider than the panel, the main action and its price in view, and a panel that
// shows a prompt and a few actions rather than every control at once.
const suite = useBrowserSuite()

/** The states that propose an action: their main button and price must be in view. */
const WITH_ACTION = new Set(['nothing-selected', 'frame', 'image', 'image-with-shape', 'batch', 'formats', 'result', 'error', 'options'])
/** Themes change colours, not sizes: both for the states that matter most, light for the rest. */
const BOTH_THEMES = new Set(['frame', 'formats', 'result', 'error'])

const cases = PANEL_STATES.flatMap((state) => (['light', 'dark'] as const).filter((theme) => theme === 'light' || BOTH_THEMES.has(state.name)).map((theme) => [state.name, theme, state] as const))

describe(`the panel at ${PANEL_SIZE.width}×${PANEL_SIZE.height}`, () => {
  it.each(cases)('%s (%s): every label fits, nothing is cut, the main action is in view', async (_name, theme, state) => {
    const session = await suite.open(stateOptions(state, theme))
    expect(await session.page.locator('iframe[title="Riverflow for Figma"]').evaluate((frame: HTMLIFrameElement) => [frame.width, frame.height].map(Number))).toEqual([
      PANEL_SIZE.width,
      PANEL_SIZE.height,
    ])
    await state.arrange?.(session, suite.standIn)
    const layout = await measurePanelAsync(session.ui)
    expect(layout.overflowingLabels).toEqual([])
    expect(layout.cutMessages).toEqual([])
    expect(layout.scrollsSideways).toBe(false)
    expect(layout.emptyGaps).toEqual([])
    if (WITH_ACTION.has(state.name)) expect(layout.primaryInView).toBe(true)
    // One frame selected and a prompt typed: a prompt, one main button and a few others, not a wall of controls.
    if (state.countControls) expect(layout.visibleControls.length, layout.visibleControls.join(' | ')).toBeLessThanOrEqual(12)
  })

  it('a layer named after its file, longer than the panel is wide: the lines that name it wrap, nothing is cut', async () => {
    // An image dropped into Figma is named after its file.
    const session = await suite.open({
      key: TEST_KEY,
      setup: async (fake) => {
        const photo = await fake.addPhoto({ name: 'Hero_Banner_Desktop_1920x1080_Final_v3_approved_by_client.png', x: 0, y: 0, width: 800, height: 600 })
        fake.select(photo)
      },
    })
    await session.ui.getByRole('textbox', { name: 'Prompt' }).fill('Warmer light')
    await session.ui.getByText(/^On a new layer beside “Hero_Banner/).waitFor()
    const layout = await measurePanelAsync(session.ui)
    expect(layout.cutMessages).toEqual([])
    expect(layout.scrollsSideways).toBe(false)
    expect(layout.primaryInView).toBe(true)
  })

  it('shows the result of the last click where the designer is looking, without scrolling', async () => {
    const state = PANEL_STATES.find((s) => s.name === 'result')!
    const session = await suite.open(stateOptions(state, 'light'))
    await state.arrange!(session, suite.standIn)
    const box = await session.ui.getByText(/^Placed 1 image · cost \$/).boundingBox()
    const frame = await session.page.locator('iframe[title="Riverflow for Figma"]').boundingBox()
    expect(box).not.toBeNull()
    expect(box!.y + box!.height).toBeLessThanOrEqual(frame!.y + PANEL_SIZE.height)
  })
})
