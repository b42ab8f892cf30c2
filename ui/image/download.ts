import { readImageInfo } from './image-info'
import { MIME_TYPES } from './mime-types'

/**
 * Saves an image through the browser: one that could not be placed on the
 * canvas, or an original larger than Figma takes. The file's extension follows
 * `mimeType` when given (the original's own type), else the bytes' header.
 */
export function downloadImage(bytes: Uint8Array, baseName: string, mimeType?: string): void {
  const type = mimeType ?? MIME_TYPES[readImageInfo(bytes)?.format ?? 'png']
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = `${baseName.replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'Riverflow image'}.${extensionOf(type)}`
  document.body.appendChild(link)
  link.click()
  link.remove()
  // Give the download a moment to start before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

function extensionOf(mimeType: string): string {
  const subtype = /^image\/([a-z0-9.+-]+)$/i.exec(mimeType)?.[1]?.toLowerCase() ?? 'png'
  return subtype === 'jpeg' ? 'jpg' : subtype
}
