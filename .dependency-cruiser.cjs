/**
 * The layers of the code, held by `npm run lint` (docs/architecture.md#layers).
 * A module imports only from its own layer or one below; nothing imports in a circle.
 *
 * - `common/` is the contract both halves share: it imports neither.
 * - `plugin/` (the sandbox) and `ui/` (the panel) never import each other: they talk by messages.
 * - In `ui/`, each folder is one layer, lowest first. A folder imports only from folders before it
 *   in UI_LAYERS, so no two folders import each other.
 */
const UI_LAYERS = [
  // The bottom: the bridge to the sandbox, defaults, prices, guards; pure modules at the top of ui/.
  ['bottom', '^ui/(?!App[.]tsx$|main[.]tsx$)[^/]+$'],
  // Leaves: each does one job and knows nothing of the panel.
  ['image', '^ui/image/'],
  ['answer', '^ui/answer/'],
  ['image-worker', '^ui/image-worker/'],
  ['image-work', '^ui/image-work/'],
  ['fonts', '^ui/fonts/'],
  ['components', '^ui/components/'],
  ['openrouter', '^ui/openrouter/'],
  ['encoding', '^ui/encoding/'],
  ['models', '^ui/models/'],
  // What a designer's selection, kit and settings are.
  ['selection', '^ui/selection/'],
  ['brand-kit', '^ui/brand-kit/'],
  ['state', '^ui/state/'],
  // Generation: plan, run, land; quick actions run a generation.
  ['generation', '^ui/generation/'],
  ['quick-action', '^ui/quick-action/'],
  // The panel.
  ['views', '^ui/views/'],
  ['App', '^ui/App[.]tsx$'],
  ['main', '^ui/main[.]tsx$'],
]

const layerRules = UI_LAYERS.slice(0, -1).map(([name, path], index) => ({
  name: `ui-layer-${name}`,
  comment: `ui/ ${name} imports only from the layers below it (${UI_LAYERS.slice(0, index).map(([lower]) => lower).join(', ') || 'common/ only'}).`,
  severity: 'error',
  from: { path },
  to: { path: UI_LAYERS.slice(index + 1).map(([, higher]) => higher) },
}))

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import cycle: the modules cannot be read, tested or moved one at a time. Move the shared type or function to a lower module.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'common-imports-neither-half',
      comment: 'common/ is the contract both halves import; it imports neither.',
      severity: 'error',
      from: { path: '^common/' },
      to: { path: '^(ui|plugin)/' },
    },
    {
      name: 'plugin-never-imports-ui',
      comment: 'The sandbox and the panel talk only by messages (common/messages.ts).',
      severity: 'error',
      from: { path: '^plugin/' },
      to: { path: '^ui/' },
    },
    {
      name: 'ui-never-imports-plugin',
      comment: 'The sandbox and the panel talk only by messages (common/messages.ts).',
      severity: 'error',
      from: { path: '^ui/' },
      to: { path: '^plugin/' },
    },
    ...layerRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports count: a cycle of types is still a cycle to read.
    tsPreCompilationDeps: true,
  },
}
