import { useEffect, useState } from 'preact/hooks'
import type { SelectedLayer } from '../../common/selection'
import { onPluginEvent, requestAsync } from '../bridge'
import { keepThumbnailsOf } from './keep-thumbnails'

/**
 * The layers selected in Figma and their thumbnails, as the sandbox tells
 * them. Starts from the selection handed over with the page; once listening,
 * asks the sandbox for the thumbnails, which follow one a message.
 */
export function useSelection(initial: SelectedLayer[]) {
  const [selection, setSelection] = useState(initial)
  const [thumbnails, setThumbnails] = useState<Record<string, string>>({})

  useEffect(() => {
    const stop = onPluginEvent((message) => {
      switch (message.type) {
        case 'selection-changed':
          setSelection(message.selection)
          // Free the thumbnails of layers that left the selection: each holds a PNG in memory.
          setThumbnails((current) => keepThumbnailsOf(message.selection, current))
          break
        case 'layer-thumbnail': {
          const url = URL.createObjectURL(new Blob([message.bytes as BlobPart], { type: 'image/png' }))
          setThumbnails((current) => {
            if (current[message.layerId]) URL.revokeObjectURL(current[message.layerId])
            return { ...current, [message.layerId]: url }
          })
          break
        }
      }
    })
    // Without thumbnails the list still works: names and sizes are in the selection.
    requestAsync('send-selection', {}).catch(() => {})
    return stop
  }, [])

  return { selection, thumbnails }
}
