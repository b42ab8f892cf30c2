// The selection as the panel knows it: what each selected layer is, and the
// facts the actions on it need (Edit area's boxes, Expand's image). Types only,
// shared by both halves like common/domain.ts.

/** One selected layer, as the UI needs to know it. */
export interface SelectedLayer {
  id: string
  name: string
  type: string
  width: number
  height: number
  /** True when the layer can take an image fill (shapes and frames, not text or groups). */
  fillable: boolean
  /**
   * True when the layer shows an image this plugin made (it carries a
   * generation record and still shows its image, not one the designer put
   * there by hand): a new Generate then goes beside it, not over it.
   */
  madeHere: boolean
  /**
   * True when the layer shows an image fill (a photo, a placed image): the panel
   * then offers to edit it, never to replace it by default.
   */
  showsImage?: true
  /** True for a frame that holds layers of its own (a layout, a post): not an empty frame to fill. */
  holdsLayers?: true
  /** For a text layer: its characters and font, for "Use selected text layer". */
  text?: SelectedText
  /** For a frame holding one image that leaves part of it empty: that image, which Expand continues. */
  expand?: ExpandSource
  /** For a frame whose one image already covers it: that image's name, so the panel can say why there is nothing to expand. */
  filledBy?: string
  /** That image, selected alone, is offered Expand to a ratio (not in an auto layout, rotated or locked): the panel suggests it only then. */
  filledByFramable?: true
  /**
   * For a layer selected alone that shows an image (a rectangle or frame, not
   * rotated, in a parent that can take a frame where it is): Expand can make a
   * frame of a chosen ratio around it and continue the picture to its edges.
   */
  expandsToRatio?: true
  /** For such an image that Expand cannot frame for a reason the designer can change: why, so the panel says what to do. */
  noExpand?: NoExpand
  /**
   * For such an image, what its export covers in its own box's coordinates when
   * more than the box (a shadow, a stroke outside it): Expand draws the export there.
   */
  drawn?: PageBox
  /** Where it is on the page and in which parent, and whether it shows an image: what Edit area needs of an image and the shape drawn over it. */
  area?: AreaFacts
}

/** What stops Expand framing an image selected alone that the designer can change (plugin/placing/expand-ratio.ts). */
export type NoExpandReason = 'locked' | 'rotated' | 'auto-layout'

/** Why an image selected alone is offered no Expand, and the name of its frame when that frame's Expand continues it instead. */
export interface NoExpand {
  reason: NoExpandReason
  frame?: string
}

/** A box on the page (absolute coordinates). */
export interface PageBox {
  x: number
  y: number
  width: number
  height: number
}

/**
 * Edit area's answer on the canvas: its box on the page (absolute), and the
 * shape the designer drew, by id and box, which masks it with a soft edge.
 */
export interface AreaTarget extends PageBox {
  shapeId: string
  /** The shape's box on the page (around it, when it is rotated). */
  shape: PageBox
  /**
   * The image's box on the page when the edit was planned: the area and the
   * shape are checked and placed relative to where the image is now, so a
   * frame moved with both keeps the edit. Absent, they are taken where planned.
   */
  image?: PageBox
  /** What an export of the shape covers, where the soft edge's mask is drawn: its render bounds (docs/contracts.md#figma-rotation-and-render-bounds). */
  shapeExportBox: PageBox
  /**
   * When the shape already masks an edit (a relaunch on it): true puts the new
   * answer in that edit's place, its image kept as the previous one
   * (Regenerate); false or absent makes another edit over the image with a copy
   * of the shape (More like this).
   */
  replace?: boolean
}

/**
 * A layer's place on the page, its parent, and whether it shows an image fill.
 * The box is its absolute bounding box: for a rotated layer, the box around
 * it, larger than the layer's own width and height.
 */
export interface AreaFacts extends PageBox {
  parentId: string
  showsImage: boolean
  /**
   * True when its parent's auto layout places it (docs/contracts.md#figma-auto-layout):
   * a shape there cannot become an edit's mask without moving the layers after it.
   */
  inFlow?: true
  /** Locked by the designer: a shape so is not made an edit's mask (plugin/placing/edit-area.ts). */
  locked?: true
  /** What an export of it covers: its box grown by a stroke outside it, a shadow or a blur (its render bounds). */
  exportBox: PageBox
  /** Turned on the page (rotated or flipped, itself or a frame around it): its pixels do not line up with its box. */
  rotated: boolean
}

/**
 * The image inside a frame that Expand continues to the frame's edges; its box
 * is where its export falls in the frame's coordinates: larger than the image
 * when it is turned or has a shadow or a stroke outside it
 * (docs/contracts.md#figma-rotation-and-render-bounds).
 */
export interface ExpandSource {
  imageId: string
  imageName: string
  x: number
  y: number
  width: number
  height: number
}

interface SelectedText {
  characters: string
  /** Null when the layer mixes several fonts. */
  fontFamily: string | null
  fontStyle: string | null
}
