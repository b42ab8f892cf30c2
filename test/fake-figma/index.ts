/**
 * A typed fake of the `figma` global (docs/contracts.md#test-stand-ins), faithful where the
 * plugin depends on it: geometry and auto layout (frame-node.ts), fills, plugin data, clientStorage,
 * createImage's format and 4096 px checks, exportAsync's real bytes,
 * dynamic-page node lookups and page loading, several pages and switching
 * between them, selection events, undo steps and the UI channel. One
 * viewport serves whichever page is current.
 * It runs in Node for the sandbox's tests and in the browser host page for
 * end-to-end tests, so it uses no Node API.
 */
import { readImageInfo } from '../images/png'
import { FakeFrameNode } from './frame-node'
import { FakeGroupNode } from './group-node'
import { FakeNode, FakePageNode, FakeTextNode, type Paint, type Registry } from './nodes'
import { FakeVectorNode, type FakeVectorPath } from './vector-node'

export { FakeNode, FakePageNode, FakeTextNode } from './nodes'
export { FakeGroupNode } from './group-node'
export { FakeFrameNode, type LayoutMode } from './frame-node'
export { FakeVectorNode, type FakeVectorPath } from './vector-node'

/** Figma's limit on each side of an image given to createImage. */
export const FIGMA_MAX_IMAGE_SIDE = 4096
/** Figma's total for one plugin's clientStorage. */
export const CLIENT_STORAGE_LIMIT = 5 * 1024 * 1024

export interface FakeUiAdapter {
  /** figma.showUI was called: show `html` (the host page puts it in an iframe). */
  onShow?: (html: string, options: ShowUIOptions) => void
  /** The sandbox posted a message to the UI. */
  onPostMessage?: (message: unknown) => void
  /** The UI was shown or hidden (figma.ui.show, figma.ui.hide). */
  onVisibility?: (visible: boolean) => void
  /** figma.ui.resize: the UI's new size. */
  onResize?: (width: number, height: number) => void
}

export interface FakeFigmaOptions {
  ui?: FakeUiAdapter
  html?: string
  /** The visible area of the canvas. */
  viewport?: { x: number; y: number; width: number; height: number }
  /** figma.command: the menu command, quick action or relaunch button the plugin was launched for ('' for none). */
  command?: string
}

interface FakeImage {
  hash: string
  bytes: Uint8Array
  width: number
  height: number
}

type Listener = (...args: unknown[]) => unknown

export interface FakeFigma {
  /** Install as `globalThis.figma`. */
  figma: PluginAPI
  /** The first page, current and loaded when the fake starts. */
  page: FakePageNode
  /** Adds a page after the others, not loaded, as a page not yet visited in a file opened with dynamic-page access. */
  addPage: (name?: string) => FakePageNode
  /** Every message the sandbox posted to the UI, in order. */
  uiMessages: unknown[]
  notifications: { message: string; options?: NotificationOptions }[]
  /** How many times figma.commitUndo() was called. */
  undoSteps: () => number
  /**
   * The designer presses undo: what was changed since the last step ended (or,
   * with nothing since, the last step) is reverted, as Figma takes back one step.
   * Reverted: layers made (removed again), fills and plugin data set; not
   * moves between parents. False when there is nothing to undo.
   */
  undo: () => boolean
  /** The file as set up so far (a test's own layers) is the designer's, before any step of the plugin's. */
  designerStep: () => void
  scrolledTo: FakeNode[][]
  images: Map<string, FakeImage>
  storage: Map<string, unknown>
  shownWith: { html: string; options: ShowUIOptions } | null
  /** Every URL given to figma.openExternal, in order (the designer's browser would open each). */
  openedUrls: string[]
  /** Whether the UI shows: showUI's `visible`, then ui.show() and ui.hide(). */
  uiVisible: () => boolean
  /** The UI's size: showUI's, then every figma.ui.resize. */
  uiSize: () => { width: number; height: number }
  closed: () => boolean
  /**
   * The designer types `query` into the quick action bar for parameter `key`:
   * resolves with the suggestions the plugin set, as Figma shows them
   * (a plain string suggestion as { name }).
   */
  typeParameter: (key: string, query: string, parameters?: ParameterValues) => Promise<{ name: string; data?: unknown }[]>
  /**
   * The plugin is closed and run again on the same document, as when a designer
   * reopens it: its listeners, message handler and UI are gone; the document,
   * its pages and plugin data stay, and so does clientStorage (clear it for another designer).
   */
  reopen: () => void
  /** Figma runs the plugin: its 'run' event, after the quick action's parameters were entered. */
  run: (parameters?: ParameterValues) => void
  /** Delivers a message from the UI as Figma does, and waits for the handlers. */
  sendFromUi: (message: unknown) => Promise<void>
  /** Layers are added to `parent`, else to the current page (even a page not loaded: this sets up the file). */
  /** An empty frame: no image, no layers of its own; a place for a new image (its flat fill exports as `content`). */
  addFrame: (props?: NodeProps, parent?: FakeNode) => FakeFrameNode
  /**
   * A frame holding a layer of the designer's (a headline in its top corner), as a post or a
   * layout does: a picture the panel refines and upscales, where an empty frame is only filled.
   */
  addLayout: (props?: NodeProps, parent?: FakeNode) => FakeFrameNode
  /** A component's instance: a frame that takes no new child, nor does any layer in it (its own are set up here). */
  addInstance: (props?: NodeProps, parent?: FakeNode) => FakeFrameNode
  addRectangle: (props?: NodeProps, parent?: FakeNode) => FakeNode
  /**
   * A placed photo, as Figma makes when an image is dropped in: a rectangle whose fill is an
   * image (its own picture, `content` 'photo' unless given), scaled to fill. With `imageWidth`
   * the image is that many pixels wide, smaller than the layer, as a downscaled file would be.
   */
  addPhoto: (props?: NodeProps & { imageWidth?: number }, parent?: FakeNode) => Promise<FakeNode>
  addEllipse: (props?: NodeProps, parent?: FakeNode) => FakeNode
  /** A line: `width` long and, as in Figma, 0 high (a divider). */
  addLine: (props?: Omit<NodeProps, 'height'>, parent?: FakeNode) => FakeNode
  /** A pen shape: its outline in `vectorPaths` (SVG path data in its own coordinates), a triangle if none is given. */
  addVector: (props?: NodeProps & { vectorPaths?: FakeVectorPath[] }, parent?: FakeNode) => FakeVectorNode
  addGroup: (children: FakeNode[], props?: Partial<NodeProps>) => FakeNode
  /** A section: a box of its own size that holds layers, on a page or in another section, and is not a frame. */
  addSection: (props?: NodeProps, parent?: FakeNode) => FakeNode
  addText: (props?: NodeProps & { characters?: string; font?: { family: string; style: string } | 'mixed' }, parent?: FakeNode) => FakeNode
  /** A local paint style of the file, as figma.getLocalPaintStylesAsync lists it. */
  addPaintStyle: (name: string, paints: Paint[]) => void
  /**
   * A local colour variable, or an alias to another variable, in the collection of that name
   * (made on first use, with one mode, its default): its value is keyed by that mode's id.
   */
  addColourVariable: (name: string, value: RGBA | { type: 'VARIABLE_ALIAS'; id: string }, collection?: string) => void
  /** Selects on the current page. */
  select: (...nodes: FakeNode[]) => void
  /** All live nodes on every page, depth first. */
  allNodes: () => FakeNode[]
}

export interface NodeProps {
  name?: string
  x?: number
  y?: number
  width?: number
  height?: number
  locked?: boolean
  content?: 'flat' | 'photo'
  /** Degrees, counter-clockwise, about the node's top-left corner (x, y). */
  rotation?: number
}

export function createFakeFigma(options: FakeFigmaOptions = {}): FakeFigma {
  let counter = 0
  const listeners = new Map<string, Set<Listener>>()
  const emit = (event: string, ...args: unknown[]) => {
    for (const listener of [...(listeners.get(event) ?? [])]) listener(...args)
  }
  const registry: Registry = {
    nodes: new Map(),
    nextId: () => `1:${++counter}`,
    // Figma reports selection changes asynchronously, after the change is done.
    onSelectionChange: () => queueMicrotask(() => emit('selectionchange')),
    isCurrentPage: (candidate) => candidate === current,
    isFontLoaded: (font) => loadedFonts.has(`${font.family}\u0000${font.style}`),
    changed: (revert) => pending.push(revert),
  }
  // Undo: the changes of the step in progress, and the steps commitUndo ended, newest last.
  let pending: (() => void)[] = []
  const steps: (() => void)[][] = []
  const revertAll = (reverts: (() => void)[]) => {
    const taken = reverts.slice().reverse()
    // Reverting is no change of its own: nothing it does joins a step.
    const changed = registry.changed
    registry.changed = undefined
    for (const revert of taken) revert()
    registry.changed = changed
  }
  const loadedFonts = new Set<string>()
  const paintStyles: { id: string; name: string; type: 'PAINT'; paints: readonly Paint[] }[] = []
  const colourVariables: { id: string; name: string; resolvedType: 'COLOR'; variableCollectionId: string; valuesByMode: Record<string, unknown> }[] = []
  const variableCollections: { id: string; name: string; defaultModeId: string; modes: { modeId: string; name: string }[]; variableIds: string[] }[] = []
  const document = new FakeNode(registry, 'DOCUMENT', 'Document')
  const page = new FakePageNode(registry, 'PAGE', 'Page 1')
  page.loaded = true
  document.attach(page)
  let current = page

  const images = new Map<string, FakeImage>()
  const storage = new Map<string, unknown>()
  const uiMessages: unknown[] = []
  const notifications: FakeFigma['notifications'] = []
  const scrolledTo: FakeNode[][] = []
  const openedUrls: string[] = []
  const uiHandlers = new Set<Listener>()
  let onmessage: Listener | undefined
  let undoSteps = 0
  let closed = false
  let shownWith: FakeFigma['shownWith'] = null
  let uiVisible = false
  let uiSize = { width: 0, height: 0 }
  const parameterListeners = new Set<(event: ParameterInputEvent) => void>()
  const view = options.viewport ?? { x: -400, y: -300, width: 1600, height: 1000 }
  const mixed = Symbol('figma.mixed')

  // Figma parents a new node under the current page.
  const make = <T extends FakeNode>(node: T, props: NodeProps = {}, parent: FakeNode = current): T => {
    node.x = props.x ?? 0
    node.y = props.y ?? 0
    node.width = props.width ?? 100
    node.height = props.height ?? 100
    node.rotation = props.rotation ?? 0
    node.locked = props.locked ?? false
    node.content = props.content ?? 'flat'
    parent.attach(node)
    return node
  }

  const figma = {
    mixed,
    root: document,
    get currentPage(): FakePageNode {
      return current
    },
    set currentPage(_page: FakePageNode) {
      throw new Error('Cannot set figma.currentPage with documentAccess: dynamic-page. Use figma.setCurrentPageAsync instead.')
    },
    async setCurrentPageAsync(next: FakePageNode) {
      if (!(next instanceof FakePageNode) || next.removed) throw new Error('setCurrentPageAsync expects a page of this document')
      await next.loadAsync()
      if (next === current) return
      current = next
      // A page switch is reported after it is done; it always brings a selectionchange (the selection is per page).
      queueMicrotask(() => {
        emit('currentpagechange')
        emit('selectionchange')
      })
    },
    apiVersion: '1.0.0',
    editorType: 'figma',
    command: options.command ?? '',
    parameters: {
      on(event: string, listener: (event: ParameterInputEvent) => void) {
        if (event === 'input') parameterListeners.add(listener)
      },
      once(event: string, listener: (event: ParameterInputEvent) => void) {
        if (event !== 'input') return
        const wrapped = (input: ParameterInputEvent) => {
          parameterListeners.delete(wrapped)
          listener(input)
        }
        parameterListeners.add(wrapped)
      },
      off(event: string, listener: (event: ParameterInputEvent) => void) {
        if (event === 'input') parameterListeners.delete(listener)
      },
    },
    showUI(html: string, showOptions: ShowUIOptions = {}) {
      shownWith = { html, options: showOptions }
      uiVisible = showOptions.visible ?? true
      // Figma's defaults, and its 70 px floor on the width.
      uiSize = { width: Math.max(70, showOptions.width ?? 300), height: Math.max(0, showOptions.height ?? 200) }
      options.ui?.onShow?.(html, showOptions)
    },
    ui: {
      postMessage(message: unknown) {
        // Structured clone, as the real channel does: the UI never shares objects with the sandbox.
        const cloned = structuredClone(message)
        uiMessages.push(cloned)
        options.ui?.onPostMessage?.(cloned)
      },
      get onmessage() {
        return onmessage
      },
      set onmessage(handler: Listener | undefined) {
        onmessage = handler
      },
      on(event: string, handler: Listener) {
        if (event === 'message') uiHandlers.add(handler)
      },
      off(event: string, handler: Listener) {
        if (event === 'message') uiHandlers.delete(handler)
      },
      resize(width: number, height: number) {
        uiSize = { width: Math.max(70, Math.round(width)), height: Math.max(0, Math.round(height)) }
        options.ui?.onResize?.(uiSize.width, uiSize.height)
      },
      show() {
        uiVisible = true
        options.ui?.onVisibility?.(true)
      },
      hide() {
        uiVisible = false
        options.ui?.onVisibility?.(false)
      },
      close() {},
    },
    clientStorage: {
      async getAsync(key: string) {
        return storage.has(key) ? structuredClone(storage.get(key)) : undefined
      },
      async setAsync(key: string, value: unknown) {
        const next = new Map(storage).set(key, structuredClone(value))
        const size = [...next].reduce((n, [k, v]) => n + k.length + JSON.stringify(v ?? null).length, 0)
        if (size > CLIENT_STORAGE_LIMIT) throw new Error('clientStorage is over its 5 MB limit')
        storage.set(key, structuredClone(value))
      },
      async deleteAsync(key: string) {
        storage.delete(key)
      },
      async keysAsync() {
        return [...storage.keys()]
      },
    },
    createImage(bytes: Uint8Array) {
      if (!(bytes instanceof Uint8Array)) throw new Error('createImage expects a Uint8Array')
      const info = readImageInfo(bytes)
      if (!info || info.format === 'webp') throw new Error('Image type is unsupported')
      if (info.width > FIGMA_MAX_IMAGE_SIDE || info.height > FIGMA_MAX_IMAGE_SIDE) throw new Error('Image is too large')
      const hash = hashBytes(bytes)
      images.set(hash, { hash, bytes: bytes.slice(), width: info.width, height: info.height })
      return imageHandle(images.get(hash)!)
    },
    getImageByHash(hash: string) {
      const image = images.get(hash)
      return image ? imageHandle(image) : null
    },
    /** A created page is loaded: the plugin may add to it at once. */
    createPage() {
      const added = new FakePageNode(registry, 'PAGE', 'Page 1')
      added.loaded = true
      document.attach(added)
      return added
    },
    async loadFontAsync(font: { family: string; style: string }) {
      if (typeof font?.family !== 'string' || typeof font?.style !== 'string') throw new Error('loadFontAsync expects a FontName')
      loadedFonts.add(`${font.family}\u0000${font.style}`)
    },
    async getLocalPaintStylesAsync() {
      return paintStyles.map((style) => ({ ...style, paints: style.paints }))
    },
    // Colour variables only, each collection with one mode, its default.
    variables: {
      async getLocalVariablesAsync(type?: string) {
        return type === undefined || type === 'COLOR' ? colourVariables.map((variable) => ({ ...variable, valuesByMode: { ...variable.valuesByMode } })) : []
      },
      async getVariableCollectionByIdAsync(id: string) {
        const collection = variableCollections.find((c) => c.id === id)
        return collection ? { ...collection, modes: collection.modes.map((mode) => ({ ...mode })), variableIds: collection.variableIds.slice() } : null
      },
    },
    createRectangle: () => make(new FakeNode(registry, 'RECTANGLE', 'Rectangle')),
    createFrame: () => {
      // As in Figma, a new frame is white (docs/contracts.md#figma-frames-and-moving-layers).
      const frame = make(new FakeFrameNode(registry, 'FRAME', 'Frame'))
      frame.fills = [{ type: 'SOLID', color: { r: 1, g: 1, b: 1 } }]
      return frame
    },
    createText: () => make(new FakeTextNode(registry, 'TEXT', 'Text')),
    group(nodes: readonly FakeNode[], parent: FakeNode, index?: number) {
      // Figma's own checks: no empty groups, only live nodes, and a parent that can take children now.
      if (!Array.isArray(nodes) || nodes.length === 0) throw new Error('First argument to group() must be an array of at least one node')
      if (nodes.some((node) => !(node instanceof FakeNode) || node.removed)) throw new Error('Cannot group a node that does not exist')
      if (!(parent instanceof FakeNode) || parent.removed) throw new Error('The parent of a group must be a node that exists')
      const group = new FakeGroupNode(registry, 'Group')
      // Read through `children`: a page not loaded takes no group, and nothing has moved yet.
      const count = parent.children.length
      const at = Math.min(index ?? count, count)
      // The fake's nodes keep their x and y: right for nodes already in the parent's space, the only use here.
      // Grouped first, then put in place: the group is never empty in the parent, whose flow places it whole.
      nodes.forEach((node) => group.attach(node))
      parent.insertChild(Math.min(at, parent.kids.length), group)
      return group
    },
    async getNodeByIdAsync(id: string) {
      const node = registry.nodes.get(id)
      return node && !node.removed ? node : null
    },
    getNodeById() {
      throw new Error('Cannot call getNodeById with documentAccess: dynamic-page. Use figma.getNodeByIdAsync instead.')
    },
    on(event: string, listener: Listener) {
      if (!listeners.has(event)) listeners.set(event, new Set())
      listeners.get(event)!.add(listener)
    },
    once(event: string, listener: Listener) {
      const wrapped: Listener = (...args) => {
        listeners.get(event)?.delete(wrapped)
        return listener(...args)
      }
      figma.on(event, wrapped)
    },
    off(event: string, listener: Listener) {
      listeners.get(event)?.delete(listener)
    },
    viewport: {
      get center() {
        return { x: view.x + view.width / 2, y: view.y + view.height / 2 }
      },
      get bounds() {
        return { ...view }
      },
      zoom: 1,
      scrollAndZoomIntoView(nodes: FakeNode[]) {
        scrolledTo.push([...nodes])
      },
    },
    notify(message: string, notifyOptions?: NotificationOptions) {
      notifications.push({ message, options: notifyOptions })
      return { cancel() {} }
    },
    commitUndo() {
      undoSteps++
      if (pending.length > 0) steps.push(pending)
      pending = []
    },
    closePlugin(message?: string) {
      // The message shows as a toast after the plugin closes.
      if (message !== undefined) notifications.push({ message })
      closed = true
      uiVisible = false
      options.ui?.onVisibility?.(false)
      emit('close')
    },
    openExternal(url: string) {
      openedUrls.push(url)
    },
  }

  const fake: FakeFigma = {
    figma: figma as unknown as PluginAPI,
    page,
    addPage(name) {
      const added = new FakePageNode(registry, 'PAGE', name ?? `Page ${document.kids.length + 1}`)
      document.attach(added)
      return added
    },
    uiMessages,
    notifications,
    undoSteps: () => undoSteps,
    undo() {
      const step = pending.length > 0 ? pending : steps.pop()
      pending = []
      if (!step) return false
      revertAll(step)
      return true
    },
    designerStep() {
      pending = []
      steps.length = 0
    },
    scrolledTo,
    images,
    storage,
    get shownWith() {
      return shownWith
    },
    uiVisible: () => uiVisible,
    uiSize: () => uiSize,
    closed: () => closed,
    openedUrls,
    typeParameter(key, query, parameters = {}) {
      return new Promise((resolve, reject) => {
        if (parameterListeners.size === 0) return reject(new Error('No figma.parameters.on("input") listener'))
        const result: SuggestionResults = {
          setSuggestions: (suggestions) => resolve(suggestions.map((s) => (typeof s === 'string' ? { name: s } : { name: s.name, data: s.data }))),
          setError: (message) => reject(new Error(message)),
          setLoadingMessage() {},
        }
        for (const listener of [...parameterListeners]) listener({ key, query, parameters, result })
      })
    },
    reopen() {
      listeners.clear()
      uiHandlers.clear()
      parameterListeners.clear()
      onmessage = undefined
      closed = false
      shownWith = null
      uiVisible = false
    },
    run(parameters) {
      emit('run', { command: figma.command, parameters })
    },
    async sendFromUi(message: unknown) {
      const cloned = structuredClone(message)
      const props = { origin: 'null' }
      await Promise.all([onmessage, ...uiHandlers].filter(Boolean).map((handler) => handler!(cloned, props)))
    },
    addFrame: (props, parent) => make(new FakeFrameNode(registry, 'FRAME', props?.name ?? 'Frame'), props, parent),
    addLayout(props, parent) {
      const frame = fake.addFrame(props, parent)
      fake.addText({ name: 'Headline', x: 0, y: 0, width: Math.min(frame.width, 200), height: Math.min(frame.height, 24), characters: 'Headline' }, frame)
      return frame
    },
    addInstance: (props, parent) => make(new FakeFrameNode(registry, 'INSTANCE', props?.name ?? 'Instance'), props, parent),
    addRectangle: (props, parent) => make(new FakeNode(registry, 'RECTANGLE', props?.name ?? 'Rectangle'), props, parent),
    async addPhoto({ imageWidth, ...props } = {}, parent) {
      const photo = fake.addRectangle({ ...props, content: props.content ?? 'photo' }, parent)
      const bytes = await photo.exportAsync(imageWidth ? { constraint: { type: 'WIDTH', value: imageWidth } } : undefined)
      photo.fills = [{ type: 'IMAGE', imageHash: figma.createImage(bytes).hash, scaleMode: 'FILL' }]
      return photo
    },
    addEllipse: (props, parent) => make(new FakeNode(registry, 'ELLIPSE', props?.name ?? 'Ellipse'), props, parent),
    addLine: (props, parent) => make(new FakeNode(registry, 'LINE', props?.name ?? 'Line'), { ...props, height: 0 }, parent),
    addVector(props = {}, parent) {
      const node = make(new FakeVectorNode(registry, props.name ?? 'Vector'), props, parent)
      const { width, height } = node
      node.vectorPaths = props.vectorPaths ?? [{ windingRule: 'NONZERO', data: `M ${width / 2} 0 L ${width} ${height} L 0 ${height} Z` }]
      return node
    },
    addGroup(children, props = {}) {
      const group = new FakeGroupNode(registry, props.name ?? 'Group')
      const parent = children[0]?.parent ?? current
      parent.attach(group)
      children.forEach((child) => group.attach(child))
      return group
    },
    addSection: (props, parent) => make(new FakeNode(registry, 'SECTION', props?.name ?? 'Section'), props, parent),
    addText(props = {}, parent) {
      const node = make(new FakeTextNode(registry, 'TEXT', props.name ?? props.characters ?? 'Text'), props, parent)
      node.setUpCharacters(props.characters ?? 'Text')
      node.fontName = props.font === 'mixed' ? mixed : (props.font ?? { family: 'Inter', style: 'Regular' })
      return node
    },
    addColourVariable(name, value, collectionName = 'Brand') {
      let collection = variableCollections.find((c) => c.name === collectionName)
      if (!collection) {
        const n = variableCollections.length + 1
        collection = { id: `VC:${n}`, name: collectionName, defaultModeId: `M:${n}`, modes: [{ modeId: `M:${n}`, name: 'Default' }], variableIds: [] }
        variableCollections.push(collection)
      }
      const id = `V:${++counter}`
      collection.variableIds.push(id)
      colourVariables.push({ id, name, resolvedType: 'COLOR', variableCollectionId: collection.id, valuesByMode: { [collection.defaultModeId]: value } })
    },
    addPaintStyle(name, paints) {
      paintStyles.push({ id: `S:${++counter}`, name, type: 'PAINT', paints: Object.freeze(paints.map((p) => Object.freeze({ ...p }))) })
    },
    select: (...nodes) => {
      current.selection = nodes
    },
    allNodes: () => {
      const out: FakeNode[] = []
      const walk = (node: FakeNode) => node.kids.forEach((child) => (out.push(child), walk(child)))
      document.kids.forEach(walk)
      return out
    },
  }
  return fake
}

function imageHandle(image: FakeImage) {
  return {
    hash: image.hash,
    getBytesAsync: async () => image.bytes.slice(),
    getSizeAsync: async () => ({ width: image.width, height: image.height }),
  }
}

/** A stable content hash (FNV-1a, 4 lanes), shaped like Figma's 40-hex-digit image hashes. */
function hashBytes(bytes: Uint8Array): string {
  const lanes = [0x811c9dc5, 0x01000193, 0x050c5d1f, 0x9e3779b9, 0x7f4a7c15]
  for (let i = 0; i < bytes.length; i++) {
    const lane = i % 5
    lanes[lane] = Math.imul(lanes[lane] ^ bytes[i], 0x01000193) >>> 0
  }
  return lanes.map((n) => n.toString(16).padStart(8, '0')).join('')
}
