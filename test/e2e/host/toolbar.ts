/**
 * The toolbar and clicks, for trying the plugin by hand (`npm run preview`):
 * switch pages, add layers (frames, photo frames, text, an image, and shapes
 * drawn over the selected layer, for Edit area), select them as in Figma
 * (shift-click adds; a click in a group selects the group, canvas.ts), delete them, open
 * the plugin again, switch the theme, and choose how the local OpenRouter
 * stand-in answers next. What it does to the document, a designer could do in Figma.
 */
import type { FakeFigma, FakeNode, FakePageNode } from '../../fake-figma'
import { cssFont, currentPage, descendants } from './canvas'
import { SAMPLE_SIZE, samplePictureAsync } from './sample-image'

/** Figma's default fill for a new rectangle, ellipse or pen shape. */
const SHAPE_GREY = { type: 'SOLID', color: { r: 0.85, g: 0.85, b: 0.85 } }
const GAP = 40

type Kind = 'frame' | 'photo' | 'text' | 'image' | 'rectangle' | 'ellipse' | 'pen'

export function wireControls(fake: FakeFigma, refresh: () => void): void {
  const count = new Map<Kind, number>()
  document.querySelectorAll<HTMLButtonElement>('[data-add]').forEach((button) =>
    button.addEventListener('click', async () => {
      const kind = button.dataset.add as Kind
      const n = (count.get(kind) ?? 0) + 1
      count.set(kind, n)
      await addAsync(fake, kind, n)
      refresh()
    }),
  )
  document.getElementById('delete')!.addEventListener('click', () => {
    currentPage(fake).selection.forEach((node) => node.remove())
    fake.select()
    refresh()
  })
  document.getElementById('page')!.addEventListener('change', async (event) => {
    const id = (event.target as HTMLSelectElement).value
    const page = pagesOf(fake).find((candidate) => candidate.id === id)
    if (page) await fake.figma.setCurrentPageAsync(page as unknown as PageNode)
    refresh()
  })
  document.getElementById('run')!.addEventListener('click', async () => {
    await window.hostReopen({ command: 'open' })
    refresh()
  })
  document.getElementById('layers')!.addEventListener('click', (event) => {
    const id = (event.target as HTMLElement).closest<HTMLElement>('.node')?.dataset.id
    const node = descendants(currentPage(fake)).find((n) => n.id === id)
    if (!node) return
    event.stopPropagation()
    // As in Figma, a locked layer is not picked on the canvas.
    if (node.locked) return
    const current = currentPage(fake).selection
    if (!(event as MouseEvent).shiftKey) fake.select(node)
    else fake.select(...(current.includes(node) ? current.filter((n) => n !== node) : [...current, node]))
    refresh()
  })
  document.getElementById('canvas')!.addEventListener('click', (event) => {
    if ((event.target as HTMLElement).closest('.node') || currentPage(fake).selection.length === 0) return
    fake.select()
    refresh()
  })
  const theme = new URLSearchParams(location.search).get('theme') === 'dark' ? 'dark' : 'light'
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
  window.addEventListener('resize', refresh)
}

/** The file's pages in the switcher, the current one chosen. */
export function drawPages(fake: FakeFigma): void {
  const select = document.getElementById('page') as HTMLSelectElement
  const pages = pagesOf(fake)
  // Drawn again only when the pages change: an open list stays open.
  const drawn = JSON.stringify(pages.map((page) => [page.id, page.name]))
  if (select.dataset.drawn !== drawn) {
    select.dataset.drawn = drawn
    select.replaceChildren(
      ...pages.map((page) => {
        const option = document.createElement('option')
        option.value = page.id
        option.textContent = page.name
        return option
      }),
    )
  }
  select.value = currentPage(fake).id
}

function pagesOf(fake: FakeFigma): FakePageNode[] {
  return (fake.figma.root as unknown as FakeNode).kids.filter((page): page is FakePageNode => page.type === 'PAGE' && !page.removed)
}

/**
 * Adds the layer and selects it. A shape goes over the middle of the selected
 * layer, beside it in its parent, and is selected with it: an image and a shape
 * over it, ready for Edit area. An image goes inside a selected frame, smaller
 * than it, ready for Expand. Anything else goes to the right of the page's layers.
 */
async function addAsync(fake: FakeFigma, kind: Kind, n: number): Promise<void> {
  const page = currentPage(fake)
  const [target] = page.selection.length === 1 ? page.selection : []
  const right = Math.max(0, ...page.kids.map((node) => node.x + node.width + GAP))
  if (kind === 'frame' || kind === 'photo') {
    const frame = fake.addFrame({ x: right, y: 0, width: 480, height: 320, name: `${kind === 'photo' ? 'Photo' : 'Frame'} ${n}`, content: kind === 'photo' ? 'photo' : 'flat' })
    // Figma's frame tool makes a white frame; a photo dropped on it is its image fill, as in Figma.
    frame.fills = [kind === 'photo' ? { type: 'IMAGE', imageHash: fake.figma.createImage(await frame.exportAsync()).hash, scaleMode: 'FILL' } : { type: 'SOLID', color: { r: 1, g: 1, b: 1 } }]
    return fake.select(frame)
  }
  if (kind === 'text') {
    // A headline at 48 px, its box as wide as its words, as Figma's auto width makes it.
    const font = { family: 'Inter', style: 'Bold' }
    const fontSize = 48
    const measure = new OffscreenCanvas(1, 1).getContext('2d')!
    measure.font = cssFont(font, fontSize)
    const width = Math.ceil(measure.measureText('Summer Sale').width)
    const text = fake.addText({ x: right, y: 0, width, height: fontSize * 1.25, characters: 'Summer Sale', name: `Headline ${n}`, font })
    // Figma's TextNode has a fontSize; the fake does not model it, so the canvas reads it from here.
    Object.assign(text, { fontSize })
    return fake.select(text)
  }
  if (kind === 'image') {
    const image = fake.figma.createImage(await samplePictureAsync(n))
    const frame = target?.type === 'FRAME' ? target : undefined
    const ratio = SAMPLE_SIZE.width / SAMPLE_SIZE.height
    const height = frame ? Math.min(frame.height, frame.width / ratio) * 0.7 : 320
    const box = frame
      ? { x: (frame.width - height * ratio) / 2, y: (frame.height - height) / 2, width: height * ratio, height }
      : { x: right, y: 0, width: height * ratio, height }
    const layer = fake.addRectangle({ name: `Image ${n}`, ...rounded(box) }, frame)
    layer.fills = [{ type: 'IMAGE', imageHash: image.hash, scaleMode: 'FILL' }]
    return fake.select(layer)
  }
  const side = target ? Math.min(target.width, target.height) * 0.4 : 200
  const box = target
    ? { x: target.x + (target.width - side) / 2, y: target.y + (target.height - side) / 2, width: side, height: side }
    : { x: right, y: 0, width: side, height: side }
  const props = { name: `${kind === 'pen' ? 'Vector' : kind === 'ellipse' ? 'Ellipse' : 'Rectangle'} ${n}`, ...rounded(box) }
  const parent = target?.parent ?? page
  const shape =
    kind === 'ellipse'
      ? fake.addEllipse(props, parent)
      : kind === 'pen'
        ? fake.addVector({ ...props, vectorPaths: [{ windingRule: 'NONZERO', data: blob(props.width, props.height) }] }, parent)
        : fake.addRectangle(props, parent)
  shape.fills = [SHAPE_GREY]
  if (target) fake.select(target, shape)
  else fake.select(shape)
}

function rounded(box: { x: number; y: number; width: number; height: number }) {
  return { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) }
}

/** A closed, uneven outline, as drawn with the pen: SVG path data in the shape's own coordinates. */
function blob(width: number, height: number): string {
  const p = (x: number, y: number) => `${Math.round(x * width)} ${Math.round(y * height)}`
  return `M ${p(0.5, 0)} C ${p(0.85, 0)} ${p(1, 0.25)} ${p(1, 0.5)} C ${p(1, 0.8)} ${p(0.75, 1)} ${p(0.45, 1)} C ${p(0.15, 1)} ${p(0, 0.75)} ${p(0.1, 0.45)} C ${p(0.2, 0.15)} ${p(0.2, 0)} ${p(0.5, 0)} Z`
}
