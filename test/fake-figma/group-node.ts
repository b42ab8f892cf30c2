/**
 * A group as Figma keeps it: always sized and placed to fit its children (its
 * x, y, width and height are theirs, read live), moving it moves them, its
 * children hold coordinates in the group's parent's space, and a group left
 * with no children deletes itself.
 */
import { FakeNode, type Registry } from './nodes'

export class FakeGroupNode extends FakeNode {
  constructor(registry: Registry, name: string) {
    super(registry, 'GROUP', name)
    // FakeNode's geometry is plain fields, set on the instance: a group's own are read from its children.
    const bounds = () => {
      const kids = this.kids
      const left = Math.min(...kids.map((c) => c.x))
      const top = Math.min(...kids.map((c) => c.y))
      return { left, top, width: Math.max(...kids.map((c) => c.x + c.width)) - left, height: Math.max(...kids.map((c) => c.y + c.height)) - top }
    }
    Object.defineProperties(this, {
      x: { get: () => bounds().left, set: (x: number) => this.moveBy(x - bounds().left, 0), configurable: true },
      y: { get: () => bounds().top, set: (y: number) => this.moveBy(0, y - bounds().top), configurable: true },
      width: { get: () => bounds().width, set: () => {}, configurable: true },
      height: { get: () => bounds().height, set: () => {}, configurable: true },
    })
  }

  private moveBy(dx: number, dy: number): void {
    for (const child of this.kids) {
      child.x += dx
      child.y += dy
    }
  }

  resize(): void {
    throw new Error('The fake does not scale a group’s children: resize them instead')
  }
}
