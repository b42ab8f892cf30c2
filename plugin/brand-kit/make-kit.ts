import { type BrandKit, KIT_LIMITS, KIT_PAGE_PREFIX } from '../../common/brand-kit'
import { ShownError } from '../answer-requests'
import { cut } from '../../common/read/read-settings'
import { type ManifestReference, KIT_MANIFEST_KEY, manifestForPluginData, referenceName } from './kit-page'
import { READ_DEPTH, readKitPageAsync } from './read-kit'

/** Figma's default font, loaded to write the kit's own texts (Figma refuses text in a font not loaded). */
const KIT_TEXT_FONT: FontName = { family: 'Inter', style: 'Regular' }
const GAP = 80

const DEFAULT_CHECKS = ['The logo is exactly as in its reference image', 'Only the brand colours appear', 'Any headline is set in the brand font']

const ABOUT = [
  'This page is a brand kit for the Riverflow plugin. Edit it with Figma’s own tools:',
  '• references: layers named “role: name” (logo, product, style, or your own word), sent as images;',
  '• fonts: text layers named “Font …”, in the brand’s font (at most 2);',
  '• colours: layers named “Colour …” with a solid fill;',
  '• the text layers “Note” (the style) and “Checks” (one per line, at most 8).',
  `Tidy them into sections, frames and groups as you like, up to ${READ_DEPTH} deep; a hidden layer is left out.`,
].join('\n')

/**
 * A new kit page from the selection: copies of the image layers as references
 * (their role guessed from their names), copies of up to two text layers as the
 * fonts, the file's colour styles as swatches, a note and checks to edit. The
 * designer's layers are copied, never moved or changed; the designer stays on
 * their page; the caller makes it one undo step.
 */
export async function makeBrandKitAsync(name: string, selection: readonly SceneNode[]): Promise<BrandKit> {
  // A hidden layer is not what the designer sees: copied hidden it would never be read, and one in a hidden frame would show on the kit page and be sent.
  const shown = selection.filter(isShown)
  const images = shown.filter((node) => node.type !== 'TEXT' && node.width > 0 && node.height > 0)
  const texts = shown.filter((node): node is TextNode => node.type === 'TEXT')
  if (images.length === 0 && texts.length === 0) {
    throw new ShownError(shown.length < selection.length ? 'The selected layers are hidden: show them in the layers panel, or select visible ones, then make the kit.' : 'Select the logo, product and style frames, and a headline text layer, then make the kit.')
  }
  await figma.loadFontAsync(KIT_TEXT_FONT)
  const pageName = `${KIT_PAGE_PREFIX} ${uniqueName(cut(name.trim(), KIT_LIMITS.nameChars) || 'Brand')}`
  const page = figma.createPage()
  try {
    page.name = pageName
    await fillKitPageAsync(page, images, texts)
  } catch (error) {
    // Half a kit would be read as a kit: the page goes, and nothing of the designer's was touched.
    page.remove()
    throw error
  }
  return readKitPageAsync(page)
}

async function fillKitPageAsync(page: PageNode, images: readonly SceneNode[], texts: readonly TextNode[]): Promise<void> {

  const made: ManifestReference[] = []
  let x = 0
  for (const node of images.slice(0, KIT_LIMITS.references)) {
    const copy = node.clone()
    page.appendChild(copy)
    forgetResults(copy)
    const role = guessRole(node.name)
    const label = cut(node.name, KIT_LIMITS.labelChars)
    copy.name = referenceName(role, label)
    copy.x = x
    copy.y = 0
    x += copy.width + GAP
    made.push({ id: copy.id, role, label })
  }
  let y = Math.max(0, ...page.children.map((child) => child.height)) + GAP
  for (const text of texts.slice(0, KIT_LIMITS.fonts)) {
    const copy = text.clone()
    page.appendChild(copy)
    forgetResults(copy)
    copy.name = text.fontName === figma.mixed ? 'Font' : `Font: ${text.fontName.family} ${text.fontName.style}`
    Object.assign(copy, { x: 0, y })
    y += copy.height + GAP / 2
  }
  y = await addSwatchesAsync(page, y)
  y = addText(page, 'Note', '', y)
  y = addText(page, 'Checks', DEFAULT_CHECKS.join('\n'), y)
  addText(page, 'About this kit', ABOUT, y)
  page.setPluginData(KIT_MANIFEST_KEY, manifestForPluginData(made))
}

/**
 * A copy on the kit page is a reference, not a result: Figma's clone keeps the
 * original's plugin data and relaunch buttons, and Regenerate there would put
 * a new picture in place of the brand's own. Its layers and theirs forget them.
 */
function forgetResults(node: SceneNode): void {
  for (const key of node.getPluginDataKeys()) node.setPluginData(key, '')
  node.setRelaunchData({})
  if ('children' in node) node.children.forEach(forgetResults)
}

/** A colour found in the file, by the name it has there. */
interface NamedColour {
  name: string
  color: RGB
}

/**
 * The palette of a new kit as it is found: a colour once (by its 8-bit RGB,
 * under the first name found for it), at most KIT_LIMITS.colours. What is not
 * a name and a colour in range is left out, whatever the file holds.
 */
class FoundPalette {
  readonly colours = new Map<string, NamedColour>()

  get full(): boolean {
    return this.colours.size >= KIT_LIMITS.colours
  }

  add(name: unknown, color: unknown): void {
    if (this.full || typeof name !== 'string' || !isColour(color)) return
    const key = [color.r, color.g, color.b].map((c) => Math.round(c * 255)).join(',')
    if (!this.colours.has(key)) this.colours.set(key, { name, color: { r: color.r, g: color.g, b: color.b } })
  }
}

/**
 * The file's local colour styles (solid ones), then its colour variables while
 * there is room, as swatches: where a palette most often starts.
 */
async function addSwatchesAsync(page: PageNode, y: number): Promise<number> {
  const palette = new FoundPalette()
  for (const style of await figma.getLocalPaintStylesAsync()) {
    const solid = style.paints.find((paint): paint is SolidPaint => paint.type === 'SOLID')
    if (solid) palette.add(style.name, solid.color)
  }
  if (!palette.full) await addColourVariablesAsync(palette)
  let x = 0
  for (const { name, color } of palette.colours.values()) {
    const swatch = figma.createRectangle()
    page.appendChild(swatch)
    swatch.name = `Colour: ${cut(name, KIT_LIMITS.labelChars)}`
    swatch.fills = [{ type: 'SOLID', color }]
    swatch.resize(64, 64)
    Object.assign(swatch, { x, y })
    x += 64 + 16
  }
  return palette.colours.size > 0 ? y + 64 + GAP / 2 : y
}

/**
 * The file's colour variables at their collection's default mode, until the
 * palette is full: the first KIT_LIMITS.variables only (a design system may
 * hold thousands), each collection asked of Figma once. An alias (a variable
 * naming another) is left out: its colour is the other's. A variable or a
 * collection that does not read is left out alone; a file or a Figma without
 * variables gives none (docs/contracts.md#figma-colour-styles).
 */
async function addColourVariablesAsync(palette: FoundPalette): Promise<void> {
  let variables: unknown
  try {
    variables = await figma.variables.getLocalVariablesAsync('COLOR')
  } catch {
    return
  }
  if (!Array.isArray(variables)) return
  const defaultModes = new Map<unknown, string | null>()
  for (const variable of variables.slice(0, KIT_LIMITS.variables) as Partial<Variable>[]) {
    if (palette.full) return
    try {
      const collectionId = variable.variableCollectionId
      if (!defaultModes.has(collectionId)) defaultModes.set(collectionId, await defaultModeAsync(collectionId))
      const mode = defaultModes.get(collectionId)
      if (mode) palette.add(variable.name, variable.valuesByMode?.[mode])
    } catch {
      // This variable alone is left out: the others still make the palette.
    }
  }
}

/** The default mode of the collection with this id; null when Figma has none to give. */
async function defaultModeAsync(id: unknown): Promise<string | null> {
  if (typeof id !== 'string') return null
  try {
    const collection = await figma.variables.getVariableCollectionByIdAsync(id)
    return typeof collection?.defaultModeId === 'string' ? collection.defaultModeId : null
  } catch {
    return null
  }
}

function isColour(value: unknown): value is RGB {
  const { r, g, b } = (value ?? {}) as Partial<RGB>
  return [r, g, b].every((c) => typeof c === 'number' && Number.isFinite(c) && c >= 0 && c <= 1)
}

function addText(page: PageNode, name: string, characters: string, y: number): number {
  const text = figma.createText()
  page.appendChild(text)
  text.fontName = KIT_TEXT_FONT
  text.characters = characters
  text.name = name
  Object.assign(text, { x: 0, y })
  return y + Math.max(24, text.height) + GAP / 2
}

/** Visible, and so is every frame or group around it. */
function isShown(node: SceneNode): boolean {
  for (let at: BaseNode | null = node; at && at.type !== 'PAGE'; at = at.parent) if ('visible' in at && !at.visible) return false
  return true
}

function guessRole(name: string): string {
  const lower = name.toLowerCase()
  if (/logo|wordmark|brandmark|emblem/.test(lower)) return 'logo'
  if (/product|pack|bottle|box|can\b|shot/.test(lower)) return 'product'
  return 'style'
}

/** "Acme", or "Acme 2" when the file already has a kit of that name. */
function uniqueName(name: string): string {
  const taken = new Set(figma.root.children.map((page) => page.name.trim().toLowerCase()))
  let candidate = name
  for (let n = 2; taken.has(`${KIT_PAGE_PREFIX} ${candidate}`.toLowerCase()); n++) candidate = `${name} ${n}`
  return candidate
}
