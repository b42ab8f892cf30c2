import { Button, LoadingIndicator, TextboxMultiline } from '@create-figma-plugin/ui'
import { useEffect } from 'preact/hooks'
import type { AspectRatio, GenerationSettings, ImageSize, ModelId, Placement, SelectedLayer } from '../../plugin/messages'
import { ASPECT_RATIOS, expectedPixelSize, nearestAspectRatio } from '../aspect-ratios'
import { SelectField } from '../components/SelectField'
import { formatElapsed, useElapsedSeconds } from '../components/use-elapsed-seconds'
import { downloadImage } from '../download'
import { FontInputsEditor } from '../fonts/FontInputsEditor'
import type { Generation, JobOutcome, KeptImage } from '../generation/use-generation'
import type { KeyInfo } from '../openrouter/key'
import { MODELS, modelInfo, sizesOffered } from '../models'
import { estimateCost, formatUsd } from '../pricing'

interface GenerateViewProps {
  apiKey: string
  keyInfo: KeyInfo | null
  keyProblem: string | null
  prompt: string
  settings: GenerationSettings
  placement: Placement
  selection: SelectedLayer[]
  onPromptChange: (prompt: string) => void
  onSettingsChange: (settings: GenerationSettings) => void
  onPlacementChange: (placement: Placement) => void
  onOpenSettings: () => void
  /** Owned by the App, so that a running job and kept images survive a trip to Settings. */
  generation: Generation
}

const IS_MAC = /Mac/.test(navigator.platform)

export function GenerateView(props: GenerateViewProps) {
  const { settings, selection } = props
  const { generation } = props
  const model = modelInfo(settings.model)
  const fillable = selection.filter((layer) => layer.fillable)
  const placement: Placement = fillable.length > 0 ? props.placement : 'new-layer'
  const estimate = estimateCost(settings)
  const busy = generation.job !== null

  // Filling a layer: start from the supported ratio nearest the layer's, so the image
  // fills it with the least cropping. The designer can still pick another.
  const firstFillable = fillable[0]
  useEffect(() => {
    if (placement !== 'fill' || !firstFillable) return
    const ratio = nearestAspectRatio(firstFillable.width, firstFillable.height)
    if (ratio !== settings.aspectRatio) props.onSettingsChange({ ...settings, aspectRatio: ratio })
    // Only when the target changes, not on every settings change.
  }, [placement, firstFillable?.id, firstFillable?.width, firstFillable?.height])

  function generate() {
    if (busy) return
    void generation.start({
      key: props.apiKey,
      prompt: props.prompt,
      settings,
      modelLabel: model.label,
      placement,
      targetIds: placement === 'fill' ? fillable.map((layer) => layer.id) : selection.map((layer) => layer.id),
    })
  }

  // Cmd/Ctrl+Enter generates from anywhere in the panel, as designers expect of a prompt box.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
        event.preventDefault()
        generate()
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  })

  function setModel(id: ModelId) {
    const offered = sizesOffered(id)
    // Fast has no 4K: keep the largest size the new model offers.
    const imageSize = offered.includes(settings.imageSize) ? settings.imageSize : offered[offered.length - 1]
    props.onSettingsChange({ ...settings, model: id, imageSize })
  }

  return (
    <main class="view">
      <div class="topbar">
        <span class="muted">{creditLine(props.keyInfo)}</span>
        <Button secondary onClick={props.onOpenSettings}>
          Settings
        </Button>
      </div>
      {props.keyProblem && (
        <p class="alert" role="alert">
          {props.keyProblem}
        </p>
      )}

      <TextboxMultiline
        aria-label="Prompt"
        placeholder="Describe the image: subject, style, light, composition…"
        rows={5}
        value={props.prompt}
        onValueInput={props.onPromptChange}
        spellCheck
      />

      <SelectField
        label="Model"
        value={settings.model}
        options={MODELS.map((m) => ({ value: m.id, label: `${m.label} · ${priceRange(m.pricePerImage)} per image` }))}
        onChange={setModel}
      />
      <div class="row">
        <SelectField<AspectRatio>
          label="Aspect ratio"
          value={settings.aspectRatio}
          options={ASPECT_RATIOS.map((ratio) => ({ value: ratio, label: ratio }))}
          onChange={(aspectRatio) => props.onSettingsChange({ ...settings, aspectRatio })}
        />
        <SelectField<ImageSize>
          label="Size"
          value={settings.imageSize}
          options={sizesOffered(settings.model).map((size) => {
            const { width, height } = expectedPixelSize(settings.aspectRatio, size)
            return { value: size, label: `${size} · ${width}×${height}` }
          })}
          onChange={(imageSize) => props.onSettingsChange({ ...settings, imageSize })}
        />
      </div>

      <PlacementChoice
        selection={selection}
        fillableCount={fillable.length}
        placement={placement}
        onChange={props.onPlacementChange}
      />

      <FontInputsEditor
        fonts={settings.fontInputs}
        max={model.maxFontInputs}
        prompt={props.prompt}
        selection={selection}
        onChange={(fontInputs) => props.onSettingsChange({ ...settings, fontInputs })}
        onPromptChange={props.onPromptChange}
      />

      {generation.error && (
        <p class="alert" role="alert">
          {generation.error}
        </p>
      )}

      {generation.job ? (
        <JobStatus
          startedAt={generation.job.startedAt}
          modelLabel={generation.job.modelLabel}
          retryText={
            generation.job.retry
              ? `${generation.job.retry.reason.message} Trying again in ${Math.ceil(generation.job.retry.waitMs / 1000)} s (attempt ${generation.job.retry.attempt}).`
              : null
          }
          onCancel={generation.cancel}
        />
      ) : (
        <div class="actions">
          <span class="muted" aria-label="Estimated cost">
            {estimate === null ? 'Size not offered' : `Estimated ${formatUsd(estimate)}`}
          </span>
          <Button onClick={generate} disabled={busy}>
            Generate <kbd>{IS_MAC ? '⌘↵' : 'Ctrl+↵'}</kbd>
          </Button>
        </div>
      )}

      {generation.outcome && !generation.job && <OutcomeLine outcome={generation.outcome} />}
      {generation.kept.length > 0 && (
        <KeptImages items={generation.kept} onRetry={generation.retryKept} onDismiss={generation.dismissKept} />
      )}
    </main>
  )
}

function PlacementChoice(props: {
  selection: SelectedLayer[]
  fillableCount: number
  placement: Placement
  onChange: (placement: Placement) => void
}) {
  if (props.selection.length === 0) {
    return <p class="muted" style={{ margin: 0 }}>Nothing selected: the image goes on a new layer in the middle of the view.</p>
  }
  if (props.fillableCount === 0) {
    return <p class="muted" style={{ margin: 0 }}>The image goes on a new layer beside the selection.</p>
  }
  const layers = props.fillableCount === 1 ? 'the selected layer' : `the ${props.fillableCount} selected layers`
  return (
    <fieldset class="choice">
      <legend class="field-label">Place the image</legend>
      <label>
        <input type="radio" name="placement" checked={props.placement === 'fill'} onChange={() => props.onChange('fill')} />
        As the fill of {layers}
      </label>
      <label>
        <input
          type="radio"
          name="placement"
          checked={props.placement === 'new-layer'}
          onChange={() => props.onChange('new-layer')}
        />
        On a new layer beside the selection
      </label>
    </fieldset>
  )
}

function JobStatus(props: { startedAt: number; modelLabel: string; retryText: string | null; onCancel: () => void }) {
  const seconds = useElapsedSeconds(props.startedAt)
  return (
    <div class="status" role="status">
      <LoadingIndicator />
      <span class="status-text">
        {props.retryText ?? `Generating with ${props.modelLabel}… ${formatElapsed(seconds)}`}
        {!props.retryText && seconds >= 20 && <span class="muted"> Pro can take a few minutes.</span>}
      </span>
      <Button secondary onClick={props.onCancel}>
        Cancel
      </Button>
    </div>
  )
}

function OutcomeLine({ outcome }: { outcome: JobOutcome }) {
  const parts = [
    outcome.placed === 1 ? 'Placed 1 image' : `Placed ${outcome.placed} images`,
    outcome.cost !== null ? `cost ${formatUsd(outcome.cost)}` : null,
  ].filter(Boolean)
  return (
    <p class="muted" role="status" style={{ margin: 0 }}>
      {parts.join(' · ')}.
      {outcome.shrunk.map((s) => ` Scaled down from ${s.from} to ${s.to} to fit Figma’s 4096 px limit.`)}
      {outcome.fellBack && ' A target layer was deleted or locked, so the image went on a new layer.'}
    </p>
  )
}

function KeptImages(props: { items: KeptImage[]; onRetry: (item: KeptImage) => void; onDismiss: (item: KeptImage) => void }) {
  return (
    <section class="kept" aria-label="Images not placed">
      <span class="field-label">Not placed yet, kept here so nothing is lost</span>
      {props.items.map((item) => (
        <div class="kept-item" key={item.id}>
          <span style={{ flex: 1 }}>{item.message}</span>
          {item.image && item.place && (
            <Button secondary onClick={() => props.onRetry(item)}>
              Retry
            </Button>
          )}
          {item.image && (
            <Button secondary onClick={() => downloadImage(item.image!.bytes, item.place?.name ?? 'Riverflow image')}>
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
      ))}
    </section>
  )
}

function priceRange(prices: Partial<Record<ImageSize, number>>): string {
  const values = Object.values(prices).filter((v): v is number => v !== undefined)
  const low = Math.min(...values)
  const high = Math.max(...values)
  return low === high ? formatUsd(low) : `${formatUsd(low)}–${formatUsd(high)}`
}

function creditLine(info: KeyInfo | null): string {
  if (!info) return 'OpenRouter key saved'
  if (info.limitRemaining === null) return `Key${info.label ? ` “${info.label}”` : ''} · no limit`
  return `${formatUsd(info.limitRemaining)} credit left on this key`
}
