import { Button, Muted } from '@create-figma-plugin/ui'
import { useEffect, useState } from 'preact/hooks'
import type { GenerationRecord } from '../../../common/domain'
import type { HistoryItem } from '../../../common/messages'
import { requestAsync } from '../../bridge'
import { exportLayerAsync } from '../../selection/export-layer'
import type { ModelCapabilities } from '../../models'
import { entryFacts, goneWords } from './entry-facts'
import { type RecordAction, designerPromptOf, recordAction } from '../../generation/plan/launch/record-action'

/** Thumbnails are 48 px; twice that stays sharp on a retina screen. */
const THUMBNAIL_WIDTH = 96

/** One generation: a thumbnail from its layer (never stored), what made it, and its actions. */
export function HistoryRow({ item, models, onUse }: { item: HistoryItem; models: readonly ModelCapabilities[]; onUse: (record: GenerationRecord, note?: string) => void }) {
  const [thumbnail, setThumbnail] = useState<string | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const layerId = item.layerIds[0]
  // The layer's thumbnail would show the image that replaced this one.
  const onLayer = item.exists && !item.swappedOut
  useEffect(() => {
    if (!onLayer) return
    let url: string | null = null
    let live = true
    exportLayerAsync(layerId, { type: 'WIDTH', value: THUMBNAIL_WIDTH }).then(
      ({ bytes }) => {
        if (!live) return
        url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'image/png' }))
        setThumbnail(url)
      },
      // No thumbnail is no reason to say anything: the row reads without it.
      () => {},
    )
    return () => {
      live = false
      if (url) URL.revokeObjectURL(url)
    }
  }, [layerId, onLayer])

  async function runAsync(action: () => Promise<unknown>, done: string | null) {
    setMessage(null)
    try {
      await action()
      setMessage(done)
    } catch (error) {
      setMessage(error instanceof Error ? error.message : 'That did not work. Try again.')
    }
  }

  const { record } = item
  const set = record.format !== undefined
  const gone = goneWords(item)
  return (
    <li class="history-row">
      {thumbnail ? <img class="thumbnail" src={thumbnail} alt="" /> : <span class="thumbnail" />}
      <div class="grow">
        <span class="prompt">{entryTitle(record)}</span>
        {item.frames && item.frames.length > 0 && <Muted>In {item.frames.join(', ')}</Muted>}
        <Muted>
          {entryFacts(item, models)}
          {item.swappedOut && ' · swapped out: Restore previous on its layer brings it back'}
        </Muted>
        {gone && (
          <div>
            <Muted>{gone}</Muted>
          </div>
        )}
        <div class="buttons">
          <Button secondary title="Put this image’s prompt and settings back in the panel" onClick={() => void reuseAsync(item).then(({ record, note }) => onUse(record, note))}>
            Reuse
          </Button>
          {item.exists && (
            <Button secondary title={set ? 'Select the set’s images on the canvas' : 'Select its layer on the canvas'} onClick={() => void runAsync(() => requestAsync('show-layers', { layerIds: item.layerIds }), null)}>
              Select
            </Button>
          )}
          {/* Only while there is an image to copy: the row says why not otherwise (goneWords). */}
          {!set && item.exists && (
            <Button secondary title="Place the image again beside its layer" onClick={() => void runAsync(() => requestAsync('place-again', { layerId, record }), 'Placed again beside it.')}>
              Place again
            </Button>
          )}
        </div>
        {message && <Muted>{message}</Muted>}
      </div>
    </li>
  )
}

/**
 * The row's title, and what the search reads: the prompt, after the action that
 * made the image where the prompt alone would not say (an erase has none).
 */
export function entryTitle(record: GenerationRecord): string {
  const action = record.format ? 'Every format' : record.area ? (record.area.erase ? 'Erase area' : 'Edit area') : record.expand ? 'Expand' : madeByName(recordAction(record))
  // Upscale's and Remove background's instruction to the model is the plugin's: never the title.
  const prompt = designerPromptOf(record)
  return action === null ? prompt : prompt ? `${action}: ${prompt}` : action
}

function madeByName(made: RecordAction | null): string | null {
  if (made === null) return null
  return made.action === 'remove-background' ? 'Remove background' : made.factor === null ? 'Upscale' : `Upscale ${made.factor}×`
}

/**
 * What Reuse loads: History keeps a long prompt shortened (a few kB an entry,
 * for every listing), so the whole record is asked of the image's layer, where
 * it is kept whole. Should that fail (the layer deleted meanwhile), History's
 * copy, with why; loading it says that it is shortened (plan-launch.ts).
 */
async function reuseAsync(item: HistoryItem): Promise<{ record: GenerationRecord; note?: string }> {
  const { record } = item
  if (record.promptTruncated !== true && record.fontInputsTruncated !== true) return { record }
  try {
    return { record: await requestAsync('whole-record', { layerIds: item.layerIds, record }) }
  } catch (error) {
    // The bridge fails with the sandbox's words for the designer (a BridgeError).
    return { record, note: (error as Error).message }
  }
}
