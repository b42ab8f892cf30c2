import { Button } from '@create-figma-plugin/ui'
import { downloadImage } from '../../image/download'
import type { KeptImage } from '../../generation/use-generation'
import { MessageText } from './MessageText'

interface KeptImagesProps {
  items: KeptImage[]
  onRetry: (item: KeptImage) => void
  onDismiss: (item: KeptImage) => void
}

/** Images paid for but not on the canvas: Retry, Download or Open each, until dismissed. */
export function KeptImages(props: KeptImagesProps) {
  return (
    <section class="kept" aria-label="Images not placed">
      <span class="field-label">Not placed yet, kept here so nothing is lost</span>
      {props.items.map((item) => (
        <div class="message" key={item.id}>
          <MessageText text={item.message} />
          <div class="buttons">
            {item.retry && (
              <Button secondary onClick={() => props.onRetry(item)}>
                Retry
              </Button>
            )}
            {item.download && (
              <Button secondary onClick={() => downloadImage(item.download!.bytes, item.download!.name, item.download!.mimeType)}>
                Download
              </Button>
            )}
            {item.url && (
              <a href={item.url} target="_blank" rel="noreferrer">
                Open image
              </a>
            )}
            <button class="link-button" onClick={() => props.onDismiss(item)}>
              Dismiss
            </button>
          </div>
        </div>
      ))}
    </section>
  )
}
