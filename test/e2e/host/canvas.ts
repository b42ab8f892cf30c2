/**
 * The host page's canvas: draws the current page as Figma shows it, so a
 * person can see what the plugin did. Pixels go on a <canvas> (fills, image
 * fills, ellipses and pen shapes as their shapes, frames clipping their
 * content, masks clipping the layers above them); over it, one transparent box
 * a layer (#layers .node) takes clicks, carries the layer's name and shows the
 * selection. Scaled down when the page does not fit, as "zoom to fit" would.
 */
import type { FakeFigma, FakeNode, FakePageNode, FakeVectorNode } from '../../fake-figma'

type Paint = FakeNode['fills'][number]
type Rgb = { r: number; g: number; b: number }

const MARGIN = 40
/** Image fills are decoded at most this long a side: the canvas, about as wide, seldom shows them larger. */
const DECODED_MAX_SIDE = 1024

export function currentPage(fake: FakeFigma): FakePageNode {
  return fake.figma.currentPage as unknown as FakePageNode
}

/** Draws the current page's layers, on the canvas and as boxes to click. */
export function drawCanvas(fake: FakeFigma): void {
  const page = currentPage(fake)
  const area = document.getElementById('canvas')!.getBoundingClientRect()
  const nodes = descendants(page)
  const boxes = nodes.map((node) => node.absoluteBoundingBox)
  const left = Math.min(0, ...boxes.map((b) => b.x))
  const top = Math.min(0, ...boxes.map((b) => b.y))
  const right = Math.max(0, ...boxes.map((b) => b.x + b.width))
  const bottom = Math.max(0, ...boxes.map((b) => b.y + b.height))
  const scale = Math.min(1, (area.width - 2 * MARGIN) / (right - left || 1), (area.height - 2 * MARGIN) / (bottom - top || 1))

  // The pixels once a frame, however many times the plugin changed things in it: the sandbox runs on this thread too.
  cancelAnimationFrame(paintRequest)
  paintRequest = requestAnimationFrame(() => paint(fake, page, area, { scale, left, top }))

  const layers = document.getElementById('layers')!
  layers.style.transform = `scale(${scale}) translate(${MARGIN / scale - left}px, ${MARGIN / scale - top}px)`
  // Names and outlines keep their size on screen at any zoom, as in Figma.
  layers.style.setProperty('--zoom', String(scale))
  const selected = new Set(page.selection.map((node) => node.id))
  // The same box for the same layer from one drawing to the next: a click or a test's look at it is not lost to a redraw.
  const boxesBefore = new Map([...layers.children].map((element) => [(element as HTMLElement).dataset.id, element as HTMLElement]))
  layers.replaceChildren(
    ...nodes.map((node, i) => {
      const box = boxes[i]
      const element = boxesBefore.get(node.id) ?? document.createElement('div')
      const onPage = node.parent === page
      const classes = ['node', onPage && 'top', onPage && named(node) && 'named', onPage && node.type === 'FRAME' && 'frame', inGroup(node) && 'in-group', selected.has(node.id) && 'selected']
      element.className = classes.filter(Boolean).join(' ')
      element.dataset.id = node.id
      element.dataset.name = node.name
      element.dataset.type = node.type
      Object.assign(element.style, { left: `${box.x}px`, top: `${box.y}px`, width: `${box.width}px`, height: `${box.height}px` })
      const label = element.firstElementChild ?? element.appendChild(document.createElement('span'))
      label.textContent = node.name
      return element
    }),
  )
}

let paintRequest = 0

function paint(fake: FakeFigma, page: FakePageNode, area: DOMRect, view: { scale: number; left: number; top: number }): void {
  const pixels = document.getElementById('pixels') as HTMLCanvasElement
  const ratio = window.devicePixelRatio || 1
  const size = { width: Math.round(area.width * ratio), height: Math.round(area.height * ratio) }
  const context = pixels.getContext('2d')!
  if (pixels.width !== size.width || pixels.height !== size.height) {
    Object.assign(pixels, size)
    Object.assign(pixels.style, { width: `${area.width}px`, height: `${area.height}px` })
  } else {
    context.resetTransform()
    context.clearRect(0, 0, size.width, size.height)
  }
  const { scale, left, top } = view
  const base = new DOMMatrix([ratio * scale, 0, 0, ratio * scale, ratio * (MARGIN - left * scale), ratio * (MARGIN - top * scale)])
  new Painter(context, base, fake).children(page.kids)
}

/** Every visible layer under `parent`, depth first: later ones are drawn, and take clicks, above earlier ones. */
export function descendants(parent: FakeNode): FakeNode[] {
  return parent.kids.filter((node) => node.visible).flatMap((node) => [node, ...descendants(node)])
}

/** Whose name shows over it on the canvas: Figma names frames there; the preview names texts and images too, to find them. */
function named(node: FakeNode): boolean {
  return ['FRAME', 'COMPONENT', 'INSTANCE', 'TEXT'].includes(node.type) || (node.type !== 'GROUP' && node.fills.some((paint) => paint.type === 'IMAGE'))
}

/** As in Figma, a click on a layer in a group selects the group: its layers' boxes let clicks through to the group's. */
function inGroup(node: FakeNode): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) if (parent.type === 'GROUP') return true
  return false
}

class Painter {
  constructor(
    private context: CanvasRenderingContext2D,
    private base: DOMMatrix,
    private fake: FakeFigma,
  ) {}

  /**
   * A parent's layers, bottom to top. A mask (isMask) is not drawn: it clips
   * the layers above it in the same parent, up to the next mask, to its shape.
   */
  children(kids: readonly FakeNode[]): void {
    let masking = false
    for (const node of kids) {
      if (!node.visible) continue
      if (isMask(node)) {
        if (masking) this.context.restore()
        this.context.save()
        this.place(node)
        this.context.clip(outline(node))
        masking = true
      } else this.node(node)
    }
    if (masking) this.context.restore()
  }

  private node(node: FakeNode): void {
    const context = this.context
    this.place(node)
    if (node.type === 'TEXT') return this.text(node)
    if (node.type === 'LINE') {
      context.strokeStyle = solidColour(node.fills) ?? '#1e1e1e'
      context.lineWidth = 1 / context.getTransform().a
      context.beginPath()
      context.moveTo(0, 0)
      context.lineTo(node.width, 0)
      return context.stroke()
    }
    if (node.type !== 'GROUP') this.fills(node)
    if (node.kids.length === 0) return
    const clips = ['FRAME', 'COMPONENT', 'INSTANCE'].includes(node.type) && (node as { clipsContent?: boolean }).clipsContent !== false
    context.save()
    if (clips) context.clip(outline(node))
    this.children(node.kids)
    context.restore()
  }

  /** From here on, drawing is in the layer's own coordinates (its top left at 0,0). */
  private place(node: FakeNode): void {
    const [[a, c, e], [b, d, f]] = node.absoluteTransform
    this.context.setTransform(this.base.multiply(new DOMMatrix([a, b, c, d, e, f])))
  }

  private fills(node: FakeNode): void {
    const context = this.context
    const shape = outline(node)
    const paints = node.fills.filter((paint) => paint.visible !== false)
    for (const paint of paints) {
      context.globalAlpha = typeof paint.opacity === 'number' ? paint.opacity : 1
      if (paint.type === 'SOLID') {
        context.fillStyle = css(paint.color as Rgb)
        context.fill(shape)
      } else if (paint.type === 'IMAGE') this.image(node, shape, paint)
      else if (paint.type.startsWith('GRADIENT_')) {
        const stops = (paint.gradientStops ?? []) as { position: number; color: Rgb & { a?: number } }[]
        const gradient = context.createLinearGradient(0, 0, node.width, node.height)
        stops.forEach((stop) => gradient.addColorStop(stop.position, css(stop.color, stop.color.a)))
        context.fillStyle = gradient
        context.fill(shape)
      }
    }
    context.globalAlpha = 1
    // The fake exports a photo layer as photographic pixels: show it as a photo, under no image of its own.
    if (node.content === 'photo' && !paints.some((paint) => paint.type === 'IMAGE')) {
      const photo = context.createLinearGradient(0, 0, node.width, node.height)
      photo.addColorStop(0, '#c9a27e')
      photo.addColorStop(0.6, '#6f8fb3')
      photo.addColorStop(1, '#2c3e50')
      context.fillStyle = photo
      context.fill(shape)
    }
  }

  /** An image fill: FILL covers the layer, FIT shows all of it, any other mode is drawn as FILL. */
  private image(node: FakeNode, shape: Path2D, paint: Paint): void {
    const context = this.context
    // Nothing until it is decoded: then the canvas is drawn again.
    const bitmap = decoded(this.fake, String(paint.imageHash))
    if (!bitmap) return
    const fit = paint.scaleMode === 'FIT' ? Math.min : Math.max
    const scale = fit(node.width / bitmap.width, node.height / bitmap.height)
    const width = bitmap.width * scale
    const height = bitmap.height * scale
    context.save()
    context.clip(shape)
    context.drawImage(bitmap, (node.width - width) / 2, (node.height - height) / 2, width, height)
    context.restore()
  }

  /** Its characters, line by line, at its font size (Figma's default, 12, when it has none), growing out of its box as auto width does. */
  private text(node: FakeNode): void {
    const context = this.context
    const { characters = '', fontName, fontSize } = node as { characters?: string; fontName?: unknown; fontSize?: unknown }
    const size = typeof fontSize === 'number' && fontSize > 0 ? fontSize : 12
    context.font = cssFont(fontName, size)
    context.fillStyle = solidColour(node.fills) ?? '#1e1e1e'
    context.textBaseline = 'top'
    characters.split('\n').forEach((line, i) => context.fillText(line, 0, i * size * 1.25))
  }
}

/** A text layer's font for the canvas: its family (or the system's), bold when its style says so. */
export function cssFont(fontName: unknown, size: number): string {
  const font = typeof fontName === 'object' && fontName ? (fontName as { family?: unknown; style?: unknown }) : {}
  const family = typeof font.family === 'string' ? `"${font.family}", ` : ''
  return `${/bold/i.test(String(font.style)) ? 700 : 400} ${size}px ${family}system-ui, sans-serif`
}

function isMask(node: FakeNode): boolean {
  return (node as { isMask?: boolean }).isMask === true
}

/** The layer's shape in its own coordinates: an ellipse, a pen path, or its box. */
function outline(node: FakeNode): Path2D {
  const path = new Path2D()
  if (node.type === 'ELLIPSE') {
    path.ellipse(node.width / 2, node.height / 2, node.width / 2, node.height / 2, 0, 0, 2 * Math.PI)
  } else if (node.type === 'VECTOR') {
    for (const vector of (node as FakeVectorNode).vectorPaths ?? []) path.addPath(new Path2D(vector.data))
  } else path.rect(0, 0, node.width, node.height)
  return path
}

function solidColour(fills: readonly Paint[]): string | undefined {
  const solid = fills.find((paint) => paint.type === 'SOLID' && paint.visible !== false)
  return solid ? css(solid.color as Rgb, typeof solid.opacity === 'number' ? solid.opacity : 1) : undefined
}

function css(colour: Rgb, alpha = 1): string {
  return `rgb(${Math.round(colour.r * 255)} ${Math.round(colour.g * 255)} ${Math.round(colour.b * 255)} / ${alpha})`
}

/** Decoded image fills by hash; undefined while one decodes (the canvas is drawn again when it is ready). */
const bitmaps = new Map<string, ImageBitmap | 'decoding' | 'broken'>()

function decoded(fake: FakeFigma, hash: string): ImageBitmap | undefined {
  const known = bitmaps.get(hash)
  if (known instanceof ImageBitmap) return known
  const image = fake.images.get(hash)
  if (known || !image) return undefined
  bitmaps.set(hash, 'decoding')
  const shrink = Math.min(1, DECODED_MAX_SIDE / Math.max(image.width, image.height))
  const size = shrink < 1 ? { resizeWidth: Math.round(image.width * shrink), resizeHeight: Math.round(image.height * shrink), resizeQuality: 'medium' as const } : {}
  createImageBitmap(new Blob([image.bytes as BlobPart]), size).then(
    (bitmap) => {
      bitmaps.set(hash, bitmap)
      drawCanvas(fake)
    },
    () => bitmaps.set(hash, 'broken'),
  )
  return undefined
}
