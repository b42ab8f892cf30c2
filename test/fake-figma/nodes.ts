/**
 * Scene nodes of the fake `figma` API: real geometry (x, y, width, height,
 * resize, rotation, absolute bounds through parents, render bounds grown by
 * strokes and shadows), fills that are read-only arrays
 * replaced wholesale as in Figma, plugin data, removal and locking,
 * exportAsync that returns real PNG/JPEG bytes of the node's pixel size, and
 * pages that refuse their children until loaded (dynamic-page access).
 */
import { type Rgba, encodeJpeg, encodePng } from '../images/png'

export type Paint = Readonly<Record<string, unknown> & { type: string }>

/** How exports of a node look: flat graphics compress well as PNG, photos do not. */
export type FakeContent = 'flat' | 'photo'

export interface Registry {
  nodes: Map<string, FakeNode>
  nextId: () => string
  onSelectionChange: () => void
  /** Figma reports selection changes of the page in view only. */
  isCurrentPage: (page: FakePageNode) => boolean
  /** Whether figma.loadFontAsync has loaded the font: Figma refuses to set a text's characters before. */
  isFontLoaded: (font: { family: string; style: string }) => boolean
  /** A change to the document, with what reverts it: it joins the undo step in progress (index.ts). */
  changed?: (revert: () => void) => void
}

/** Figma's limit on one plugin data entry, "about 100 kB" (docs/contracts.md#figma-plugin-data): key and value, in UTF-8 bytes. */
export const PLUGIN_DATA_LIMIT_BYTES = 100_000

/** A shadow or a blur, as Figma's `effects` hold them (the fields the fake reads). */
export interface FakeEffect {
  type: 'DROP_SHADOW' | 'INNER_SHADOW' | 'LAYER_BLUR' | 'BACKGROUND_BLUR'
  visible: boolean
  radius: number
  offset?: { x: number; y: number }
  spread?: number
}

type Box = { x: number; y: number; width: number; height: number }
type Transform = [[number, number, number], [number, number, number]]

export interface ExportSettings {
  format?: 'PNG' | 'JPG' | 'SVG' | 'PDF'
  constraint?: { type: 'SCALE' | 'WIDTH' | 'HEIGHT'; value: number }
}

export class FakeNode {
  readonly id: string
  readonly type: string
  name: string
  parent: FakeNode | null = null
  /**
   * The children with no loading check: the fake's own bookkeeping, and tests
   * that look at a page the plugin has not loaded. `children` is Figma's view.
   */
  kids: FakeNode[] = []
  /** Degrees, counter-clockwise on screen, about the node's own top-left corner (x, y), as in Figma. */
  rotation = 0
  effects: readonly FakeEffect[] = []
  strokes: readonly Paint[] = []
  strokeWeight = 1
  strokeAlign: 'INSIDE' | 'OUTSIDE' | 'CENTER' = 'INSIDE'
  locked = false
  removed = false
  /** How the layer follows its frame's resizing: Figma's default for a new layer. Kept, not acted on: the fake resizes no children. */
  constraints: { horizontal: string; vertical: string } = { horizontal: 'MIN', vertical: 'MIN' }
  content: FakeContent = 'flat'
  /** Every export of this node, for tests: the settings and the pixel size made. */
  exports: { settings: ExportSettings; width: number; height: number }[] = []
  private _fills: readonly Paint[] = Object.freeze([])
  // Geometry behind accessors: a child in an auto layout's flow is placed by the layout, not by writes to x and y.
  private _x = 0
  private _y = 0
  private _width = 100
  private _height = 100
  private _visible = true
  private _positioning: 'AUTO' | 'ABSOLUTE' = 'AUTO'
  private pluginData = new Map<string, string>()
  private relaunchData: Record<string, string> = {}

  constructor(
    protected registry: Registry,
    type: string,
    name: string,
  ) {
    this.type = type
    this.name = name
    this.id = registry.nextId()
    registry.nodes.set(this.id, this)
    registry.changed?.(() => {
      if (!this.removed) this.remove()
    })
  }

  get x(): number {
    return this._x
  }

  /** As in Figma, a write to the x or y of a child in an auto layout's flow does not move it. */
  set x(x: number) {
    if (!this.inFlow()) this._x = x
  }

  get y(): number {
    return this._y
  }

  set y(y: number) {
    if (!this.inFlow()) this._y = y
  }

  get width(): number {
    return this._width
  }

  /** Figma's width is read-only; the fake lets a test set up a layer's size, and its auto layout parent follows. */
  set width(width: number) {
    this._width = width
    this.parent?.layoutChanged()
  }

  get height(): number {
    return this._height
  }

  set height(height: number) {
    this._height = height
    this.parent?.layoutChanged()
  }

  get visible(): boolean {
    return this._visible
  }

  /** A hidden child takes no room in an auto layout. */
  set visible(visible: boolean) {
    this._visible = visible
    this.parent?.layoutChanged()
  }

  /**
   * Only a direct child of an auto layout takes it (docs/contracts.md#figma-auto-layout):
   * 'ABSOLUTE' takes it out of the flow where it stands, the flow closing up as if it were gone.
   */
  get layoutPositioning(): 'AUTO' | 'ABSOLUTE' {
    return this._positioning
  }

  set layoutPositioning(positioning: 'AUTO' | 'ABSOLUTE') {
    if (positioning !== 'AUTO' && positioning !== 'ABSOLUTE') throw new Error(`layoutPositioning must be 'AUTO' or 'ABSOLUTE', not ${String(positioning)}`)
    if (!this.parent?.laysOutChildren()) throw new Error('layoutPositioning applies only to a direct child of an auto-layout frame')
    this._positioning = positioning
    this.parent.layoutChanged()
  }

  /** A child its parent's auto layout places. */
  inFlow(): boolean {
    return this._positioning === 'AUTO' && this.parent !== null && this.parent.laysOutChildren()
  }

  /** Whether this node places its children itself (an auto layout frame: frame-node.ts). */
  laysOutChildren(): boolean {
    return false
  }

  /** Something that moves or sizes the children changed: an auto layout places them again. */
  layoutChanged(): void {}

  /** The layout's own sizing of a frame that hugs its children: no layout change follows from it here. */
  protected sizeTo(width: number, height: number): void {
    this._width = width
    this._height = height
  }

  /** The layout's own move, which writes to x and y cannot make for a child in the flow. */
  placeAt(x: number, y: number): void {
    this._x = x
    this._y = y
  }

  get fills(): readonly Paint[] {
    return this._fills
  }

  /** Figma copies and freezes the array: mutating `node.fills` in place throws. */
  set fills(paints: readonly Paint[]) {
    if (!Array.isArray(paints)) throw new Error('fills must be an array')
    for (const paint of paints) {
      if (paint.type === 'IMAGE' && typeof paint.imageHash !== 'string') throw new Error('An image paint needs an imageHash')
    }
    const before = this._fills
    this._fills = Object.freeze(paints.map((paint) => Object.freeze({ ...paint })))
    this.registry.changed?.(() => (this._fills = before))
  }

  /** As in Figma, a new read-only array on every read; a page must be loaded first. */
  get children(): readonly FakeNode[] {
    this.assertLoaded('children')
    return Object.freeze(this.kids.slice())
  }

  /** Figma's: the rotation and (x, y) in the parent's space; rotation = atan2(-m10, m00). */
  get relativeTransform(): Transform {
    const radians = (this.rotation * Math.PI) / 180
    const [cos, sin] = [Math.cos(radians), Math.sin(radians)]
    return [
      [cos, sin, this.x],
      [-sin, cos, this.y],
    ]
  }

  /** Through the parents to the page; a group adds nothing (its children hold its parent's coordinates). */
  get absoluteTransform(): Transform {
    let transform = this.relativeTransform
    for (let p = this.parent; p && p.type !== 'PAGE' && p.type !== 'DOCUMENT'; p = p.parent) {
      if (p.type !== 'GROUP') transform = multiply(p.relativeTransform, transform)
    }
    return transform
  }

  /** The box around the node as drawn on the page: for a rotated node, larger than its width × height. */
  get absoluteBoundingBox(): Box {
    return boxAround(this.absoluteTransform, { x: 0, y: 0, width: this.width, height: this.height })
  }

  /**
   * What an export covers (docs/contracts.md#figma-rotation-and-render-bounds): the
   * bounding box grown by a stroke outside the node and by its drop shadows and
   * blurs; null for a hidden node.
   */
  get absoluteRenderBounds(): Box | null {
    if (!this.visible) return null
    return this.renderedParts()
      .map((part) => boxAround(this.absoluteTransform, part))
      .reduce(unionBox)
  }

  /** The node's own rectangle grown by its stroke outside it, then each shadow and blur, in its own coordinates. */
  private renderedParts(): Box[] {
    const outline = grow({ x: 0, y: 0, width: this.width, height: this.height }, this.strokeWidths().outside)
    const effects = this.effects.filter((effect) => effect.visible && (effect.type === 'DROP_SHADOW' || effect.type === 'LAYER_BLUR'))
    return [
      outline,
      ...effects.map((effect) => grow({ ...outline, x: outline.x + (effect.offset?.x ?? 0), y: outline.y + (effect.offset?.y ?? 0) }, effect.radius + (effect.spread ?? 0))),
    ]
  }

  /** How far a visible stroke reaches inside and outside the node's edge. */
  private strokeWidths(): { inside: number; outside: number } {
    if (!this.strokes.some((paint) => paint.visible !== false)) return { inside: 0, outside: 0 }
    const weight = this.strokeWeight
    return this.strokeAlign === 'INSIDE' ? { inside: weight, outside: 0 } : this.strokeAlign === 'OUTSIDE' ? { inside: 0, outside: weight } : { inside: weight / 2, outside: weight / 2 }
  }

  resize(width: number, height: number): void {
    this.assertAlive()
    // Figma refuses a side under 0.01 (zero, negative) and one that is not a finite number.
    if (!(width >= 0.01 && Number.isFinite(width)) || !(height >= 0.01 && Number.isFinite(height))) throw new Error('Width and height must be >= 0.01')
    this._width = width
    this._height = height
    this.parent?.layoutChanged()
  }

  appendChild(child: FakeNode): void {
    this.insertChild(this.children.length, child)
  }

  insertChild(index: number, child: FakeNode): void {
    this.assertAlive()
    this.assertLoaded('appendChild')
    // As in Figma, an instance and the layers in it take no new children (docs/contracts.md).
    if (this.inInstance()) throw new Error('in appendChild: Cannot move node. New parent is an instance or is inside of an instance')
    this.attach(child, index)
  }

  private inInstance(): boolean {
    return this.type === 'INSTANCE' || (this.parent?.inInstance() ?? false)
  }

  /** Moves `child` here with no loading check: for the fake's helpers that set up a document. */
  attach(child: FakeNode, index = this.kids.length): void {
    const from = child.parent
    if (from) from.kids = from.kids.filter((c) => c !== child)
    // Moved to another parent, it joins that one's flow (unconfirmed in Figma: the fake takes the harsher case).
    if (from && from !== this) child._positioning = 'AUTO'
    child.parent = this
    this.kids.splice(index, 0, child)
    if (from && from !== this) {
      from.removeIfEmptyGroup()
      from.layoutChanged()
    }
    this.layoutChanged()
  }

  remove(): void {
    // Figma reports a selection change when a selected layer goes, not for any layer deleted.
    const selectedGone = this.holdsCurrentSelection()
    const from = this.parent
    if (from) from.kids = from.kids.filter((c) => c !== this)
    const markRemoved = (node: FakeNode) => {
      node.removed = true
      node.kids.forEach(markRemoved)
    }
    markRemoved(this)
    this.parent = null
    from?.removeIfEmptyGroup()
    from?.layoutChanged()
    if (selectedGone) this.registry.onSelectionChange()
  }

  /** Whether this node, or one inside it, is selected on the page in view. */
  private holdsCurrentSelection(): boolean {
    let page: FakeNode | null = this.parent
    while (page && page.type !== 'PAGE') page = page.parent
    if (!(page instanceof FakePageNode) || !this.registry.isCurrentPage(page)) return false
    return page.selection.some((node) => {
      for (let up: FakeNode | null = node; up; up = up.parent) if (up === this) return true
      return false
    })
  }

  /** Figma has no empty groups: one whose last child goes deletes itself. */
  private removeIfEmptyGroup(): void {
    if (this.type === 'GROUP' && this.kids.length === 0 && !this.removed) this.remove()
  }

  setPluginData(key: string, value: string): void {
    this.assertAlive()
    if (typeof value !== 'string') throw new Error('Plugin data values must be strings')
    const encoder = new TextEncoder()
    if (encoder.encode(key).length + encoder.encode(value).length > PLUGIN_DATA_LIMIT_BYTES) {
      throw new Error(`in setPluginData: the entry is too large (the limit is about 100 kB)`)
    }
    const before = this.pluginData.get(key)
    if (value === '') this.pluginData.delete(key)
    else this.pluginData.set(key, value)
    this.registry.changed?.(() => (before === undefined ? this.pluginData.delete(key) : this.pluginData.set(key, before)))
  }

  getPluginData(key: string): string {
    return this.pluginData.get(key) ?? ''
  }

  getPluginDataKeys(): string[] {
    return [...this.pluginData.keys()]
  }

  /** Figma's clone: a copy with a new id, beside the original in its parent; plugin data comes along, relaunch data too. */
  clone(): FakeNode {
    this.assertAlive()
    const copy = this.copyInto(this.parent)
    return copy
  }

  private copyInto(parent: FakeNode | null): FakeNode {
    const copy = this.blank()
    Object.assign(copy, { name: this.name, x: this.x, y: this.y, width: this.width, height: this.height, rotation: this.rotation, visible: this.visible, content: this.content })
    copy._positioning = this._positioning
    Object.assign(copy, { effects: this.effects, strokes: this.strokes, strokeWeight: this.strokeWeight, strokeAlign: this.strokeAlign })
    copy.fills = this._fills
    this.pluginData.forEach((value, key) => copy.pluginData.set(key, value))
    copy.relaunchData = { ...this.relaunchData }
    if (parent) parent.attach(copy, parent.kids.indexOf(this) + 1)
    this.kids.forEach((child) => child.copyInto(copy))
    return copy
  }

  /** A new node of this node's kind, not yet in the document. */
  protected blank(): FakeNode {
    return new FakeNode(this.registry, this.type, this.name)
  }

  setRelaunchData(data: Record<string, string>): void {
    this.relaunchData = { ...data }
  }

  getRelaunchData(): Record<string, string> {
    return { ...this.relaunchData }
  }

  /**
   * Real bytes, as Figma exports: the node as drawn on the page, over its
   * render bounds (a rotated node upright in its bounding box, corners clear; a
   * stroke outside and shadows around it), the constraint applied to that box.
   */
  async exportAsync(settings: ExportSettings = {}): Promise<Uint8Array> {
    this.assertAlive()
    const format = settings.format ?? 'PNG'
    if (format !== 'PNG' && format !== 'JPG') throw new Error(`The fake exports PNG and JPG only, not ${format}`)
    const bounds = this.absoluteRenderBounds ?? this.absoluteBoundingBox
    const { width, height } = exportSize(bounds.width, bounds.height, settings.constraint)
    this.exports.push({ settings, width, height })
    const seed = Number(this.id.split(':')[1] ?? 0)
    const content = (w: number, h: number) => (this.content === 'photo' ? photoPixel(w, h, seed) : (x: number, y: number) => flatPixel(x, y, seed))
    // Upright, filling its box and nothing drawn outside it: the node's own pixels fill the export.
    const [[a, b], [c]] = this.absoluteTransform
    const plain =
      a === 1 && b === 0 && c === 0 && bounds.width === this.width && bounds.height === this.height && this.strokeWidths().inside === 0 && this.fillsBox
    const drawn = plain ? content(width, height) : this.drawnPixel(bounds, width, content)
    const alpha = this.fillAlpha
    const pixel = alpha === 1 ? drawn : (x: number, y: number): Rgba => {
      const [r, g, b, a] = drawn(x, y)
      return [r, g, b, Math.round(a * alpha)]
    }
    return format === 'PNG' ? encodePng(width, height, pixel) : encodeJpeg(width, height, 85, this.content === 'photo' || !plain ? pixel : undefined)
  }

  /** Each pixel of an export over `bounds`: the node's content where it shows, its stroke, its shadow, or nothing. */
  private drawnPixel(bounds: Box, width: number, content: (w: number, h: number) => (x: number, y: number) => Rgba): (x: number, y: number) => Rgba {
    const scale = width / bounds.width
    const own = content(Math.max(1, Math.round(this.width * scale)), Math.max(1, Math.round(this.height * scale)))
    const [[a, b, tx], [c, d, ty]] = this.absoluteTransform
    const det = a * d - b * c
    const [outline, ...shadows] = this.renderedParts()
    const shown = grow({ x: 0, y: 0, width: this.width, height: this.height }, -this.strokeWidths().inside)
    const inside = (box: Box, u: number, v: number) => u >= box.x && u < box.x + box.width && v >= box.y && v < box.y + box.height
    return (x, y) => {
      // The page point at the pixel's centre, back into the node's own coordinates.
      const px = bounds.x + (x + 0.5) / scale - tx
      const py = bounds.y + (y + 0.5) / scale - ty
      const u = (d * px - b * py) / det
      const v = (-c * px + a * py) / det
      if (inside(shown, u, v)) return this.fillCovers(u, v) ? own(Math.floor(u * scale), Math.floor(v * scale)) : CLEAR_PIXEL
      if (inside(outline, u, v)) return STROKE_PIXEL
      return shadows.some((shadow) => inside(shadow, u, v)) ? SHADOW_PIXEL : CLEAR_PIXEL
    }
  }

  /**
   * How opaque Figma draws the node's fill: a shape whose solid fills are see-through
   * (a fill at 20%) exports at that alpha. Any other fill, or none set, is drawn opaque.
   */
  private get fillAlpha(): number {
    const shown = this._fills.filter((paint) => paint.visible !== false)
    if (shown.length === 0 || !shown.every((paint) => paint.type === 'SOLID')) return 1
    return 1 - shown.reduce((clear, paint) => clear * (1 - (typeof paint.opacity === 'number' ? paint.opacity : 1)), 1)
  }

  /**
   * Whether the node's fill covers its whole box. An ellipse leaves its box's corners clear, as Figma
   * exports it (the shape Edit area masks with); its stroke and shadow are still drawn as its box's.
   * Every other type fills its box (a vector's path is not modelled).
   */
  private get fillsBox(): boolean {
    return this.type !== 'ELLIPSE'
  }

  /** Whether the node's fill covers the point (u, v) of its own box. */
  private fillCovers(u: number, v: number): boolean {
    if (this.fillsBox) return true
    const dx = (u - this.width / 2) / (this.width / 2)
    const dy = (v - this.height / 2) / (this.height / 2)
    return dx * dx + dy * dy <= 1
  }

  protected assertAlive(): void {
    if (this.removed) throw new Error(`The node (id: ${this.id}) does not exist`)
  }

  /** Only a page can be unloaded. */
  protected assertLoaded(_what: string): void {}
}

/** Figma's export constraint: the pixel size of an export, rounded as Figma rounds. */
export function exportSize(
  width: number,
  height: number,
  constraint: ExportSettings['constraint'] = { type: 'SCALE', value: 1 },
): { width: number; height: number } {
  const scale =
    constraint.type === 'SCALE' ? constraint.value : constraint.type === 'WIDTH' ? constraint.value / width : constraint.value / height
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) }
}

/** A stroke's pixels in an export, and a shadow's: colours no content of the fake has. */
export const STROKE_PIXEL: Rgba = [255, 0, 255, 255]
export const SHADOW_PIXEL: Rgba = [0, 0, 0, 64]
const CLEAR_PIXEL: Rgba = [0, 0, 0, 0]

function multiply([[a, b, c], [d, e, f]]: Transform, [[g, h, i], [j, k, l]]: Transform): Transform {
  return [
    [a * g + b * j, a * h + b * k, a * i + b * l + c],
    [d * g + e * j, d * h + e * k, d * i + e * l + f],
  ]
}

/** The page box around `box` (in a node's own coordinates) once transformed. */
function boxAround([[a, b, tx], [c, d, ty]]: Transform, box: Box): Box {
  const corners = [
    [box.x, box.y],
    [box.x + box.width, box.y],
    [box.x, box.y + box.height],
    [box.x + box.width, box.y + box.height],
  ].map(([u, v]) => [a * u + b * v + tx, c * u + d * v + ty])
  // Rounded off at 1e-9 (cos 90° is not quite 0), and never -0.
  const clean = (n: number) => Math.round(n * 1e9) / 1e9 + 0
  const xs = corners.map(([x]) => clean(x))
  const ys = corners.map(([, y]) => clean(y))
  return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) }
}

function unionBox(a: Box, b: Box): Box {
  const x = Math.min(a.x, b.x)
  const y = Math.min(a.y, b.y)
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y }
}

function grow(box: Box, by: number): Box {
  return { x: box.x - by, y: box.y - by, width: box.width + 2 * by, height: box.height + 2 * by }
}

const FLAT_COLOURS: readonly Rgba[] = [[240, 240, 240, 255], [13, 153, 255, 255], [30, 30, 30, 255], [255, 199, 0, 255]]

/** Flat graphics: a few solid blocks of colour. */
function flatPixel(x: number, y: number, seed: number): Rgba {
  return FLAT_COLOURS[((x >> 6) + (y >> 6) * 3 + seed) % 4]
}

/** Photographic content: smooth gradients with deterministic grain, which PNG cannot squeeze. */
function photoPixel(width: number, height: number, seed: number): (x: number, y: number) => Rgba {
  return (x, y) => {
    const noise = ((x * 1103515245 + y * 12345 + seed * 2654435761) >>> 16) & 31
    return [((x / width) * 200 + noise) & 0xff, ((y / height) * 180 + noise) & 0xff, (((x + y) / (width + height)) * 160 + noise) & 0xff, 255]
  }
}

export class FakeTextNode extends FakeNode {
  private _characters = ''
  fontName: { family: string; style: string } | symbol = { family: 'Inter', style: 'Regular' }

  get characters(): string {
    return this._characters
  }

  /** As in Figma: the font must be loaded first (figma.loadFontAsync). */
  set characters(text: string) {
    const font = this.fontName
    if (typeof font === 'symbol' || !this.registry.isFontLoaded(font)) {
      throw new Error(`in set_characters: Cannot write to node with unloaded font "${typeof font === 'symbol' ? 'mixed' : `${font.family} ${font.style}`}". Please call figma.loadFontAsync(fontName) and await the returned promise first.`)
    }
    this._characters = text
  }

  /** For the fake's helpers that set up a document: no font loading. */
  setUpCharacters(text: string): void {
    this._characters = text
  }

  protected blank(): FakeNode {
    const copy = new FakeTextNode(this.registry, this.type, this.name)
    copy._characters = this._characters
    copy.fontName = this.fontName
    return copy
  }
}

export class FakePageNode extends FakeNode {
  /**
   * With dynamic-page access only the page in view is loaded when the plugin
   * starts; another loads on loadAsync or when it becomes the current page.
   * The fake does not assume getNodeByIdAsync loads a node's page.
   */
  loaded = false
  private _selection: FakeNode[] = []

  async loadAsync(): Promise<void> {
    this.assertAlive()
    this.loaded = true
  }

  protected assertLoaded(what: string): void {
    if (!this.loaded) throw new Error(`in ${what}: the page “${this.name}” is not loaded. Call page.loadAsync() first (documentAccess: dynamic-page).`)
  }

  get selection(): FakeNode[] {
    return this._selection.filter((node) => !node.removed)
  }

  set selection(nodes: FakeNode[]) {
    this._selection = [...nodes]
    if (this.registry.isCurrentPage(this)) this.registry.onSelectionChange()
  }
}
