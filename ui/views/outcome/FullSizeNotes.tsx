import { Button, Muted } from '@create-figma-plugin/ui'
import { useState } from 'preact/hooks'
import { downloadImage } from '../../image/download'
import { fullSizeImages } from '../../generation/land/full-size-store'
import type { JobOutcome } from '../../generation/job-outcome'

interface Line {
  text: string
  fullSizeId: string | null
}

/** Each image that came back larger than Figma takes: how it went on the canvas, and its original to download. */
export function FullSizeNotes({ outcome }: { outcome: Pick<JobOutcome, 'shrunk' | 'tiled'> }) {
  const [gone, setGone] = useState<string | null>(null)
  const lines: Line[] = [
    ...outcome.shrunk.map((s) => ({
      fullSizeId: s.fullSizeId,
      text: s.tilesProblem
        ? `The ${s.from} image could not be kept at full resolution (${s.tilesProblem}), so it was scaled down to ${s.to}.`
        : `Scaled down from ${s.from} to ${s.to} to fit Figma’s 4096 px limit.`,
    })),
    ...outcome.tiled.map((t) => ({
      fullSizeId: t.fullSizeId,
      text: t.placed
        ? `Kept at full resolution: ${t.size} in ${t.tiles} tiles, grouped on a new layer${t.insteadOfFill ? ' (tiles cannot fill a layer)' : ''}.`
        : `The ${t.size} image in ${t.tiles} tiles is not on the canvas: it waits below to retry.`,
    })),
  ]

  function download(id: string) {
    const image = fullSizeImages.get(id)
    if (!image) return setGone('That original is no longer kept: the panel keeps only the latest full-size images, to spare memory.')
    setGone(null)
    downloadImage(image.bytes, `${image.name} (full size)`, image.mimeType)
  }

  return (
    <>
      {lines.map((line, i) => (
        <div class="actions" key={i}>
          <Muted>{line.text}</Muted>
          {line.fullSizeId && (
            <Button secondary aria-label={lines.length > 1 ? `Download full size, image ${i + 1}` : undefined} onClick={() => download(line.fullSizeId!)}>
              Download full size
            </Button>
          )}
        </div>
      ))}
      {gone && <p class="alert">{gone}</p>}
    </>
  )
}
