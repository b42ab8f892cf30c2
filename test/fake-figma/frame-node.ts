/**
 * A frame, with auto layout as Figma documents it (docs/contracts.md#figma-auto-layout):
 * with `layoutMode` 'HORIZONTAL' or 'VERTICAL' it places its visible children
 * whose `layoutPositioning` is 'AUTO' one after another, from its padding,
 * `itemSpacing` apart (aligned to the start: the fake models no other
 * alignment), so inserting one moves those after it; on an axis whose sizing
 * mode is 'AUTO' it hugs them, growing and shrinking with them. An 'ABSOLUTE'
 * child keeps the place the plugin gives it and takes no room. 'GRID' is an
 * auto layout too (its children refuse moves by x and y) whose cells the fake
 * does not model: its children stay where they are.
 */
import { FakeNode } from './nodes'

export type LayoutMode = 'NONE' | 'HORIZONTAL' | 'VERTICAL' | 'GRID'
type SizingMode = 'FIXED' | 'AUTO'

interface Layout {
  layoutMode: LayoutMode
  paddingLeft: number
  paddingRight: number
  paddingTop: number
  paddingBottom: number
  itemSpacing: number
  primaryAxisSizingMode: SizingMode
  counterAxisSizingMode: SizingMode
}

const LAYOUT_MODES: readonly string[] = ['NONE', 'HORIZONTAL', 'VERTICAL', 'GRID']

export class FakeFrameNode extends FakeNode {
  /** A new frame clips what it holds to its box (unconfirmed for figma.createFrame; the fake takes the case that would cut something). */
  clipsContent = true
  private layout: Layout = {
    layoutMode: 'NONE',
    paddingLeft: 0,
    paddingRight: 0,
    paddingTop: 0,
    paddingBottom: 0,
    itemSpacing: 0,
    primaryAxisSizingMode: 'FIXED',
    counterAxisSizingMode: 'FIXED',
  }
  /** Figma draws an auto layout's first child on top when true; the fake only keeps it (it draws nothing). */
  itemReverseZIndex = false
  private laying = false

  get layoutMode(): LayoutMode {
    return this.layout.layoutMode
  }

  set layoutMode(mode: LayoutMode) {
    if (!LAYOUT_MODES.includes(mode)) throw new Error(`layoutMode must be one of ${LAYOUT_MODES.join(', ')}, not ${String(mode)}`)
    this.change({ layoutMode: mode })
  }

  get paddingLeft(): number {
    return this.layout.paddingLeft
  }

  set paddingLeft(value: number) {
    this.change({ paddingLeft: value })
  }

  get paddingRight(): number {
    return this.layout.paddingRight
  }

  set paddingRight(value: number) {
    this.change({ paddingRight: value })
  }

  get paddingTop(): number {
    return this.layout.paddingTop
  }

  set paddingTop(value: number) {
    this.change({ paddingTop: value })
  }

  get paddingBottom(): number {
    return this.layout.paddingBottom
  }

  set paddingBottom(value: number) {
    this.change({ paddingBottom: value })
  }

  get itemSpacing(): number {
    return this.layout.itemSpacing
  }

  set itemSpacing(value: number) {
    this.change({ itemSpacing: value })
  }

  get primaryAxisSizingMode(): SizingMode {
    return this.layout.primaryAxisSizingMode
  }

  set primaryAxisSizingMode(mode: SizingMode) {
    this.change({ primaryAxisSizingMode: mode })
  }

  get counterAxisSizingMode(): SizingMode {
    return this.layout.counterAxisSizingMode
  }

  set counterAxisSizingMode(mode: SizingMode) {
    this.change({ counterAxisSizingMode: mode })
  }

  laysOutChildren(): boolean {
    return this.layout.layoutMode !== 'NONE'
  }

  /** Places the flow's children again, and hugs them on an 'AUTO' axis; a change of size moves this frame's own parent's flow. */
  layoutChanged(): void {
    const { layoutMode, paddingLeft, paddingRight, paddingTop, paddingBottom, itemSpacing } = this.layout
    if ((layoutMode !== 'HORIZONTAL' && layoutMode !== 'VERTICAL') || this.laying) return
    this.laying = true
    try {
      const across = layoutMode === 'HORIZONTAL'
      const flow = this.kids.filter((child) => child.visible && child.layoutPositioning === 'AUTO')
      let at = across ? paddingLeft : paddingTop
      for (const child of flow) {
        child.placeAt(across ? at : paddingLeft, across ? paddingTop : at)
        at += (across ? child.width : child.height) + itemSpacing
      }
      if (flow.length === 0) return
      const length = at - itemSpacing + (across ? paddingRight : paddingBottom)
      const thickness = Math.max(...flow.map((child) => (across ? child.height : child.width))) + (across ? paddingTop + paddingBottom : paddingLeft + paddingRight)
      let { width, height } = this
      if (this.layout.primaryAxisSizingMode === 'AUTO') [width, height] = across ? [length, height] : [width, length]
      if (this.layout.counterAxisSizingMode === 'AUTO') [width, height] = across ? [width, thickness] : [thickness, height]
      if (width === this.width && height === this.height) return
      this.sizeTo(width, height)
      this.parent?.layoutChanged()
    } finally {
      this.laying = false
    }
  }

  private change(values: Partial<Layout>): void {
    this.assertAlive()
    this.layout = { ...this.layout, ...values }
    this.layoutChanged()
  }

  protected blank(): FakeNode {
    const copy = new FakeFrameNode(this.registry, this.type, this.name)
    copy.layout = { ...this.layout }
    copy.itemReverseZIndex = this.itemReverseZIndex
    return copy
  }
}
