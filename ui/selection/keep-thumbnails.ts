import type { SelectedLayer } from '../../common/selection'

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
