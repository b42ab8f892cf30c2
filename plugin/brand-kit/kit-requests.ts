import { type BrandKits, KIT_LIMITS } from '../../common/brand-kit'
import type { RequestArgs } from '../../common/messages'
import { cut } from '../../common/read/read-settings'
import { KIT_CHOICE_KEY, KIT_CHOICE_NAME_KEY, isKitPage, kitName } from './kit-page'
import { makeBrandKitAsync } from './make-kit'
import { readBrandKitsAsync } from './read-kit'

/**
 * The file's kits and the one it uses. The choice is document plugin data, so
 * it travels with the file for everyone who opens it (never clientStorage); a
 * choice whose page is gone is no choice, but it is kept and said (`gone`):
 * Undo in Figma brings the page back with its id, and the kit with it.
 */
export async function loadBrandKitsAsync(): Promise<BrandKits> {
  const chosen = figma.root.getPluginData(KIT_CHOICE_KEY)
  const kits = await readBrandKitsAsync(chosen)
  const kit = kits.find((k) => k.id === chosen)
  if (kit) {
    // The page renamed since it was chosen: its name now, to name it by if the page goes. Written only when it changed;
    // not an undo step of its own (it goes with the plugin's next step), as no designer would press undo for it.
    if (figma.root.getPluginData(KIT_CHOICE_NAME_KEY) !== kit.name) figma.root.setPluginData(KIT_CHOICE_NAME_KEY, kit.name)
    return { kits, chosenId: chosen }
  }
  // Anyone with the file can write the name: cut as a kit's name is.
  const gone = chosen === '' ? null : { name: cut(figma.root.getPluginData(KIT_CHOICE_NAME_KEY).trim(), KIT_LIMITS.nameChars) || null }
  return { kits, chosenId: null, gone }
}

export async function chooseBrandKitAsync({ kitId }: RequestArgs<'choose-brand-kit'>): Promise<null> {
  // An id is a few characters; anything longer is not one of ours.
  const id = kitId === null ? '' : kitId.slice(0, 40)
  const page = figma.root.children.find((p) => p.id === id && isKitPage(p))
  choose(id, page ? kitName(page) : '')
  return null
}

/** Makes a kit from the selection and makes it the file's: the designer made it to use it. */
export async function makeBrandKitFromSelectionAsync({ name }: RequestArgs<'make-brand-kit'>): Promise<BrandKits> {
  const kit = await makeBrandKitAsync(name, figma.currentPage.selection)
  choose(kit.id, kit.name)
  return loadBrandKitsAsync()
}

/** The file's choice, with the kit's name, already cut to a kit name's limit, to say which kit is gone if its page goes. */
function choose(id: string, name: string): void {
  figma.root.setPluginData(KIT_CHOICE_KEY, id)
  figma.root.setPluginData(KIT_CHOICE_NAME_KEY, name)
}
