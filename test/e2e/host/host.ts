/**
 * The host page: runs the built plugin as Figma does, without Figma. The
 * sandbox bundle (dist/code.js) runs in this page against the fake `figma`;
 * the UI bundle (dist/index.html) runs in a sandboxed iframe with a null
 * origin; `{pluginMessage}` is relayed both ways as Figma relays it. The
 * canvas on the left draws the current page (canvas.ts), the toolbar above it
 * edits the document (toolbar.ts), and the strip under it shows the selection's
 * relaunch buttons (properties.ts).
 *
 * Query parameters: `theme=dark` for Figma's dark theme; `preview` (set by
 * `npm run preview`) shows the control for the stand-in's next answer.
 */
import themeCss from '@create-figma-plugin/ui/css/theme.css?raw'
import { type FakeFigma, createFakeFigma } from '../../fake-figma'
import type { FakeFigmaView } from '../fake-view'
import { drawCanvas } from './canvas'
import { drawProperties, showToast } from './properties'
import { drawPages, wireControls } from './toolbar'

declare global {
  interface Window {
    /** For end-to-end tests: the fake document and what the sandbox did to it. */
    fake: FakeFigma
    hostReady: Promise<void>
    /** Set by a test before the page loads: prepares the document and storage before the plugin starts. */
    hostSetup?: (fake: FakeFigma) => void | Promise<void>
    /** Closes the plugin and runs dist/code.js again on the same document: another session on the same file. */
    hostReopen: (launch?: { command: string; parameters?: Record<string, string> }) => Promise<void>
    /** Set by a test before the page loads: launch the plugin for a command (a quick action) with these parameters. */
    hostLaunch?: { command: string; parameters?: Record<string, string> }
    /** Set by a test before the page loads: source text the UI's page runs before any of its own scripts. */
    hostUiPrelude?: string
    /**
     * Set by a bench: the canvas is not drawn. Drawing thousands of layers is the
     * host page's work, which on a two-core machine takes the UI's process's core
     * from it and would count as the UI's time (bench/README.md).
     */
    hostCanvasOff?: boolean
  }
}

const theme = new URLSearchParams(location.search).get('theme') === 'dark' ? 'dark' : 'light'

/** Figma injects its colour tokens on the UI's root element and tags it with the theme. */
function withThemeColors(html: string): string {
  const block = new RegExp(`:root \\.figma-${theme} \\{([^}]*)\\}`).exec(themeCss)?.[1] ?? ''
  const style = `<style id="figma-style">:root {${block}}</style>`
  return html.replace('<html', `<html class="figma-${theme}"`).replace('<head>', `<head>${style}`)
}

/**
 * The test's prelude as the first script of the UI's page: written into the HTML, so it runs
 * before the UI's own scripts every time (an init script may reach a srcdoc frame late).
 */
function withPrelude(html: string): string {
  const prelude = window.hostUiPrelude
  return prelude ? html.replace('<head>', () => `<head><script>${prelude}</script>`) : html
}

async function startAsync(): Promise<void> {
  document.body.classList.toggle('dark', theme === 'dark')
  const html = await (await fetch('/dist/index.html')).text()
  let frame: HTMLIFrameElement | null = null
  const pending: unknown[] = []

  const fake = createFakeFigma({
    html,
    command: window.hostLaunch?.command,
    viewport: { x: 0, y: 0, width: 1200, height: 900 },
    ui: {
      onShow(uiHtml, options) {
        // A reopened plugin gets a new window, as in Figma.
        frame?.remove()
        frame = document.createElement('iframe')
        // No allow-same-origin: the UI gets a null origin, as in Figma.
        frame.setAttribute('sandbox', 'allow-scripts allow-popups allow-downloads allow-forms')
        frame.title = 'Riverflow for Figma'
        frame.width = String(options.width ?? 300)
        frame.height = String(options.height ?? 200)
        // A quick action's UI runs hidden, as Figma runs it.
        frame.hidden = options.visible === false
        frame.srcdoc = withPrelude(options.themeColors ? withThemeColors(uiHtml) : uiHtml)
        frame.addEventListener('load', () => pending.splice(0).forEach(deliver))
        const column = document.getElementById('plugin')!
        // Figma keeps a resized window's top-left corner in place: the column keeps its opening width.
        column.style.width = `${frame.width}px`
        column.appendChild(frame)
      },
      onPostMessage(message) {
        deliver(message)
      },
      onVisibility(visible) {
        if (frame) frame.hidden = !visible
      },
      onResize(width, height) {
        frame?.setAttribute('width', String(width))
        frame?.setAttribute('height', String(height))
      },
    },
  })

  function deliver(message: unknown): void {
    if (!frame?.contentWindow) pending.push(message)
    else frame.contentWindow.postMessage({ pluginMessage: message }, '*')
  }

  window.addEventListener('message', (event) => {
    if (!frame || event.source !== frame.contentWindow) return
    const message = (event.data as { pluginMessage?: unknown } | null)?.pluginMessage
    if (message !== undefined) void fake.sendFromUi(message).then(refresh)
  })
  // What the plugin or a page switch changes, the page shows (the plugin's reopening clears these).
  const watch = () => ['selectionchange', 'currentpagechange'].forEach((event) => fake.figma.on(event as 'selectionchange', refresh))
  watch()

  // The browser tests see the fake through FakeFigmaView: this keeps that view true to it.
  window.fake = fake satisfies FakeFigmaView
  const scope = globalThis as unknown as { figma: PluginAPI; __html__: string }
  scope.figma = fake.figma
  scope.__html__ = html
  await window.hostSetup?.(fake)
  // The file as the test set it up is where undo stops: the plugin's steps come after it.
  fake.designerStep()

  await runPluginCodeAsync()
  // Figma runs the plugin once its code has loaded: the quick action's parameters come with it.
  fake.run(window.hostLaunch?.parameters)
  window.hostReopen = async (launch) => {
    fake.reopen()
    watch()
    // Opened again from a menu command or quick action (with what the designer entered), or plainly.
    if (launch) (fake.figma as { command: string }).command = launch.command
    await runPluginCodeAsync()
    fake.run(launch?.parameters)
  }
  wireControls(fake, refresh)
  refresh()
}

/** Draws the current page, its pages, the selection's properties and any new toast. */
function refresh(): void {
  const fake = window.fake
  if (!window.hostCanvasOff) drawCanvas(fake)
  drawPages(fake)
  drawProperties(fake, refresh)
  showToast(fake)
}

/** Runs the sandbox bundle: a new script element runs it again, with none of its earlier state. */
function runPluginCodeAsync(): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const script = document.createElement('script')
    script.src = '/dist/code.js'
    script.onload = () => resolve()
    script.onerror = () => reject(new Error('dist/code.js did not load: run npm run build'))
    document.body.appendChild(script)
  })
}

window.hostReady = startAsync()
