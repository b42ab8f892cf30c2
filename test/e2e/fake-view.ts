/**
 * What the browser tests touch of the fake figma (test/fake-figma) in the page.
 * The fake is typed with Figma's typings, whose globals clash with the DOM's in
 * this tsconfig, so the tests get this structural view instead; host.ts checks
 * that the real fake still fits it.
 */

export interface FakePaintView {
  type: string
  imageHash?: string | null
  scaleMode?: string
  color?: { r: number; g: number; b: number }
  opacity?: number
}

export interface FakeNodeView {
  readonly id: string
  readonly type: string
  /** A group's or frame's layers. */
  readonly children: readonly FakeNodeView[]
  readonly parent: FakeNodeView | null
  readonly absoluteBoundingBox: { x: number; y: number; width: number; height: number }
  name: string
  x: number
  y: number
  width: number
  height: number
  fills: readonly FakePaintView[]
  /** In a frame with auto layout: 'AUTO' in its flow, 'ABSOLUTE' out of it (docs/contracts.md#figma-auto-layout). */
  layoutPositioning: 'AUTO' | 'ABSOLUTE'
  /** Degrees, counter-clockwise about the top-left corner. */
  rotation: number
  effects: readonly { type: 'DROP_SHADOW' | 'INNER_SHADOW' | 'LAYER_BLUR' | 'BACKGROUND_BLUR'; visible: boolean; radius: number; offset?: { x: number; y: number }; spread?: number }[]
  strokes: readonly { type: string; visible?: boolean }[]
  strokeWeight: number
  strokeAlign: 'INSIDE' | 'OUTSIDE' | 'CENTER'
  getPluginData(key: string): string
  setPluginData(key: string, value: string): void
  getRelaunchData(): Record<string, string>
  exportAsync(settings?: { format?: 'PNG' | 'JPG'; constraint?: { type: 'SCALE' | 'WIDTH' | 'HEIGHT'; value: number } }): Promise<Uint8Array>
  remove(): void
  /** Moves `child` into this layer (a frame, group or section), as dragging it there in the layers panel. */
  appendChild(child: FakeNodeView): void
}

interface NodePropsView {
  name?: string
  x?: number
  y?: number
  width?: number
  height?: number
  content?: 'flat' | 'photo'
  rotation?: number
}

// Methods, not function properties: tests wrap them (sendFromUi, createImage,
// postMessage) with narrower parameters to watch what goes through.
export interface FakeFigmaView {
  figma: {
    command: string
    createImage(bytes: Uint8Array): { hash: string }
    ui: { postMessage(message: unknown): void }
    /** The document: its plugin data holds the file's history (plugin/history/history.ts). */
    root: { getPluginDataKeys(): string[]; getPluginData(key: string): string; setPluginData(key: string, value: string): void }
  }
  page: { readonly children: readonly FakeNodeView[]; selection: FakeNodeView[] }
  storage: Map<string, unknown>
  /** What figma.openExternal was asked to open, in order. */
  openedUrls: string[]
  images: Map<string, { bytes: Uint8Array; width: number; height: number }>
  undoSteps(): number
  /** The designer presses undo once (test/fake-figma/index.ts); false when there was nothing to undo. */
  undo(): boolean
  notifications: { message: string; options?: { error?: boolean } }[]
  closed(): boolean
  uiVisible(): boolean
  uiSize(): { width: number; height: number }
  sendFromUi(message: unknown): Promise<void>
  /** An empty frame: a place for a new image, never a picture the panel sends. */
  addFrame(props?: NodePropsView): FakeNodeView
  /** A frame holding a layer of the designer's (a headline): a picture to refine, upscale or combine (test/fake-figma/index.ts). */
  addLayout(props?: NodePropsView): FakeNodeView
  /** A rectangle, in `parent` (a frame) when given. */
  addRectangle(props?: NodePropsView, parent?: FakeNodeView): FakeNodeView
  /** A placed photo: a rectangle filled with an image of its picture (test/fake-figma/index.ts). */
  addPhoto(props?: NodePropsView & { imageWidth?: number }, parent?: FakeNodeView): Promise<FakeNodeView>
  addEllipse(props?: NodePropsView): FakeNodeView
  addLine(props?: Omit<NodePropsView, 'height'>): FakeNodeView
  /** A path drawn with the pen: 0 high for a straight horizontal stroke. */
  addVector(props?: NodePropsView): FakeNodeView
  /** A text layer, in `parent` (a frame) when given. */
  addText(props?: NodePropsView & { characters?: string; font?: { family: string; style: string } }, parent?: FakeNodeView): FakeNodeView
  /** A section, on `parent` (a page, or a section) when given. */
  addSection(props?: NodePropsView, parent?: FakeNodeView): FakeNodeView
  select(...nodes: FakeNodeView[]): void
  allNodes(): FakeNodeView[]
}
