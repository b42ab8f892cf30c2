/**
 * A vector as the pen and pencil make it: its outline is `vectorPaths`, SVG
 * path data in the node's own coordinates (0,0 at its top left), read-only
 * and replaced wholesale as in Figma.
 */
import { FakeNode, type Registry } from './nodes'

export interface FakeVectorPath {
  readonly windingRule: 'NONZERO' | 'EVENODD' | 'NONE'
  readonly data: string
}

export class FakeVectorNode extends FakeNode {
  private _vectorPaths: readonly FakeVectorPath[] = Object.freeze([])

  constructor(registry: Registry, name: string) {
    super(registry, 'VECTOR', name)
  }

  get vectorPaths(): readonly FakeVectorPath[] {
    return this._vectorPaths
  }

  set vectorPaths(paths: readonly FakeVectorPath[]) {
    if (!Array.isArray(paths) || paths.some((path) => typeof path?.data !== 'string')) throw new Error('vectorPaths must be an array of { windingRule, data }')
    this._vectorPaths = Object.freeze(paths.map((path) => Object.freeze({ windingRule: path.windingRule, data: path.data })))
  }

  protected blank(): FakeNode {
    const copy = new FakeVectorNode(this.registry, this.name)
    copy._vectorPaths = this._vectorPaths
    return copy
  }
}
