import type { OpenRouterStandIn } from '../openrouter-stand-in/server'
import { TEST_KEY } from '../openrouter-stand-in/server'
import type { FakeFigmaView } from './fake-view'
import type { PluginOptions, PluginSession } from './harness'

/**
 * The panel's main states, as a designer meets them: what `npm run
 * screenshots` draws into docs/images/ and what the layout test measures at
 * Figma's default plugin size. Each is the real built panel against the
 * stand-ins, reached the way a designer reaches it.
 */
export interface PanelState {
  name: string
  /** What the picture shows, for the README and the manual. */
  caption: string
  /** An OpenRouter key in clientStorage, as after the first run. */
  key: boolean
  /** Runs in the page on the fake figma before the plugin starts (source text: its argument only). */
  setup?: (fake: FakeFigmaView) => void | Promise<void>
  /** The steps in the panel after it opened. */
  arrange?: (session: PluginSession, standIn: OpenRouterStandIn) => Promise<void>
  /** Whether the layout test counts this state's controls (one frame selected, prompt typed). */
  countControls?: boolean
}

const PROMPT = 'A ceramic mug of coffee on a sunlit oak table, soft morning light'

async function typePromptAsync({ ui }: PluginSession, prompt = PROMPT): Promise<void> {
  await ui.getByRole('textbox', { name: 'Prompt' }).fill(prompt)
}

/** Waits until the job is over: the main action is back. */
async function settledAsync({ ui }: PluginSession): Promise<void> {
  await ui.getByRole('button', { name: 'Cancel' }).waitFor({ state: 'detached', timeout: 30_000 })
}

export const PANEL_STATES: readonly PanelState[] = [
  { name: 'first-run', caption: 'The first run: what the plugin does, and Sign in', key: false },
  { name: 'nothing-selected', caption: 'Nothing selected: Generate, with its price', key: true, arrange: (session) => typePromptAsync(session) },
  {
    name: 'frame',
    caption: 'An empty frame selected: an image made for it, at its size',
    key: true,
    setup: (fake) => fake.select(fake.addFrame({ name: 'Hero banner', width: 1200, height: 628 })),
    arrange: (session) => typePromptAsync(session),
    countControls: true,
  },
  {
    name: 'image',
    caption: 'An image selected: edit it, upscale it, remove its background, expand it',
    key: true,
    setup: async (fake) => {
      const photo = await fake.addPhoto({ name: 'Table shot', x: 0, y: 0, width: 800, height: 600 })
      fake.select(photo)
    },
    arrange: (session) => typePromptAsync(session, 'Warmer light, a linen napkin beside the mug'),
  },
  {
    name: 'image-with-shape',
    caption: 'An image and a shape drawn over it: Edit area, then Erase area',
    key: true,
    setup: async (fake) => {
      const photo = await fake.addPhoto({ name: 'Table shot', x: 0, y: 0, width: 800, height: 600 })
      fake.select(photo, fake.addEllipse({ name: 'Area', x: 500, y: 300, width: 160, height: 120 }))
    },
    arrange: (session) => typePromptAsync(session, 'A croissant on a small plate'),
  },
  {
    name: 'batch',
    caption: 'Several images: each of them in one click',
    key: true,
    setup: async (fake) => {
      const shots = await Promise.all([0, 1, 2].map((i) => fake.addPhoto({ name: `Shot ${i + 1}`, x: i * 500, width: 400, height: 500 })))
      fake.select(...shots)
    },
    arrange: (session) => typePromptAsync(session, 'Studio light, a soft grey backdrop'),
  },
  {
    name: 'batch-failed',
    caption: 'A batch where one request failed: the others placed, and Retry for it with its price',
    key: true,
    setup: (fake) => fake.select(...[0, 1, 2].map((i) => fake.addFrame({ name: `Story ${i + 1}`, x: i * 1200, width: 1080, height: 1920 }))),
    arrange: async (session, standIn) => {
      await typePromptAsync(session, 'A summer sale poster, warm light')
      standIn.enqueue({ kind: 'choice-error' })
      await session.ui.getByRole('button', { name: /^Generate each/ }).click()
      await settledAsync(session)
      await session.ui.getByRole('button', { name: 'Retry Story 1' }).waitFor()
    },
  },
  {
    name: 'formats',
    caption: 'A key visual selected alone: Every format, with the formats to make picked from the list and the price of the set',
    key: true,
    setup: async (fake) => {
      fake.storage.set('saved-state', { settings: { model: 'sourceful/riverflow-v2.6-pro', imageSize: '1K', fontInputs: [] } })
      const visual = await fake.addPhoto({ name: 'Summer key visual', x: 0, y: 0, width: 1600, height: 1600, imageWidth: 400 })
      fake.select(visual)
    },
    arrange: async (session) => {
      await typePromptAsync(session, 'More sunlit sand where the picture continues')
      await session.ui.getByRole('button', { name: 'Formats to make' }).click()
      await session.ui.getByRole('dialog', { name: 'Formats' }).waitFor()
    },
  },
  {
    name: 'result',
    caption: 'After a click: what was placed and what it cost, where you are looking',
    key: true,
    setup: (fake) => fake.select(fake.addFrame({ name: 'Hero banner', width: 1200, height: 628 })),
    arrange: async (session) => {
      await typePromptAsync(session)
      await session.ui.getByRole('button', { name: /^Generate/ }).click()
      await settledAsync(session)
      await session.ui.getByText(/^Placed 1 image/).waitFor()
    },
  },
  {
    name: 'error',
    caption: 'An error: what happened, what to do, never cut',
    key: true,
    arrange: async (session, standIn) => {
      await typePromptAsync(session)
      standIn.enqueue({ kind: 'error', status: 524 })
      await session.ui.getByRole('button', { name: /^Generate/ }).click()
      await settledAsync(session)
      await session.ui.getByRole('alert').first().waitFor()
    },
  },
  {
    name: 'options',
    caption: 'The request in one line, opened: model, size and options',
    key: true,
    setup: (fake) => fake.select(fake.addFrame({ name: 'Hero banner', width: 1200, height: 628 })),
    arrange: async (session) => {
      await typePromptAsync(session)
      await session.ui.getByRole('region', { name: 'What is sent' }).getByRole('button').first().click()
    },
  },
  {
    name: 'history',
    caption: 'History: every image of the file, to find, select or place again',
    key: true,
    arrange: async (session) => {
      await typePromptAsync(session)
      await session.ui.getByRole('button', { name: /^Generate/ }).click()
      await settledAsync(session)
      await session.ui.getByRole('button', { name: 'History' }).click()
      await session.ui.getByRole('list', { name: 'Generations' }).getByRole('listitem').first().waitFor()
    },
  },
  {
    name: 'settings',
    caption: 'Settings: the account, the defaults and the brand kits',
    key: true,
    setup: (fake) => fake.select(fake.addFrame({ name: 'Logo', width: 400, height: 400, content: 'photo' })),
    arrange: async (session) => {
      await session.ui.getByRole('button', { name: 'Settings' }).click()
      await session.ui.getByRole('button', { name: 'Replace key' }).waitFor()
    },
  },
]

/** The session options for a state, in a theme. */
export function stateOptions(state: PanelState, theme: 'light' | 'dark'): Omit<PluginOptions<undefined>, 'standIn'> {
  return { theme, ...(state.key ? { key: TEST_KEY } : {}), ...(state.setup ? { setup: state.setup } : {}) }
}
