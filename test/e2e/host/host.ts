/**
 * The host page: runs the built plugin as Figma does, without Figma. The
 * sandbox bundle (dist/code.js) runs in this page against the fake `figma`;
 * the UI bundle (dist/index.html) runs in a sandboxed iframe with a null
 * origin; `{pluginMessage}` is relayed both ways as Figma relays it. The
 * canvas on the left draws the page's layers with their image fills.
 *
 * Query parameters: `theme=dark` for Figma's dark theme.
 */
import themeCss from '@create-figma-plugin/ui/css/theme.css?raw'
import { type FakeFigma, type FakeNode, createFakeFigma } from '../../fake-figma'

declare global {
  interface Window {
    /** For end-to-end tests: the fake document and what the sandbox did to it. */
    fake: FakeFigma
    hostReady: Promise<void>
    /** Set by a test before the page loads: prepares the document and storage before the plugin starts. */
    hostSetup?: (fake: FakeFigma) => void | Promise<void>
  }
}

const theme = new URLSearchParams(location.search).get('theme') === 'dark' ? 'dark' : 'light'

/** Figma injects its colour tokens on the UI's root element and tags it with the theme. */
function withThemeColors(html: string): string {
  const block = new RegExp(`:root \\.figma-${theme} \\{([^}]*)\\}`).exec(themeCss)?.[1] ?? ''
  const style = `<style id="figma-style">:root {${block}}</style>`
  return html.replace('<html', `<html class="figma-${theme}"`).replace('<head>', `<head>${style}`)
}

async function startAsync(): Promise<void> {
  const html = await (await fetch('/dist/index.html')).text()
  let frame: HTMLIFrameElement | null = null
  const pending: unknown[] = []

  const fake = createFakeFigma({
    html,
    viewport: { x: 0, y: 0, width: 1200, height: 900 },
    ui: {
      onShow(uiHtml, options) {
        frame = document.createElement('iframe')
        // No allow-same-origin: the UI gets a null origin, as in Figma.
        frame.setAttribute('sandbox', 'allow-scripts allow-popups allow-downloads allow-forms')
        frame.title = 'Riverflow for Figma'
        frame.width = String(options.width ?? 300)
        frame.height = String(options.height ?? 200)
        frame.srcdoc = options.themeColors ? withThemeColors(uiHtml) : uiHtml
        frame.addEventListener('load', () => pending.splice(0).forEach(deliver))
        document.getElementById('plugin')!.appendChild(frame)
      },
      onPostMessage(message) {
        deliver(message)
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

  window.fake = fake
  const scope = globalThis as unknown as { figma: PluginAPI; __html__: string }
  scope.figma = fake.figma
  scope.__html__ = html
  await window.hostSetup?.(fake)

  await new Promise<void>((resolve, reject) => {
    const script = document.createElement('script')
    script.src = '/dist/code.js'
    script.onload = () => resolve()
    script.onerror = () => reject(new Error('dist/code.js did not load: run npm run build'))
    document.body.appendChild(script)
  })
  drawCanvas()
}

/** Draws the page's layers, image fills included, so a person can see what the plugin did. */
function drawCanvas(): void {
  const canvas = document.getElementById('canvas')!
  const fake = window.fake
  const selected = new Set(fake.page.selection.map((node) => node.id))
  canvas.replaceChildren()
  const urls = new Map<string, string>()
  const imageUrl = (hash: string) => {
    if (!urls.has(hash)) {
      const image = fake.images.get(hash)
      if (image) urls.set(hash, URL.createObjectURL(new Blob([image.bytes as BlobPart])))
    }
    return urls.get(hash)
  }
  const draw = (node: FakeNode) => {
    const box = node.absoluteBoundingBox
    const element = document.createElement('div')
    element.className = `node${selected.has(node.id) ? ' selected' : ''}`
    element.dataset.id = node.id
    element.dataset.name = node.name
    Object.assign(element.style, { left: `${box.x + 40}px`, top: `${box.y + 40}px`, width: `${box.width}px`, height: `${box.height}px` })
    const fill = node.fills.find((paint) => paint.type === 'IMAGE')
    const url = fill ? imageUrl(String(fill.imageHash)) : undefined
    if (url) element.style.backgroundImage = `url(${url})`
    const label = document.createElement('span')
    label.textContent = node.name
    element.appendChild(label)
    canvas.appendChild(element)
    node.children.forEach(draw)
  }
  fake.page.children.forEach(draw)
}

window.hostReady = startAsync()
