/**
 * Scene nodes of the fake `figma` API: real geometry (x, y, width, height,
 * resize, absolute bounds through parents), fills that are read-only arrays
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
}

/** Figma's limit on one plugin data entry, "about 100 kB" (docs/contracts.md#figma-plugin-data): key and value, in UTF-8 bytes. */
export const PLUGIN_DATA_LIMIT_BYTES = 100_000

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
  x = 0
  y = 0
  width = 100
  height = 100
  rotation = 0
  locked = false
  visible = true
  removed = false
  content: FakeContent = 'flat'
  /** Every export of this node, for tests: the settings and the pixel size made. */
  exports: { settings: ExportSettings; width: number; height: number }[] = []
  private _fills: readonly Paint[] = Object.freeze([])
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
    this._fills = Object.freeze(paints.map((paint) => Object.freeze({ ...paint })))
  }

  /** As in Figma, a new read-only array on every read; a page must be loaded first. */
  get children(): readonly FakeNode[] {
    this.assertLoaded('children')
    return Object.freeze(this.kids.slice())
  }

  get absoluteTransform(): [[number, number, number], [number, number, number]] {
    const { x, y } = this.absolutePosition()
    return [
      [1, 0, x],
      [0, 1, y],
    ]
  }

  get absoluteBoundingBox(): { x: number; y: number; width: number; height: number } {
    return { ...this.absolutePosition(), width: this.width, height: this.height }
  }

  private absolutePosition(): { x: number; y: number } {
    let x = this.x
    let y = this.y
    // A page is no offset; groups in Figma hold absolute child coordinates, frames relative ones.
    for (let p = this.parent; p && p.type !== 'PAGE' && p.type !== 'DOCUMENT'; p = p.parent) {
      if (p.type !== 'GROUP') {
        x += p.x
        y += p.y
      }
    }
    return { x, y }
  }

  resize(width: number, height: number): void {
    this.assertAlive()
    // Figma refuses a side under 0.01 (zero, negative) and one that is not a finite number.
    if (!(width >= 0.01 && Number.isFinite(width)) || !(height >= 0.01 && Number.isFinite(height))) throw new Error('Width and height must be >= 0.01')
    this.width = width
    this.height = height
  }

  appendChild(child: FakeNode): void {
    this.insertChild(this.children.length, child)
  }

  insertChild(index: number, child: FakeNode): void {
    this.assertAlive()
    this.assertLoaded('appendChild')
    this.attach(child, index)
  }

  /** Moves `child` here with no loading check: for the fake's helpers that set up a document. */
  attach(child: FakeNode, index = this.kids.length): void {
    const from = child.parent
    if (from) from.kids = from.kids.filter((c) => c !== child)
    child.parent = this
    this.kids.splice(index, 0, child)
    if (from && from !== this) from.removeIfEmptyGroup()
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
    if (value === '') this.pluginData.delete(key)
    else this.pluginData.set(key, value)
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

  async exportAsync(settings: ExportSettings = {}): Promise<Uint8Array> {
    this.assertAlive()
    const format = settings.format ?? 'PNG'
    if (format !== 'PNG' && format !== 'JPG') throw new Error(`The fake exports PNG and JPG only, not ${format}`)
    const { width, height } = exportSize(this.width, this.height, settings.constraint)
    this.exports.push({ settings, width, height })
    const seed = Number(this.id.split(':')[1] ?? 0)
    const pixel = this.content === 'photo' ? photoPixel(width, height, seed) : undefined
    return format === 'PNG' ? encodePng(width, height, pixel ?? ((x, y) => flatPixel(x, y, seed))) : encodeJpeg(width, height, 85, pixel)
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
