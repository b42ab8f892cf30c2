import { useCallback, useState } from 'preact/hooks'
import type { PlaceImageArgs } from '../../plugin/messages'
import type { PreparedForFigma } from '../image/prepare-for-figma'
import type { OutcomeEvent } from './job-outcome'
import { placeTakeAsync } from './place-take'

/**
 * An image that was paid for but is not on the canvas: it stays here, with
 * Retry (place it again, on a new layer) and Download, until dismissed.
 */
export interface KeptImage {
  id: string
  message: string
  image: PreparedForFigma | null
  /** A remote image the plugin could not download, to open in the browser. */
  url: string | null
  place: PlaceImageArgs | null
}

let keptCounter = 0

/**
 * Places takes through the sandbox, and keeps every one it could not place:
 * a paid image is never dropped. `dispatch` tells the job's outcome of each
 * image placed.
 */
export function useKeptImages(dispatch: (event: OutcomeEvent) => void) {
  const [kept, setKept] = useState<KeptImage[]>([])

  const keep = useCallback((item: Omit<KeptImage, 'id'>) => setKept((current) => [...current, { id: `kept-${++keptCounter}`, ...item }]), [])

  /** Resolves true once the image is on the canvas, false when it was kept instead. */
  const place = useCallback(
    async (args: PlaceImageArgs, image: PreparedForFigma): Promise<boolean> => {
      try {
        const { fellBack, nodeIds } = await placeTakeAsync(args)
        dispatch({ type: 'take-placed', fellBack, layers: { nodeIds, name: args.name } })
        return true
      } catch (error) {
        const message = error instanceof Error ? error.message : 'Figma could not place the image. Retry, or download it.'
        keep({ message, image, url: null, place: args })
        return false
      }
    },
    [keep],
  )

  /** Places a kept image again, on a new layer in view: its old targets may be what failed. */
  const retryKept = useCallback(
    (item: KeptImage) => {
      if (!item.place || !item.image) return
      setKept((current) => current.filter((k) => k.id !== item.id))
      void place({ ...item.place, placement: 'new-layer', targetIds: [], reveal: true }, item.image)
    },
    [place],
  )

  const dismissKept = useCallback((item: KeptImage) => {
    setKept((current) => current.filter((k) => k.id !== item.id))
  }, [])

  return { kept, keep, place, retryKept, dismissKept }
}
