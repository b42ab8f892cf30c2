import type { BrandKit, KitFont } from '../../common/brand-kit'
import { type FontLookup, resolveGoogleFontAsync } from '../fonts/google-fonts'

/** A kit as the planner uses it: its fonts found as files, and everything that went wrong said. */
export interface ReadyKit {
  kit: BrandKit
  /** The font file of each kit font that was found, in the kit's order. */
  fontUrls: string[]
  /** The kit's own problems and the fonts not found: the rest of the kit is still used. */
  problems: string[]
  /**
   * False where no price can be shown before sending (a quick action): the kit
   * then adds nothing billed (refSR references, font inputs) and says so.
   */
  paidExtras?: false
}

/**
 * The glyphs asked of Google Fonts with each kit font: Google's CSS answers
 * with a file of just these (docs/contracts.md#font-inputs), so ask for the
 * printable Latin set and the font layer's own text once, not for every prompt.
 */
const GLYPHS = ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~€£¥©®™–—‘’“”…àáâäãåæçèéêëìíîïñòóôöõøœßùúûüýÿÀÁÂÄÃÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÖÕØŒÙÚÛÜÝ'

/** Finds each kit font's file; a font Google Fonts does not serve is said, and the kit goes on without it. */
export async function readyKitAsync(kit: BrandKit, resolve = resolveGoogleFontAsync): Promise<ReadyKit> {
  const fontUrls: string[] = []
  const problems = [...kit.problems]
  for (const font of kit.fonts) {
    const found = await findFontAsync(font, resolve)
    if (found.ok) fontUrls.push(found.url)
    else problems.push(found.message)
  }
  return { kit, fontUrls, problems }
}

async function findFontAsync(font: KitFont, resolve: typeof resolveGoogleFontAsync): Promise<{ ok: true; url: string } | { ok: false; message: string }> {
  if (font.url) return { ok: true, url: font.url }
  if (!font.family || !font.style) return { ok: false, message: `The kit font “${font.layerName}” names no font: set the layer in the brand font.` }
  // The kits are read again on every selection change: ask Google once a font, not each time.
  const key = `${font.family}\u0000${font.style}\u0000${font.sample}`
  let lookup = lookups.get(key)
  if (!lookup) {
    lookup = resolve(font.family, font.style, uniqueGlyphs(GLYPHS + font.sample))
    lookups.set(key, lookup)
  }
  const found = await lookup
  // A failure (Google unreachable, say) is asked again next time.
  if (!found.ok) lookups.delete(key)
  if (found.ok) return found
  // In the kit's words: a kit's font file comes only from Google (docs/contracts.md#font-inputs), so no URL to paste.
  const name = `${font.family} ${font.style}`
  switch (found.reason) {
    case 'not-served':
      return { ok: false, message: `The kit font ${name} is not on Google Fonts, so quoted text goes without it. Set the font layer in a Google font to send one.` }
    case 'unreachable':
      return { ok: false, message: `The kit font ${name} could not be looked up: Google Fonts could not be reached. Quoted text goes without it; it is asked again at the next click.` }
    case 'late':
      return { ok: false, message: `The kit font ${name} could not be looked up: Google Fonts did not answer in time. Quoted text goes without it; it is asked again at the next click.` }
  }
}

const lookups = new Map<string, Promise<FontLookup>>()

function uniqueGlyphs(text: string): string {
  return [...new Set(Array.from(text))].join('')
}
