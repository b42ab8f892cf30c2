import { Button } from '@create-figma-plugin/ui'
import { useSyncExternalStore } from 'preact/compat'
import { downloadImage } from '../../image/download'
import { fullSizeImages } from '../../generation/land/full-size-store'
import type { JobOutcome } from '../../generation/job-outcome'

/**
 * The full-size originals of earlier jobs, still in memory while the panel is
 * open: the last job's are offered on its result line, these would otherwise
 * be out of reach once another job starts.
 */
export function KeptOriginals({ outcome }: { outcome: Pick<JobOutcome, 'shrunk' | 'tiled'> | null }) {
  const originals = useSyncExternalStore(fullSizeImages.subscribe, fullSizeImages.list)
  const shown = new Set([...(outcome?.shrunk ?? []), ...(outcome?.tiled ?? [])].map((image) => image.fullSizeId))
  const earlier = originals.filter((original) => !shown.has(original.id))
  if (earlier.length === 0) return null
  return (
    <details class="field">
      <summary>Full-size originals from earlier ({earlier.length})</summary>
      <ul class="plain-list" aria-label="Full-size originals">
        {earlier.map((original) => (
          <li class="actions" key={original.id}>
            <span class="grow">
              {original.name} · {original.width}×{original.height}
            </span>
            <Button secondary aria-label={`Download ${original.name} at full size`} onClick={() => download(original.id)}>
              Download
            </Button>
          </li>
        ))}
      </ul>
    </details>
  )
}

function download(id: string) {
  // Listed ones are kept: the list changes whenever the store lets one go.
  const image = fullSizeImages.get(id)
  if (image) downloadImage(image.bytes, `${image.name} (full size)`, image.mimeType)
}
