import { readImageInfo } from './image/image-info'
import { MIME_TYPES } from './image/mime-types'

/** Saves an image through the browser, for one that could not be placed on the canvas. */
export function downloadImage(bytes: Uint8Array, baseName: string): void {
  const format = readImageInfo(bytes)?.format ?? 'png'
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: MIME_TYPES[format] }))
  const link = document.createElement('a')
  link.href = url
  link.download = `${baseName.replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'Riverflow image'}.${format === 'jpeg' ? 'jpg' : format}`
  document.body.appendChild(link)
  link.click()
  link.remove()
  // Give the download a moment to start before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
