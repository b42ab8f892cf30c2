import type { BrandKits } from '../../common/brand-kit'
import type { RequestArgs } from '../../common/messages'
import { KIT_CHOICE_KEY } from './kit-page'
import { makeBrandKitAsync } from './make-kit'
import { readBrandKitsAsync } from './read-kit'

/**
 * The file's kits and the one it uses. The choice is document plugin data, so
 * it travels with the file for everyone who opens it (never clientStorage); a
 * choice whose page is gone is no choice.
 */
export async function loadBrandKitsAsync(): Promise<BrandKits> {
  const chosen = figma.root.getPluginData(KIT_CHOICE_KEY)
  const kits = await readBrandKitsAsync(chosen)
  return { kits, chosenId: kits.some((kit) => kit.id === chosen) ? chosen : null }
}

export async function chooseBrandKitAsync({ kitId }: RequestArgs<'choose-brand-kit'>): Promise<null> {
  // An id is a few characters; anything longer is not one of ours.
  figma.root.setPluginData(KIT_CHOICE_KEY, kitId === null ? '' : kitId.slice(0, 40))
  return null
}

/** Makes a kit from the selection and makes it the file's: the designer made it to use it. */
export async function makeBrandKitFromSelectionAsync({ name }: RequestArgs<'make-brand-kit'>): Promise<BrandKits> {
  const kit = await makeBrandKitAsync(name, figma.currentPage.selection)
  figma.root.setPluginData(KIT_CHOICE_KEY, kit.id)
  return loadBrandKitsAsync()
}
