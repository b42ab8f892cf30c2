import { Button, Muted } from '@create-figma-plugin/ui'
import { useState } from 'preact/hooks'
import { requestAsync } from '../../bridge'
import type { PlacedLayers } from '../../generation/job-outcome'

/** Each placed image by name, with Show: selects it and zooms to it, on its page. */
export function PlacedList({ layers }: { layers: PlacedLayers[] }) {
  const [problem, setProblem] = useState<string | null>(null)
  async function showAsync(placed: PlacedLayers) {
    setProblem(null)
    try {
      await requestAsync('show-layers', { layerIds: placed.nodeIds })
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'Figma could not show the layers.')
    }
  }
  return (
    <>
      <ul class="tasks" aria-label="Placed images">
      {layers.map((placed, i) => (
        <li key={`${placed.nodeIds.join()}-${i}`}>
          <span class="layer-name" title={placed.name}>
            {placed.name}
          </span>
          <Button secondary aria-label={`Show ${placed.name}`} onClick={() => void showAsync(placed)}>
            Show
          </Button>
        </li>
      ))}
      </ul>
      {problem && <Muted>{problem}</Muted>}
    </>
  )
}
