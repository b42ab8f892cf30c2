import { useEffect, useState } from 'preact/hooks'
import type { SelectedLayer } from '../../common/selection'
import { onPluginEvent, requestAsync } from '../bridge'
import { MIME_TYPES } from '../image/mime-types'
import { encodeBase64 } from '../image/data-url'

/**
 * The layers selected in Figma and their thumbnails, as the sandbox tells
 * them. Starts from the selection handed over with the page; once listening,
 * asks the sandbox for the thumbnails, which follow one a message.
 *
 * Thumbnails that arrive within one frame are shown together: each change
 * redraws the whole panel, which for a selection of thousands of layers is
 * not free, and fifty come one after another (bench/results/notes.md). Each is
 * a data: URL, which costs a base64 copy of a few kilobytes, where a Blob and
 * its object URL each cost a round trip to the browser process.
 */
export function useSelection(initial: SelectedLayer[]) {
  const [selection, setSelection] = useState(initial)
  const [thumbnails, setThumbnails] = useState<Record<string, string>>({})

  useEffect(() => {
    let arrived: Record<string, string> = {}
    let frame: number | null = null
    const showArrived = () => {
      frame = null
      const shown = arrived
      arrived = {}
      setThumbnails((current) => ({ ...current, ...shown }))
    }
    const stop = onPluginEvent((message) => {
      switch (message.type) {
        case 'selection-changed':
          setSelection(message.selection)
          // Forget the thumbnails of layers that left the selection, those still on their way included.
          arrived = keepThumbnailsOf(message.selection, arrived)
          setThumbnails((current) => keepThumbnailsOf(message.selection, current))
          break
        case 'layer-thumbnail':
          arrived[message.layerId] = `data:${MIME_TYPES.png};base64,${encodeBase64(message.bytes)}`
          frame ??= requestAnimationFrame(showArrived)
          break
      }
    })
    // Without thumbnails the list still works: names and sizes are in the selection.
    requestAsync('send-selection', {}).catch(() => {})
    return () => {
      stop()
      if (frame !== null) cancelAnimationFrame(frame)
    }
  }, [])

  return { selection, thumbnails }
}

/**
 * The thumbnails of the layers still selected, so a long session does not keep
 * every PNG it ever showed.
 */
export function keepThumbnailsOf(selection: readonly SelectedLayer[], thumbnails: Record<string, string>): Record<string, string> {
  const selected = new Set(selection.map((layer) => layer.id))
  const kept: Record<string, string> = {}
  let dropped = false
  for (const [id, url] of Object.entries(thumbnails)) {
    if (selected.has(id)) kept[id] = url
    else dropped = true
  }
  return dropped ? kept : thumbnails
}
