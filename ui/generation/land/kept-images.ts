import type { PlaceImageArgs } from '../../../common/messages'
import type { OriginalImage } from '../../image/original-image'

/**
 * A 'place-image' request as the lander holds it, with what the panel calls its image: its task's
 * label, as its row read while it ran ("Story 2", "A red fox · variation 2"), and whether its placed
 * row reads that label rather than its layer's name (`byLabel`): a format's layer is named by its
 * size, which two frames of a set may share (its label names its frame). The sandbox is sent the
 * request without them.
 */
export type LabelledPlaceArgs = PlaceImageArgs & { label: string; byLabel: boolean }

/**
 * An image that was paid for but is not on the canvas: it stays in the panel,
 * with Retry (place it again, on a new layer in view) and Download, until the
 * designer dismisses it. Kept by the Generation, so no view change, error or
 * remount of the panel loses it.
 */
export interface KeptImage {
  id: string
  message: string
  /** What Download saves: the image ready for Figma, or, when it could not be made ready, as it came. */
  download: { bytes: Uint8Array; mimeType: string; name: string } | null
  /** A remote image the plugin could not download, to open in the browser. */
  url: string | null
  /**
   * How to try placing it again: the same request to the sandbox, or, when the
   * image could not be made ready for Figma, making it ready again from the
   * bytes as they came (`unmasked`: an Edit area answer whose shape could not
   * be read, placed over its image without fitting it to the shape). Null when
   * only a download or a link is left.
   */
  retry: { kind: 'place'; args: LabelledPlaceArgs } | { kind: 'prepare'; args: Omit<LabelledPlaceArgs, 'image'>; original: OriginalImage; unmasked?: true } | null
}
