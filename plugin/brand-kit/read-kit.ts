import { type BrandKit, type KitFont, type KitReference, KIT_LIMITS } from '../../common/brand-kit'
import { GOOGLE_FONT_FILES_ORIGIN, isGoogleFontFile } from '../../common/font-files'
import { cut } from '../../common/read/read-settings'
import { type ManifestReference, isKitPage, kitName, parseReferenceName, readManifest, referenceName } from './kit-page'

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
      kits.push(readKitPage(page))
    } catch {
      kits.push(emptyKit(page, [`The kit page “${cut(page.name, KIT_LIMITS.nameChars)}” could not be read. Check it in Figma; the other kits are still offered.`]))
    }
  }
  const left = pages.length - read.length
  if (left > 0) kits.at(-1)?.problems.push(`This file has ${pages.length} brand kit pages; ${read.length} are offered (the first ones, and the one in use). Rename or delete those not in use to offer the others.`)
  return kits
}

export function readKitPage(page: PageNode): BrandKit {
  const kit = emptyKit(page, [])
  const { problems } = kit
  const references: KitReference[] = []
  for (const node of page.children) {
    if (!node.visible) continue
    const name = node.name.trim()
    if (node.type === 'TEXT') readText(node, name, kit)
    else if (/^colou?r\b/i.test(name)) readSwatch(node, name, kit)
    else {
      const parsed = parseReferenceName(name)
      if (!parsed) continue
      if (isEmpty(node)) problems.push(`The ${parsed.role} reference “${parsed.label}” is empty: put its image back. The rest of the kit is used.`)
      else references.push({ layerId: node.id, ...parsed, width: node.width, height: node.height })
    }
  }
  const manifest = readManifest(page)
  if (manifest === null) problems.push('The kit’s record on its page was damaged; its layers are read as they are.')
  for (const made of manifest ?? []) {
    const problem = missingReference(page, made, references)
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
 * What became of a reference the plugin put on the page that is no longer sent,
 * in words that say how to send it again; null when it is still sent, or was put
 * back under its name, or its change is already said (emptied) or meant (hidden).
 */
function missingReference(page: PageNode, made: ManifestReference, references: readonly KitReference[]): string | null {
  if (references.some((ref) => ref.layerId === made.id || (ref.role === made.role && ref.label === made.label))) return null
  const what = `The ${made.role} reference “${made.label}”`
  const name = referenceName(made.role, made.label)
  const node = findOnPage(page, made.id)
  if (!node) return `${what} was deleted from the kit page; the rest of the kit is used. To send it again, undo, or name a layer on the page “${name}”.`
  if (node.parent !== page) {
    return `${what} is inside “${cut(topLayerOf(page, node).name, KIT_LIMITS.labelChars)}” on the kit page, where it is not read: move it out onto the page to send it.`
  }
  if (!node.visible || parseReferenceName(node.name) !== null) return null
  return `${what} was renamed “${cut(node.name, KIT_LIMITS.labelChars)}”, so it is not sent: a reference is named “role: name”. Rename it “${name}” to send it.`
}

/**
 * A layer anywhere on the page, by id: a reference moved into a frame or a section is still there.
 * A stack, not recursion: a page of the file may nest layers deeper than the call stack goes.
 */
function findOnPage(page: PageNode, id: string): SceneNode | null {
  const pending: SceneNode[] = page.children.slice()
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.id === id) return node
    if ('children' in node) for (const child of node.children) pending.push(child)
  }
  return null
}

/** The layer directly on the page that holds `node`. */
function topLayerOf(page: PageNode, node: SceneNode): SceneNode {
  let top: SceneNode = node
  while (top.parent && top.parent !== page) top = top.parent as SceneNode
  return top
}

/** The first problems, and how many more: the panel lists them all, and a page can hold any number of broken layers. */
function bounded(problems: string[]): string[] {
  if (problems.length <= KIT_LIMITS.problems) return problems
  const more = problems.length - (KIT_LIMITS.problems - 1)
  return [...problems.slice(0, KIT_LIMITS.problems - 1), `${more} more problems on the kit page: check its layers in Figma. The rest of the kit is used.`]
}

function emptyKit(page: PageNode, problems: string[]): BrandKit {
  return { id: page.id, name: kitName(page), references: [], fonts: [], palette: [], note: '', checks: [], problems }
}

/** Text layers are fonts ("Font…"), the style note ("Note") or the checks ("Checks"); any other text is for people. */
function readText(node: TextNode, name: string, kit: BrandKit): void {
  if (/^font\b/i.test(name)) {
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
  } else if (/^(style\s*)?note$/i.test(name)) {
    kit.note = cut(node.characters.trim(), KIT_LIMITS.noteChars)
  } else if (/^checks?$/i.test(name)) {
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
