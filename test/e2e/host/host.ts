/**
 * The host page: runs the built plugin as Figma does, without Figma. The
 * sandbox bundle (dist/code.js) runs in this page against the fake `figma`;
 * the UI bundle (dist/index.html) runs in a sandboxed iframe with a null
 * origin; `{pluginMessage}` is relayed both ways as Figma relays it. The
 * canvas on the left draws the page's layers with their image fills.
 *
 * Query parameters: `theme=dark` for Figma's dark theme; `preview` (set by
 * `npm run preview`) shows the control for the stand-in's next answer.
 */
import themeCss from '@create-figma-plugin/ui/css/theme.css?raw'
import { type FakeFigma, createFakeFigma } from '../../fake-figma'
import type { FakeFigmaView } from '../fake-view'

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
    if (message !== undefined) void fake.sendFromUi(message).then(drawCanvas)
  })
  fake.figma.on('selectionchange', drawCanvas)

  // The browser tests see the fake through FakeFigmaView: this keeps that view true to it.
  window.fake = fake satisfies FakeFigmaView
  const scope = globalThis as unknown as { figma: PluginAPI; __html__: string }
  scope.figma = fake.figma
  scope.__html__ = html
  await window.hostSetup?.(fake)

  await runPluginCodeAsync()
  // Figma runs the plugin once its code has loaded: the quick action's parameters come with it.
  fake.run(window.hostLaunch?.parameters)
  window.hostReopen = async (launch) => {
    fake.reopen()
    // Opened again from a menu command or quick action (with what the designer entered), or plainly.
    if (launch) (fake.figma as { command: string }).command = launch.command
    await runPluginCodeAsync()
    fake.run(launch?.parameters)
  }
  wireControls()
  drawCanvas()
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

/**
 * Draws the page's layers, image fills included, so a person can see what the
 * plugin did; scaled down when they do not fit, as "zoom to fit" would.
 */
function drawCanvas(): void {
  const layers = document.getElementById('layers')!
  const fake = window.fake
  const selected = new Set(fake.page.selection.map((node) => node.id))
  layers.replaceChildren()
  const nodes = fake.allNodes()
  const boxes = nodes.map((node) => node.absoluteBoundingBox)
  const left = Math.min(0, ...boxes.map((b) => b.x))
  const top = Math.min(0, ...boxes.map((b) => b.y))
  const right = Math.max(0, ...boxes.map((b) => b.x + b.width))
  const bottom = Math.max(0, ...boxes.map((b) => b.y + b.height))
  const area = document.getElementById('canvas')!.getBoundingClientRect()
  const margin = 40
  const scale = Math.min(1, (area.width - 2 * margin) / (right - left || 1), (area.height - 2 * margin) / (bottom - top || 1))
  layers.style.transform = `scale(${scale}) translate(${margin / scale - left}px, ${margin / scale - top}px)`
  nodes.forEach((node, i) => {
    const box = boxes[i]
    const element = document.createElement('div')
    element.className = `node ${node.type === 'TEXT' ? 'text' : node.content}${selected.has(node.id) ? ' selected' : ''}`
    element.dataset.id = node.id
    element.dataset.name = node.name
    Object.assign(element.style, { left: `${box.x}px`, top: `${box.y}px`, width: `${box.width}px`, height: `${box.height}px` })
    const fill = node.fills.find((paint) => paint.type === 'IMAGE')
    const url = fill ? imageUrl(String(fill.imageHash)) : undefined
    if (url) element.style.backgroundImage = `url(${url})`
    const label = document.createElement('span')
    label.textContent = node.name
    element.appendChild(label)
    layers.appendChild(element)
  })
}

const imageUrls = new Map<string, string>()
function imageUrl(hash: string): string | undefined {
  if (!imageUrls.has(hash)) {
    const image = window.fake.images.get(hash)
    if (image) imageUrls.set(hash, URL.createObjectURL(new Blob([image.bytes as BlobPart])))
  }
  return imageUrls.get(hash)
}

/**
 * The toolbar and clicks, for working on the UI by hand (`npm run preview`):
 * add layers, select them as in Figma (shift-click adds), delete them, switch
 * the theme, and choose how the local OpenRouter stand-in answers next.
 */
function wireControls(): void {
  const fake = window.fake
  const addCount = { frame: 0, photo: 0, text: 0 }
  document.querySelectorAll<HTMLButtonElement>('[data-add]').forEach((button) =>
    button.addEventListener('click', () => {
      const kind = button.dataset.add as keyof typeof addCount
      const n = ++addCount[kind]
      const right = Math.max(0, ...fake.page.children.map((node) => node.x + node.width + 40))
      const node =
        kind === 'text'
          ? fake.addText({ x: right, y: 0, width: 320, height: 60, characters: 'Summer Sale', name: `Headline ${n}` })
          : fake.addFrame({ x: right, y: 0, width: 480, height: 320, name: `${kind === 'photo' ? 'Photo' : 'Frame'} ${n}`, content: kind === 'photo' ? 'photo' : 'flat' })
      fake.select(node)
    }),
  )
  document.getElementById('delete')!.addEventListener('click', () => {
    fake.page.selection.forEach((node) => node.remove())
    fake.select()
  })
  document.getElementById('layers')!.addEventListener('click', (event) => {
    const id = (event.target as HTMLElement).closest<HTMLElement>('.node')?.dataset.id
    const node = fake.allNodes().find((n) => n.id === id)
    if (!node) return
    event.stopPropagation()
    const current = fake.page.selection
    if (!(event as MouseEvent).shiftKey) fake.select(node)
    else fake.select(...(current.includes(node) ? current.filter((n) => n !== node) : [...current, node]))
  })
  document.getElementById('canvas')!.addEventListener('click', (event) => {
    if (!(event.target as HTMLElement).closest('.node') && fake.page.selection.length > 0) fake.select()
  })
  const themeLink = document.getElementById('theme') as HTMLAnchorElement
  const params = new URLSearchParams(location.search)
  params.set('theme', theme === 'dark' ? 'light' : 'dark')
  themeLink.href = `?${params}`
  themeLink.textContent = theme === 'dark' ? 'Light theme' : 'Dark theme'
  // Only the preview's server has the stand-in's control endpoint.
  if (new URLSearchParams(location.search).has('preview')) {
    const next = document.getElementById('next-answer')!
    next.hidden = false
    const select = next.querySelector('select')!
    const status = next.querySelector('output')!
    next.querySelector('button')!.addEventListener('click', async () => {
      const label = select.selectedOptions[0].textContent
      const response = await fetch('/stand-in/enqueue', { method: 'POST', body: select.value })
      status.textContent = response.ok ? `Queued: ${label}` : 'The stand-in refused that answer'
    })
  }
  window.addEventListener('resize', drawCanvas)
}

window.hostReady = startAsync()
