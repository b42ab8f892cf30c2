import { useCallback, useEffect, useRef, useState } from 'preact/hooks'
import type { GenerationSettings, PlaceImageMessage, Placement } from '../../plugin/messages'
import { onPluginMessage, postToPlugin } from '../bridge'
import type { RetryNotice } from '../openrouter/client'
import { GenerationError } from '../openrouter/errors'
import type { PreparedForFigma } from '../image/prepare-for-figma'
import { generateImagesAsync } from './generate-images'
import { layerNameFromPrompt } from './layer-name'

export interface RunningJob {
  id: string
  startedAt: number
  modelLabel: string
  retry: RetryNotice | null
}

/** What the last finished job did, for the line under the Generate button. */
export interface JobOutcome {
  placed: number
  cost: number | null
  /** Images that came back larger than Figma takes and were scaled down. */
  shrunk: { from: string; to: string }[]
  /** A fill target was gone or locked, so the image went on a new layer instead. */
  fellBack: boolean
}

/**
 * An image that was paid for but is not on the canvas: it stays here, with
 * Retry (place it again, on a new layer) and Download, until the designer
 * dismisses it.
 */
export interface KeptImage {
  id: string
  message: string
  image: PreparedForFigma | null
  /** A remote image the plugin could not download, to open in the browser. */
  url: string | null
  place: PlaceImageMessage | null
}

export interface GenerationRequest {
  key: string
  prompt: string
  settings: GenerationSettings
  modelLabel: string
  placement: Placement
  targetIds: string[]
}

let jobCounter = 0

/**
 * One generation at a time: sends it, tracks its progress, places each image
 * through the sandbox, and keeps what could not be placed. The prompt and
 * settings live in the caller and are never touched here, so an error loses
 * nothing.
 */
export function useGeneration(options: { timeoutMs?: number } = {}) {
  const [job, setJob] = useState<RunningJob | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<JobOutcome | null>(null)
  const [kept, setKept] = useState<KeptImage[]>([])
  const controller = useRef<AbortController | null>(null)
  // Images sent to the sandbox and not yet confirmed, by `${jobId}/${index}`.
  const pending = useRef(new Map<string, { message: PlaceImageMessage; image: PreparedForFigma }>())

  useEffect(
    () =>
      onPluginMessage((message) => {
        if (message.type !== 'image-placed' && message.type !== 'place-failed') return
        const id = `${message.jobId}/${message.index}`
        const sent = pending.current.get(id)
        pending.current.delete(id)
        if (message.type === 'image-placed') {
          setOutcome((current) =>
            current
              ? {
                  ...current,
                  placed: current.placed + 1,
                  fellBack: current.fellBack || (sent?.message.placement === 'fill' && message.placement === 'new-layer'),
                }
              : current,
          )
        } else {
          setKept((current) => [
            ...current.filter((k) => k.id !== id),
            { id, message: message.message, image: sent?.image ?? null, url: null, place: sent?.message ?? null },
          ])
        }
      }),
    [],
  )

  const placeImage = useCallback((message: PlaceImageMessage, image: PreparedForFigma) => {
    pending.current.set(`${message.jobId}/${message.index}`, { message, image })
    postToPlugin(message)
  }, [])

  const start = useCallback(
    async (request: GenerationRequest) => {
      if (controller.current) return
      const abort = new AbortController()
      controller.current = abort
      const jobId = `job-${Date.now().toString(36)}-${++jobCounter}`
      setError(null)
      setOutcome(null)
      setJob({ id: jobId, startedAt: Date.now(), modelLabel: request.modelLabel, retry: null })
      try {
        const answer = await generateImagesAsync({
          key: request.key,
          prompt: request.prompt,
          settings: request.settings,
          signal: abort.signal,
          timeoutMs: options.timeoutMs,
          onRetry: (retry) => setJob((current) => (current ? { ...current, retry } : current)),
        })
        const createdAt = new Date().toISOString()
        const record = {
          prompt: request.prompt,
          settings: request.settings,
          generationId: answer.generationId,
          cost: answer.cost,
          createdAt,
        }
        setOutcome({
          placed: 0,
          cost: answer.cost,
          shrunk: answer.images.flatMap((a) =>
            a.ok && a.image.shrunk
              ? [{ from: `${a.image.originalWidth}×${a.image.originalHeight}`, to: `${a.image.width}×${a.image.height}` }]
              : [],
          ),
          fellBack: false,
        })
        const failures: KeptImage[] = []
        for (const answerImage of answer.images) {
          if (!answerImage.ok) {
            failures.push({ id: `${jobId}/${answerImage.index}`, message: answerImage.message, image: null, url: answerImage.url, place: null })
            continue
          }
          placeImage(
            {
              type: 'place-image',
              jobId,
              index: answerImage.index,
              image: { bytes: answerImage.image.bytes, width: answerImage.image.width, height: answerImage.image.height },
              placement: request.placement,
              targetIds: request.targetIds,
              name: layerNameFromPrompt(request.prompt),
              reveal: true,
              record,
            },
            answerImage.image,
          )
        }
        if (failures.length > 0) setKept((current) => [...current, ...failures])
      } catch (caught) {
        setError(
          caught instanceof GenerationError
            ? caught.message
            : 'Something went wrong while generating. Try again; your prompt and settings are kept.',
        )
      } finally {
        controller.current = null
        setJob(null)
      }
    },
    [options.timeoutMs, placeImage],
  )

  const cancel = useCallback(() => controller.current?.abort(), [])

  /** Places a kept image again, on a new layer in view: its old targets may be what failed. */
  const retryKept = useCallback(
    (item: KeptImage) => {
      if (!item.place || !item.image) return
      setKept((current) => current.filter((k) => k.id !== item.id))
      placeImage({ ...item.place, placement: 'new-layer', targetIds: [] }, item.image)
    },
    [placeImage],
  )

  const dismissKept = useCallback((item: KeptImage) => {
    setKept((current) => current.filter((k) => k.id !== item.id))
  }, [])

  return { job, error, outcome, kept, start, cancel, retryKept, dismissKept }
}

export type Generation = ReturnType<typeof useGeneration>
