/**
 * A group as Figma keeps it: always sized and placed to fit its children (its
 * x, y, width and height are theirs, read live), moving it moves them (an
 * auto layout placing it too), its children hold coordinates in the group's
 * parent's space, and a group left with no children deletes itself.
 */
import { FakeNode, type Registry } from './nodes'

export class FakeGroupNode extends FakeNode {
  constructor(registry: Registry, name: string) {
    super(registry, 'GROUP', name)
  }

  private bounds(): { left: number; top: number; width: number; height: number } {
    const kids = this.kids
    const left = Math.min(...kids.map((c) => c.x))
    const top = Math.min(...kids.map((c) => c.y))
    return { left, top, width: Math.max(...kids.map((c) => c.x + c.width)) - left, height: Math.max(...kids.map((c) => c.y + c.height)) - top }
  }

  get x(): number {
    return this.bounds().left
  }

  set x(x: number) {
    if (!this.inFlow()) this.moveBy(x - this.bounds().left, 0)
  }

  get y(): number {
    return this.bounds().top
  }

  set y(y: number) {
    if (!this.inFlow()) this.moveBy(0, y - this.bounds().top)
  }

  get width(): number {
    return this.bounds().width
  }

  set width(_width: number) {}

  get height(): number {
    return this.bounds().height
  }

  set height(_height: number) {}

  placeAt(x: number, y: number): void {
    const { left, top } = this.bounds()
    this.moveBy(x - left, y - top)
  }

  /** Its children are in its parent's space: moving or sizing one moves the group in its parent's flow. */
  layoutChanged(): void {
    this.parent?.layoutChanged()
  }

  private moveBy(dx: number, dy: number): void {
    if (dx === 0 && dy === 0) return
    for (const child of this.kids) {
      child.x += dx
      child.y += dy
    }
  }

  resize(): void {
    throw new Error('The fake does not scale a group’s children: resize them instead')
  }
}
