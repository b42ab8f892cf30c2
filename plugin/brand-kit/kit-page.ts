import { KIT_LIMITS, KIT_PAGE_PREFIX } from '../../common/brand-kit'
import { cut } from '../../common/read/read-settings'
import { utf8Length } from '../history/record'

/**
 * Plugin data on a kit page: the references the plugin put there, so that one
 * deleted by hand can be named. Everything else of the kit is read from the
 * page's layers as the designer sees and edits them.
 */
export const KIT_MANIFEST_KEY = 'brand-kit'

/** Document plugin data: the kit page this file uses, by id; absent or '' for none. */
export const KIT_CHOICE_KEY = 'brand-kit-choice'

/** Document plugin data: the name of the kit in use as it was last read, to name it once its page is gone. */
export const KIT_CHOICE_NAME_KEY = 'brand-kit-choice-name'

/** Well under Figma's ~100 kB an entry (docs/contracts.md#figma-plugin-data), whatever the names. */
const MANIFEST_LIMIT_BYTES = 20_000

/** A node id is a few characters ("12:345"); anything longer is not one the plugin wrote. */
const MANIFEST_ID_CHARS = 40

export interface ManifestReference {
  id: string
  role: string
  label: string
}

export function isKitPage(page: PageNode): boolean {
  return page.name.trim().toLowerCase().startsWith(KIT_PAGE_PREFIX.toLowerCase()) || page.getPluginData(KIT_MANIFEST_KEY) !== ''
}

/** The kit's name, from its page's name: renaming the page renames the kit. */
export function kitName(page: PageNode): string {
  const name = page.name.trim()
  const rest = name.toLowerCase().startsWith(KIT_PAGE_PREFIX.toLowerCase()) ? name.slice(KIT_PAGE_PREFIX.length).trim() : name
  return cut(rest, KIT_LIMITS.nameChars) || 'Untitled kit'
}

/** What a layer of a kit page is to the kit, by its name and type (docs/contracts.md#brand-kit-pages). */
export type KitLayerKind = 'font' | 'note' | 'checks' | 'swatch' | 'reference'

const FONT_NAME = /^font\b/i
const NOTE_NAME = /^(style\s*)?note$/i
const CHECKS_NAME = /^checks?$/i
const COLOUR_NAME = /^colou?r\b/i

/**
 * Text layers are fonts ("Font…"), the style note ("Note") or the checks
 * ("Checks"); other layers are swatches ("Colour…") or references ("role:
 * name"). Null for a layer that is for people, or that holds the kit's own: a
 * frame "Colour palette" of swatches is where they are kept, not a colour.
 */
export function kitLayerKind(node: SceneNode): KitLayerKind | null {
  const name = node.name.trim()
  if (node.type === 'TEXT') return FONT_NAME.test(name) ? 'font' : NOTE_NAME.test(name) ? 'note' : CHECKS_NAME.test(name) ? 'checks' : null
  if (COLOUR_NAME.test(name)) return 'children' in node && node.children.some((child) => COLOUR_NAME.test(child.name.trim())) ? null : 'swatch'
  return parseReferenceName(name) ? 'reference' : null
}

/** A reference layer's name: "<role>: <label>", the role a word or two before the colon. */
export function parseReferenceName(name: string): { role: string; label: string } | null {
  const match = /^\s*([^:]{1,30}?)\s*:\s*(.*)$/.exec(name)
  if (!match) return null
  return { role: match[1].toLowerCase(), label: cut(match[2].trim(), KIT_LIMITS.labelChars) }
}

export function referenceName(role: string, label: string): string {
  return `${role}: ${label}`
}

/** The manifest as plugin data, always within MANIFEST_LIMIT_BYTES: the last references go first. */
export function manifestForPluginData(references: ManifestReference[]): string {
  const kept = references.slice(0, KIT_LIMITS.references).map(shortened)
  let json = JSON.stringify({ v: 1, references: kept })
  while (utf8Length(json) > MANIFEST_LIMIT_BYTES && kept.length > 0) {
    kept.pop()
    json = JSON.stringify({ v: 1, references: kept })
  }
  return json
}

/** A manifest entry cut to what is written and read back: anyone with the file can write longer. */
function shortened(r: ManifestReference): ManifestReference {
  return { id: cut(r.id, MANIFEST_ID_CHARS), role: cut(r.role, KIT_LIMITS.roleChars), label: cut(r.label, KIT_LIMITS.labelChars) }
}

/** The manifest read back, cut as it is written; null when it was damaged by hand (the page is then read as it is). */
export function readManifest(page: PageNode): ManifestReference[] | null {
  const raw = page.getPluginData(KIT_MANIFEST_KEY)
  if (raw === '') return []
  try {
    const parsed = JSON.parse(raw) as { references?: unknown }
    if (!Array.isArray(parsed.references)) return null
    return parsed.references
      .filter((r): r is ManifestReference => typeof r?.id === 'string' && typeof r.role === 'string' && typeof r.label === 'string')
      .slice(0, KIT_LIMITS.references)
      .map(shortened)
  } catch {
    return null
  }
}
