// A brand kit: a page of the Figma file that holds a brand's references, fonts,
// palette, style note and checks (docs/contracts.md#brand-kit-pages). It travels
// with the file, so everyone who opens the file has it; it never holds a key and
// nothing of it comes from clientStorage. The sandbox reads the page into a
// BrandKit; the UI applies it to requests. Types and limits only: compiled into
// both bundles, so no `figma` and no DOM here.

/** A page whose name starts with this is a kit; the rest of the name is the kit's. */
export const KIT_PAGE_PREFIX = 'Brand kit:'

/** What a kit may hold. Past these the kit is still used, its first items only, and the panel says so. */
export const KIT_LIMITS = {
  /** Kit pages read, the file's chosen one always among them: they are read again at each selection, and a file may hold hundreds. */
  kits: 12,
  references: 10,
  fonts: 2,
  colours: 12,
  /** Colour variables looked at when a kit is made: a design system may hold thousands, and the palette takes the first colours found. */
  variables: 500,
  checks: 8,
  /** Problems said of one kit: a page of a hundred empty frames says the first few and how many more. */
  problems: 8,
  nameChars: 60,
  roleChars: 30,
  labelChars: 80,
  noteChars: 600,
  checkChars: 200,
  /** Font inputs take at most 300 characters (docs/contracts.md#font-inputs). */
  sampleChars: 300,
  urlChars: 500,
} as const

/** A layer of the kit page sent as an image, with the word that says what it is for. */
export interface KitReference {
  layerId: string
  /** "logo", "product", "style", or the designer's own word, lower case. */
  role: string
  /** The layer's name after its role ("Acme wordmark" in "logo: Acme wordmark"). */
  label: string
  width: number
  height: number
}

/** A brand font: a Figma font to find on Google Fonts, or a font file's URL. */
export interface KitFont {
  /** The text layer's name, to say which font a problem is about. */
  layerName: string
  family: string | null
  style: string | null
  /** Set when the layer's name gives the font file itself ("Font: https://…/brand.woff2"). */
  url: string | null
  /** The layer's own text: its glyphs are asked of Google Fonts with the font. */
  sample: string
}

export interface BrandKit {
  /** The kit page's id. */
  id: string
  name: string
  references: KitReference[]
  fonts: KitFont[]
  /** `#RRGGBB`. */
  palette: string[]
  note: string
  checks: string[]
  /** What could not be read, said plainly; the rest of the kit is still used. */
  problems: string[]
}

/** The kits of the file and the one the file uses (null: none). */
export interface BrandKits {
  kits: BrandKit[]
  chosenId: string | null
  /**
   * Set when the file uses a kit whose page is gone (deleted: Undo brings it
   * back), so no kit is sent: its name as it was last read, null when the file
   * kept none (chosen before names were kept).
   */
  gone?: { name: string | null } | null
}
