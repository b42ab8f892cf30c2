// `npm run preview`: the plugin without Figma, for working on the UI.
//
// Serves the end-to-end tests' host page on localhost: the sandbox bundle runs
// there against the fake `figma` (its canvas shows the layers the plugin makes,
// with their image fills) and the UI runs in a null-origin iframe, as in Figma.
// By default the UI talks to local stand-ins of OpenRouter and Google Fonts;
// `--live` builds it for the real services, to try a real key where there is a
// network. Both bundles rebuild on change: reload the page to see the change.
//
// The preview's bundles go to dist-preview/, never to dist/: the plugin that
// Figma imports must not point at a stand-in.
//
//   npm run preview                    stand-ins, http://127.0.0.1:5173
//   npm run preview -- --live          the real openrouter.ai and fonts.googleapis.com
//   npm run preview -- --port 8080     another port (0: any free one)
//   npm run preview -- --latency 0     how long the OpenRouter stand-in "thinks", in ms
import { rmSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { build, runnerImport } from 'vite'

const { values: args } = parseArgs({
  options: {
    live: { type: 'boolean', default: false },
    port: { type: 'string', default: '5173' },
    latency: { type: 'string', default: '1500' },
  },
})
const root = new URL('..', import.meta.url)
const path = (relative) => new URL(relative, root).pathname
const OUT = path('dist-preview/')

// The stand-ins and the host page's server are TypeScript modules of the tests;
// Vite's module runner loads them without a separate compile step.
const load = async (file) => (await runnerImport(path(file))).module

let standIn = null
let fonts = null
let previewKey = null
if (args.live) {
  delete process.env.RIVERFLOW_OPENROUTER_URL
  delete process.env.RIVERFLOW_GOOGLE_FONTS_URL
} else {
  const openRouter = await load('test/openrouter-stand-in/server.ts')
  const googleFonts = await load('test/google-fonts-stand-in/server.ts')
  standIn = await openRouter.startOpenRouterStandIn({
    latencyMs: Number(args.latency),
    keyInfo: { label: 'Preview stand-in key' },
    // The credit line goes down as the designer spends, as with a real key.
    spendsCredit: true,
  })
  fonts = await googleFonts.startGoogleFontsStandIn()
  previewKey = openRouter.TEST_KEY
  // Read by the UI build (envPrefix RIVERFLOW_ in vite.config.ts).
  process.env.RIVERFLOW_OPENROUTER_URL = standIn.url
  process.env.RIVERFLOW_GOOGLE_FONTS_URL = fonts.url
}

rmSync(OUT, { recursive: true, force: true })
const watchers = await Promise.all([
  buildWatchingAsync({ configFile: path('vite.config.ts'), build: { outDir: `${OUT}plugin`, emptyOutDir: false } }),
  buildWatchingAsync({ configFile: path('vite.config.ts'), mode: 'plugin', build: { outDir: `${OUT}plugin`, emptyOutDir: false } }),
])
const { buildHostAsync } = await load('test/e2e/host/build-host.ts')
await buildHostAsync(`${OUT}host`)

const { startStaticServerAsync } = await load('test/e2e/static-server.ts')
const server = await startStaticServerAsync(
  { '/dist': `${OUT}plugin`, '/host': `${OUT}host` },
  { port: Number(args.port), route: standIn ? standInControl : undefined },
)

const page = `${server.url}/host/index.html${standIn ? '?preview' : ''}`
console.log(`
Riverflow for Figma, preview: ${page}
${
  standIn
    ? `  OpenRouter stand-in at ${standIn.url}: paste the key ${previewKey}
  (any other key is refused, as OpenRouter would). "Next answer" in the page's
  toolbar makes the stand-in's next answer an error, a delay or an odd image.`
    : `  Live: the UI calls https://openrouter.ai with the key you paste (billed to it).
  The key stays in this page's memory; reloading the page forgets it.`
}
  Bundles rebuild on change: reload the page to see it. Ctrl+C stops.`)

/** POST /stand-in/enqueue with a stand-in behaviour (JSON): the host page's "Next answer". */
function standInControl(request, response) {
  if (request.method !== 'POST' || request.url !== '/stand-in/enqueue') return false
  let body = ''
  request.on('data', (chunk) => (body += chunk))
  request.on('end', () => {
    try {
      standIn.enqueue(JSON.parse(body))
      response.writeHead(204).end()
    } catch {
      response.writeHead(400).end('Not a stand-in behaviour')
    }
  })
  return true
}

/** A Vite build in watch mode; resolves once the first build is written. */
async function buildWatchingAsync(config) {
  const watcher = await build({ ...config, logLevel: 'warn', build: { ...config.build, watch: {} } })
  await new Promise((resolve, reject) => {
    const onEvent = (event) => {
      if (event.code === 'END') resolve()
      if (event.code === 'ERROR') reject(event.error)
      // Close the result, or the bundle's memory is kept for each rebuild.
      if ('result' in event) event.result?.close()
    }
    watcher.on('event', onEvent)
  })
  return watcher
}

async function stopAsync() {
  await Promise.all(watchers.map((watcher) => watcher.close()))
  await Promise.all([server.close(), standIn?.close(), fonts?.close()])
  process.exit(0)
}
process.on('SIGINT', stopAsync)
process.on('SIGTERM', stopAsync)
