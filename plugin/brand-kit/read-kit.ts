import { type BrandKit, type KitFont, type KitReference, KIT_LIMITS } from '../../common/brand-kit'
import { GOOGLE_FONT_FILES_ORIGIN, isGoogleFontFile } from '../../common/font-files'
import { cut } from '../../common/read/read-settings'
import { type KitLayerKind, type ManifestReference, isKitPage, kitLayerKind, kitName, parseReferenceName, readManifest, referenceName } from './kit-page'

/**
 * Every kit page of the file, read from its layers. A kit page is edited by
 * hand and anyone with the file can change it: each part is checked and cut to
 * the kit's limits, and what cannot be read becomes a plain problem on the kit,
 * never a failure of the whole read (docs/contracts.md#brand-kit-pages).
 */
export async function readBrandKitsAsync(chosenId = ''): Promise<BrandKit[]> {
  const kits: BrandKit[] = []
  const pages = figma.root.children.filter(isKitPage)
  // The first ones, and the file's chosen one wherever it is.
  const read = pages.filter((page, index) => index < KIT_LIMITS.kits || page.id === chosenId)
  for (const page of read) {
    try {
      await page.loadAsync()
      kits.push(await readKitPageAsync(page))
    } catch {
      kits.push(emptyKit(page, [`The kit page “${cut(page.name, KIT_LIMITS.nameChars)}” could not be read. Check it in Figma; the other kits are still offered.`]))
    }
  }
  const left = pages.length - read.length
  if (left > 0) kits.at(-1)?.problems.push(`This file has ${pages.length} brand kit pages; ${read.length} are offered (the first ones, and the one in use). Rename or delete those not in use to offer the others.`)
  return kits
}

/**
 * How deep in sections, frames and groups a kit layer is read: a page tidied
 * into sections of frames of groups, and a level to spare. A kit layer one
 * level deeper is said; deeper still is not looked at.
 */
export const READ_DEPTH = 4

/** Layers looked at on one kit page: the kits are read again at each selection, and anyone can fill a page. */
const READ_LAYERS = 1000

/** A layer of the kit page, how many layers it is in, and the one directly on the page that holds it. */
interface Placed {
  node: SceneNode
  depth: number
  top: SceneNode
}

/** One kit page, from its layers wherever the designer keeps them, with what cannot be read said. */
export async function readKitPageAsync(page: PageNode): Promise<BrandKit> {
  const kit = emptyKit(page, [])
  const { problems } = kit
  const references: KitReference[] = []
  const { layers, tooDeep, full } = kitLayersOf(page)
  for (const { node, kind } of layers) {
    const name = node.name.trim()
    if (kind === 'swatch') readSwatch(node, name, kit)
    else if (kind === 'reference') {
      const parsed = parseReferenceName(name)!
      if (isEmpty(node)) problems.push(`The ${parsed.role} reference “${parsed.label}” is empty: put its image back. The rest of the kit is used.`)
      else references.push({ layerId: node.id, ...parsed, width: node.width, height: node.height })
    } else readText(node as TextNode, kind, name, kit)
  }
  for (const { node, top } of tooDeep) problems.push(tooDeepProblem(node, top))
  if (full) problems.push(`The kit page holds over ${READ_LAYERS} layers, too many to read them all: the deepest are left out, so part of the kit may not be sent. Move what is not the kit to another page.`)
  const manifest = readManifest(page)
  if (manifest === null) problems.push('The kit’s record on its page was damaged; its layers are read as they are.')
  for (const made of manifest ?? []) {
    const problem = await missingReferenceAsync(page, made, references)
    if (problem) problems.push(problem)
  }
  if (references.length > KIT_LIMITS.references) problems.push(`Only the first ${KIT_LIMITS.references} of the kit’s ${references.length} references are used.`)
  kit.references = references.slice(0, KIT_LIMITS.references)
  if (kit.fonts.length > KIT_LIMITS.fonts) problems.push(`A kit holds at most ${KIT_LIMITS.fonts} fonts: only the first ${KIT_LIMITS.fonts} are used.`)
  kit.fonts = kit.fonts.slice(0, KIT_LIMITS.fonts)
  if (kit.palette.length > KIT_LIMITS.colours) problems.push(`Only the first ${KIT_LIMITS.colours} colours of the kit are used.`)
  kit.palette = kit.palette.slice(0, KIT_LIMITS.colours)
  if (kit.checks.length > KIT_LIMITS.checks) problems.push(`Only the first ${KIT_LIMITS.checks} of the kit’s ${kit.checks.length} checks are sent: a model judges at most ${KIT_LIMITS.checks}.`)
  kit.checks = kit.checks.slice(0, KIT_LIMITS.checks)
  kit.problems = bounded(problems)
  return kit
}

/**
 * The kit's layers, on the page and in the sections, frames and groups a
 * designer tidies them into, READ_DEPTH deep at most, those nearest the page
 * first. A kit layer is read as one: what a reference holds is its picture.
 * A hidden layer, and what it holds, is not read, and needs no word. Kit
 * layers one level too deep are `tooDeep`, to be said; `full` when the page
 * held more than READ_LAYERS to look at. Level by level, not by recursion:
 * a page may nest layers deeper than the call stack goes, and the layers
 * left out are then the deepest.
 */
function kitLayersOf(page: PageNode): { layers: { node: SceneNode; kind: KitLayerKind }[]; tooDeep: Placed[]; full: boolean } {
  const layers: { node: SceneNode; kind: KitLayerKind }[] = []
  const tooDeep: Placed[] = []
  const queue: Placed[] = []
  let full = false
  const look = (nodes: readonly SceneNode[], depth: number, top: SceneNode | null) => {
    if (queue.length + nodes.length > READ_LAYERS) full = true
    for (const node of nodes.slice(0, READ_LAYERS - queue.length)) queue.push({ node, depth, top: top ?? node })
  }
  look(page.children, 0, null)
  for (let i = 0; i < queue.length; i++) {
    const placed = queue[i]
    const { node, depth, top } = placed
    if (!node.visible) continue
    const kind = kitLayerKind(node)
    if (kind && depth > READ_DEPTH) tooDeep.push(placed)
    else if (kind) layers.push({ node, kind })
    else if (depth <= READ_DEPTH && 'children' in node) look(node.children, depth + 1, top)
  }
  return { layers, tooDeep, full }
}

function tooDeepProblem(node: SceneNode, top: SceneNode): string {
  return `“${cut(node.name, KIT_LIMITS.labelChars)}” sits more than ${READ_DEPTH} frames deep in “${cut(top.name, KIT_LIMITS.labelChars)}” on the kit page, where it is not read: move it up to send it.`
}

/**
 * What became of a reference the plugin put on the page that is no longer sent,
 * in words that say how to send it again; null when it is still sent, or was put
 * back under its name, or its change is already said (emptied, too many layers)
 * or meant (hidden, or in a hidden layer).
 */
async function missingReferenceAsync(page: PageNode, made: ManifestReference, references: readonly KitReference[]): Promise<string | null> {
  if (references.some((ref) => ref.layerId === made.id || (ref.role === made.role && ref.label === made.label))) return null
  const what = `The ${made.role} reference “${made.label}”`
  const name = referenceName(made.role, made.label)
  // By id, wherever it went: the read of the page looked at its first layers only, READ_DEPTH deep.
  const node = (await figma.getNodeByIdAsync(made.id)) as SceneNode | null
  const around = node && layersAround(page, node)
  if (!node || !around) return `${what} was deleted from the kit page; the rest of the kit is used. To send it again, undo, or name a layer on the page “${name}”.`
  if (!node.visible || around.some((layer) => !layer.visible)) return null
  const holder = around.find((layer) => kitLayerKind(layer) !== null)
  if (holder) {
    const holderName = cut(holder.name, KIT_LIMITS.labelChars)
    return `${what} is inside “${holderName}”, which the kit reads as one layer: move it out of “${holderName}” to send it.`
  }
  if (around.length > READ_DEPTH) return tooDeepProblem(node, around[0])
  if (parseReferenceName(node.name) !== null) return null
  return `${what} was renamed “${cut(node.name, KIT_LIMITS.labelChars)}”, so it is not sent: a reference is named “role: name”. Rename it “${name}” to send it.`
}

/** The layers that hold `node`, the one on the page first; null when it is not on `page`. */
function layersAround(page: PageNode, node: SceneNode): SceneNode[] | null {
  const around: SceneNode[] = []
  for (let at = node.parent; at; at = at.parent) {
    if (at.id === page.id) return around.reverse()
    if (at.type === 'PAGE' || at.type === 'DOCUMENT') return null
    around.push(at as SceneNode)
  }
  return null
}

/**
 * Each problem once (a reference the plugin made, too deep, is said by both
 * reads), the first few, and how many more: the panel lists them all, and a
 * page can hold any number of broken layers.
 */
function bounded(said: string[]): string[] {
  const problems = [...new Set(said)]
  if (problems.length <= KIT_LIMITS.problems) return problems
  const more = problems.length - (KIT_LIMITS.problems - 1)
  return [...problems.slice(0, KIT_LIMITS.problems - 1), `${more} more problems on the kit page: check its layers in Figma. The rest of the kit is used.`]
}

function emptyKit(page: PageNode, problems: string[]): BrandKit {
  return { id: page.id, name: kitName(page), references: [], fonts: [], palette: [], note: '', checks: [], problems }
}

/** A font, the style note or the checks, as kitLayerKind found it. */
function readText(node: TextNode, kind: KitLayerKind, name: string, kit: BrandKit): void {
  if (kind === 'font') {
    const layerName = cut(name, KIT_LIMITS.labelChars)
    const font: KitFont = { layerName, family: null, style: null, url: fontUrlIn(name), sample: cut(node.characters, KIT_LIMITS.sampleChars) }
    if (font.url === null && /https?:\/\//i.test(name)) {
      kit.problems.push(`The font layer “${layerName}” names a file on another site: only Google Fonts’ own files (${GOOGLE_FONT_FILES_ORIGIN}/…) are sent, so the layer’s own font is used.`)
    }
    if (node.fontName !== figma.mixed) {
      font.family = cut(node.fontName.family, KIT_LIMITS.labelChars)
      font.style = cut(node.fontName.style, KIT_LIMITS.labelChars)
    } else if (!font.url) {
      kit.problems.push(`The font layer “${font.layerName}” mixes several fonts: set it in one font. The rest of the kit is used.`)
      return
    }
    kit.fonts.push(font)
  } else if (kind === 'note') {
    kit.note = cut(node.characters.trim(), KIT_LIMITS.noteChars)
  } else if (kind === 'checks') {
    kit.checks = node.characters
      .split(/\r?\n/)
      .map((line) => cut(line.replace(/^\s*(?:[-•*]|\d+[.)])\s*/, '').trim(), KIT_LIMITS.checkChars))
      .filter((line) => line !== '')
  }
}

/**
 * "Font: https://fonts.gstatic.com/…/brand.woff2" names the font file itself.
 * Only on Google's font host: the file is fetched with the headline it sets,
 * and a kit is anyone's to write (docs/contracts.md#font-inputs).
 */
function fontUrlIn(name: string): string | null {
  const match = /(https?:\/\/\S+)/i.exec(name)
  return match && match[1].length <= KIT_LIMITS.urlChars && isGoogleFontFile(match[1]) ? match[1] : null
}

function readSwatch(node: SceneNode, name: string, kit: BrandKit): void {
  const fills = 'fills' in node && Array.isArray(node.fills) ? (node.fills as readonly Paint[]) : []
  const solid = fills.find((paint): paint is SolidPaint => paint.type === 'SOLID' && paint.visible !== false)
  const hex = solid ? hexOf(solid.color) : null
  if (hex) kit.palette.push(hex)
  else kit.problems.push(`The swatch “${cut(name, KIT_LIMITS.labelChars)}” has no solid colour: give it one. The rest of the kit is used.`)
}

function hexOf(color: RGB | undefined): string | null {
  if (!color || ![color.r, color.g, color.b].every((c) => typeof c === 'number' && c >= 0 && c <= 1)) return null
  const part = (c: number) => Math.round(c * 255).toString(16).padStart(2, '0').toUpperCase()
  return `#${part(color.r)}${part(color.g)}${part(color.b)}`
}

/** A frame or group with nothing in it and nothing painted: nothing to send. */
function isEmpty(node: SceneNode): boolean {
  if (!(node.width > 0 && node.height > 0)) return true
  const hasKids = 'children' in node && node.children.length > 0
  const fills = 'fills' in node && Array.isArray(node.fills) ? (node.fills as readonly Paint[]) : []
  return !hasKids && !fills.some((paint) => paint.visible !== false)
}
