import type { PlaceImageArgs } from '../../plugin/messages'
import { requestAsync } from '../bridge'

/** Placing one image takes Figma well under a second; past this, keep the image instead of waiting on. */
const PLACE_TIMEOUT_MS = 30_000

/**
 * Asks the sandbox to put one take on the canvas, and tells whether a fill fell
 * back to a new layer (its target deleted or locked meanwhile). Rejects with a
 * message for the designer, who then keeps the image to retry or download.
 */
export async function placeTakeAsync(args: PlaceImageArgs): Promise<{ fellBack: boolean; nodeIds: string[] }> {
  const placed = await requestAsync('place-image', args, {
    timeoutMs: PLACE_TIMEOUT_MS,
    timeoutMessage: 'Figma did not place the image in time. Retry, or download it.',
  })
  return { fellBack: args.placement === 'fill' && placed.placement === 'new-layer', nodeIds: placed.nodeIds }
}
