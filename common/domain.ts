// The plugin's domain: what a designer chooses, what the canvas holds, and what
// a generation leaves behind. Both halves import these types (the sandbox for
// the document, the UI for everything else); the envelopes that carry them
// between the halves live in common/messages.ts. Types, and the few lists they
// are derived from: this file is compiled into both bundles and must not touch
// `figma` or the DOM.

/**
 * An OpenRouter model slug, e.g. `sourceful/riverflow-v2.5-fast`. A string, not
 * a closed list: slugs come and go with OpenRouter's catalog (docs/contracts.md#model-catalog).
 */
export type ModelId = string

export type AspectRatio = '1:1' | '2:3' | '3:2' | '3:4' | '4:3' | '4:5' | '5:4' | '9:16' | '16:9' | '21:9'

export type ImageSize = '1K' | '2K' | '4K'

/** What Riverflow 2.5 and later do with the background: keep it, drop it, or paint it one colour. */
export const BACKGROUND_MODES = ['original', 'transparent', 'solid'] as const
export type BackgroundMode = (typeof BACKGROUND_MODES)[number]

/** How hard 2.5 and later think before and while editing, lightest first: more is slower and dearer. */
export const EFFORTS = ['low', 'medium', 'high', 'xhigh'] as const
export type Effort = (typeof EFFORTS)[number]

/** One "text in a font" row: Riverflow renders `text` in the font at `fontUrl`. */
export interface FontInput {
  fontUrl: string
  text: string
}

/** What the designer chose for a generation, besides the prompt. */
export interface GenerationSettings {
  model: ModelId
  aspectRatio: AspectRatio
  imageSize: ImageSize
  fontInputs: FontInput[]
  /** Sent only to models that offer backgrounds; 'original' is what every model does anyway. */
  background: BackgroundMode
  /** `#RRGGBB`, used with the 'solid' background. */
  backgroundColor: string
  /** Sent only to models that offer effort. */
  effort: Effort
  /** What the model judges its own result against (2.5 and later); empty: not sent. */
  scoringPrompt: string
  /**
   * Fit the frame: an image meant for a frame (a fill, a frame to refine) is
   * made at the frame's size × `density` (explicit pixels where the model takes
   * them, else the smallest sharp-enough tier) instead of `imageSize`.
   * Absent (settings of an older build, a record): on.
   */
  fitFrame?: boolean
  /** Image pixels per frame pixel when fitting the frame: 2 (absent too) matches the 2× export designers use. */
  density?: Density
}

export type Density = 1 | 2 | 3

/**
 * Where a result goes: as an image fill on the layers that were selected when
 * the designer pressed Generate, or on a new layer beside them (in view when
 * nothing was selected).
 */
export type Placement = 'fill' | 'new-layer'

/**
 * Where one task's images land: the designer's choice of placement; for
 * Expand, 'behind': a new layer at the bottom of the target frame, covering it,
 * under the image it continues (Expand to a ratio first makes that frame
 * around the target image); for Edit area, 'area': a new layer over the
 * image at the area's box, masked by the shape the designer drew.
 */
export type Landing = Placement | 'behind' | 'area'

/** What the UI keeps between runs (in clientStorage, through the sandbox). Never the key. */
export interface SavedState {
  prompt: string
  settings: GenerationSettings
  placement: Placement
  /** Requests at a time in a batch. */
  concurrency: number
  /** Takes per Generate: that many requests, their images side by side. */
  takes: number
  /** The last prompts sent, newest first, across files (clientStorage is per machine, not per file). */
  recentPrompts: string[]
  /** An image over Figma's 4096 px goes on a new layer as tiles, every pixel kept, instead of shrunk. */
  keepFullResolution: boolean
  /** Every format: the formats picked from the list (common/formats.ts ids) for a key visual selected alone. */
  formats: string[]
  /** USD: a click that may cost more asks first, with its estimate (a quick action sends nothing and says to open the panel). */
  spendLimit: number
}

/**
 * Recorded in plugin data on every layer the plugin fills or creates, so the
 * image can be traced and regenerated later. It travels with the file and anyone
 * who has the file can read it: it must never hold the key.
 */
export interface GenerationRecord {
  prompt: string
  settings: GenerationSettings
  /** OpenRouter's generation id (`gen-...`), when the answer carried one. */
  generationId: string | null
  /** `usage.cost` in USD credits for the whole request, when the answer carried it. */
  cost: number | null
  /** ISO 8601 time the image arrived. */
  createdAt: string
  /**
   * Set when the prompt was too long for Figma's plugin data limit: `prompt`
   * holds its start only (plugin/history/record.ts).
   */
  promptTruncated?: true
  /** Set when the font inputs' texts were shortened, or the inputs dropped, for the same limit. */
  fontInputsTruncated?: true
  /** The brand kit the request carried (common/brand-kit.ts), by name; `prompt` is the designer's own, without the kit's words. */
  brandKit?: string
  /** The brand kit's page id: Regenerate finds the same kit by it, whatever other kits are named (ui/generation/plan/launch/load-kit.ts). */
  brandKitId?: string
  /**
   * Edit area: the image the area was cut from (a sibling of the edit's group)
   * and whether it was an erase; the area is the group's mask. Regenerate and
   * More like this redo the same area from it.
   */
  area?: { imageId: string; erase: boolean }
  /** Expand: the image the answer continues (its sibling in the frame), so Regenerate expands it again. */
  expand?: { imageId: string }
  /** The explicit pixels asked for (`size`, 2.6 Pro), when the image was made at an exact size rather than a tier. */
  exactSize?: { width: number; height: number }
  /**
   * Every format: the key visual this format was made from (anywhere in the
   * file), so Regenerate makes the format again; and the set it was made in,
   * so History lists the set as one entry.
   */
  format?: { keyVisualId: string; setId: string }
  /**
   * Made from other images (Refine, Upscale, Remove background, Combine), which
   * the record does not name: Regenerate cannot remake it from the prompt alone,
   * and says so rather than sending a different request.
   */
  fromImages?: true
  /**
   * Upscale, and by how much; `prompt` is the designer's own, or empty: the
   * instruction sent when they wrote none is the plugin's, never shown or loaded.
   */
  upscale?: { factor: 2 | 4 }
  /** Remove background: its instruction is the plugin's, so `prompt` is empty. */
  cutout?: true
  /**
   * The image the plugin put on the layer (its Figma image hash), written with
   * the record on the layer: a fill the designer replaced by hand keeps the
   * record, and History counts the layer only while a fill still shows this
   * image. Records written before it have none, and count as they did.
   */
  imageHash?: string
}

/**
 * One generation in the file's history (document plugin data): what made it
 * and the layers it went on. Never the key, never image bytes.
 */
export interface HistoryEntry {
  layerIds: string[]
  record: GenerationRecord
}

/** An image ready for `figma.createImage`: PNG, JPEG or GIF, at most 4096 px a side. */
export interface PreparedImage {
  bytes: Uint8Array
  width: number
  height: number
}

/** Where one piece of an image larger than Figma takes sits: its pixels start at (x, y) of the whole image. */
export interface TileRect {
  x: number
  y: number
  width: number
  height: number
}

/** A tile's pixels, as the UI cuts them. */
export interface ImageTile extends PreparedImage, TileRect {}

/**
 * A tile Figma already holds as an image (`figma.createImage`, one tile a
 * request, so that no message carries more than one image): its hash.
 */
export interface HeldTile extends TileRect {
  imageHash: string
}

/**
 * An image over 4096 px a side, cut into tiles that Figma takes (at most 4096
 * px a side each) and that together cover every pixel of it exactly once:
 * with their pixels in the UI, with their image hashes once Figma holds them.
 */
export interface TiledImage<Tile extends TileRect = ImageTile> {
  width: number
  height: number
  tiles: Tile[]
}

/** How to export a layer: Figma's own export constraint. */
export interface ExportConstraint {
  type: 'SCALE' | 'WIDTH' | 'HEIGHT'
  value: number
}

/**
 * One Sourceful model as OpenRouter's catalog lists it
 * (`GET /api/v1/models?output_modalities=image`), trimmed to what the plugin reads.
 */
export interface CatalogEntry {
  id: ModelId
  name: string
  /** OpenRouter's price strings (USD), as listed; kept for the record, not trusted for estimates. */
  pricing: Record<string, string>
  supportedParameters: string[]
  /** The roads whose lists name the model; absent (a cache of an older build): not known. */
  roads?: Road[]
  /**
   * The Image API's endpoint record for the model, as OpenRouter sent it: read
   * defensively by ui/openrouter/images-record.ts each time, so that the cache and
   * the live answer go through one reader.
   */
  imagesEndpoint?: unknown
}

/**
 * The two ways OpenRouter makes images: chat completions (the only one that
 * carries refSR, scoring and effort) and the Image API (`POST /api/v1/images`),
 * which some newer models are served by alone (docs/contracts.md#the-image-api).
 */
export type Road = 'chat' | 'images'

/** The catalog as clientStorage keeps it between runs, with when it was fetched (ms since epoch). */
export interface CachedCatalog {
  models: CatalogEntry[]
  fetchedAt: number
  /** Roads learned from a refusal (chat completions' 404 "No endpoints found"), kept for the next runs. */
  learnedRoads?: Record<ModelId, Road>
}

/**
 * A command run from Figma's quick actions, with what the designer entered
 * there: the plugin does it with the panel hidden and reports with a toast.
 */
export type QuickAction =
  | {
      command: 'generate-image'
      prompt: string
      /** Null: the model saved last time. */
      model: ModelId | null
      /** Null: as the panel would choose; 'match-selection': the ratio nearest the first selected layer's. */
      aspectRatio: AspectRatio | 'match-selection' | null
    }
  /** The panel's batch actions on the selection, with no parameters: Upscale each 2×, Remove background, Erase area. */
  | { command: 'upscale-selection' | 'remove-background' | 'erase-area' }
  /** Edit area on an image and the shape drawn over it, with what the designer entered. */
  | { command: 'edit-area'; prompt: string }
