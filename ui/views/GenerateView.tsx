import { Button, LoadingIndicator, TextboxMultiline } from '@create-figma-plugin/ui'
import { useEffect, useState } from 'preact/hooks'
import type { AspectRatio, GenerationSettings, ImageSize, ModelId, Placement, SelectedLayer } from '../../common/domain'
import { ASPECT_RATIOS, expectedPixelSize, nearestAspectRatio } from '../aspect-ratios'
import { SelectField } from '../components/SelectField'
import { formatElapsed, useElapsedSeconds } from '../components/use-elapsed-seconds'
import { downloadImage } from '../download'
import { FontInputsEditor } from '../fonts/FontInputsEditor'
import { estimatePlanCost, planGenerate, planRefine, planUpscale } from '../generation/plan-tasks'
import type { TaskProgress } from '../generation/run-task'
import type { Generation, JobOutcome, JobTask, KeptImage, RunningJob } from '../generation/use-generation'
import type { KeyInfo } from '../openrouter/key'
import { type ModelCapabilities, findModel, fitSettingsToModel, priceLabel, sizesOffered } from '../models'
import { formatEstimate, formatEstimateShort, formatUsd } from '../pricing'
import { SelectionPanel } from '../selection/SelectionPanel'
import { type LayerRole, type Roles, layersWithRole, roleProblems } from '../selection/roles'

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
  roles: Roles
  onRoleChange: (layerId: string, role: LayerRole) => void
  thumbnails: Record<string, string>
  /** The models to offer: OpenRouter's catalog, or the cache or built-in table in its stead. */
  models: readonly ModelCapabilities[]
}

const IS_MAC = /Mac/.test(navigator.platform)

export function GenerateView(props: GenerateViewProps) {
  const { settings, selection } = props
  const { generation } = props
  const [mode, setMode] = useState<'create' | 'edit'>('create')
  const [batch, setBatch] = useState(true)
  const [concurrency, setConcurrency] = useState(3)
  const model = findModel(props.models, settings.model)
  const fillable = selection.filter((layer) => layer.fillable)
  const inputs = layersWithRole(selection, props.roles, 'input')
  const editing = mode === 'edit' && selection.length > 0
  const refining = editing && inputs.length > 0
  const eachOnItsOwn = refining && inputs.length > 1 && batch
  const placement: Placement = fillable.length > 0 ? props.placement : 'new-layer'
  const busy = generation.job !== null
  const problems = !editing
    ? []
    : refining
      ? roleProblems(selection, props.roles, model, eachOnItsOwn)
      : ['Mark one of the selected layers as the input to refine or upscale it.']

  const plan = () =>
    refining
      ? planRefine(props.prompt, settings, selection, props.roles, eachOnItsOwn)
      : planGenerate(props.prompt, settings, placement, selection)
  const estimate = estimatePlanCost(plan())

  // Filling a layer: start from the supported ratio nearest the layer's, so the image
  // fills it with the least cropping. The designer can still pick another.
  const firstFillable = fillable[0]
  useEffect(() => {
    if (editing || placement !== 'fill' || !firstFillable) return
    const ratio = nearestAspectRatio(firstFillable.width, firstFillable.height)
    if (ratio !== settings.aspectRatio) props.onSettingsChange({ ...settings, aspectRatio: ratio })
    // Only when the target changes, not on every settings change.
  }, [editing, placement, firstFillable?.id, firstFillable?.width, firstFillable?.height])

  function run(tasks: ReturnType<typeof plan>) {
    if (busy || problems.length > 0) return
    void generation.start(tasks, { key: props.apiKey, modelLabel: model.label, concurrency: eachOnItsOwn || tasks.length > 1 ? concurrency : 1 })
  }
  const generate = () => run(plan())
  const upscale = (factor: 2 | 4) => run(planUpscale(props.prompt, settings, selection, props.roles, factor))

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
    // Fast has no 4K: the largest size the new model offers; the same for background and effort.
    props.onSettingsChange(fitSettingsToModel(settings, findModel(props.models, id)).settings)
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
        options={props.models.map((m) => ({ value: m.id, label: `${m.label} · ${priceLabel(m)}` }))}
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

      {selection.length > 0 && (
        <fieldset class="choice">
          <legend class="field-label">The selection is</legend>
          <label>
            <input type="radio" name="mode" checked={mode === 'create'} onChange={() => setMode('create')} />
            Where a new image goes
          </label>
          <label>
            <input type="radio" name="mode" checked={mode === 'edit'} onChange={() => setMode('edit')} />
            What to refine or upscale
          </label>
        </fieldset>
      )}

      {editing && (
        <SelectionPanel selection={selection} roles={props.roles} thumbnails={props.thumbnails} onRoleChange={props.onRoleChange} />
      )}

      {editing ? (
        <BatchChoice
          inputCount={inputs.length}
          batch={batch}
          concurrency={concurrency}
          onBatchChange={setBatch}
          onConcurrencyChange={setConcurrency}
        />
      ) : (
        <PlacementChoice selection={selection} fillableCount={fillable.length} placement={placement} onChange={props.onPlacementChange} />
      )}

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

      {problems.map((problem) => (
        <p class="alert" role="alert" key={problem}>
          {problem}
        </p>
      ))}

      {generation.job ? (
        <JobStatus job={generation.job} onCancel={generation.cancel} />
      ) : (
        <div class="field">
          <div class="actions">
            <span class="muted" aria-label="Estimated cost">
              {formatEstimate(estimate)}
            </span>
            <Button onClick={generate} disabled={busy || problems.length > 0}>
              Generate <kbd>{IS_MAC ? '⌘↵' : 'Ctrl+↵'}</kbd>
            </Button>
          </div>
          {refining && (
            <div class="actions">
              <span class="muted">Sharper copy beside each input frame</span>
              <div class="row" style={{ flex: '0 0 auto' }}>
                {([2, 4] as const).map((factor) => {
                  const cost = estimatePlanCost(planUpscale(props.prompt, settings, selection, props.roles, factor))
                  return (
                    <Button secondary key={factor} aria-label={`Upscale ${factor}×`} disabled={problems.length > 0} onClick={() => upscale(factor)}>
                      Upscale {factor}× {cost !== null && <span class="muted">{formatEstimateShort(cost)}</span>}
                    </Button>
                  )
                })}
              </div>
            </div>
          )}
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

function JobStatus(props: { job: RunningJob; onCancel: () => void }) {
  const seconds = useElapsedSeconds(props.job.startedAt)
  const { tasks } = props.job
  const single = tasks.length === 1 ? tasks[0] : null
  const done = tasks.filter((t) => t.progress.phase === 'done').length
  return (
    <div class="status" role="status">
      <LoadingIndicator />
      <div class="status-text">
        {single ? (
          <span>
            {phaseText(single, props.job.modelLabel, seconds)}
            {single.progress.phase === 'generating' && !single.progress.retry && seconds >= 20 && (
              <span class="muted"> Pro can take a few minutes.</span>
            )}
          </span>
        ) : (
          <>
            <span>
              {done} of {tasks.length} frames done · {formatElapsed(seconds)}
            </span>
            <ul class="tasks" aria-label="Frames">
              {tasks.map((task) => (
                <li key={task.id}>
                  <span>{task.label}</span>
                  <span class="muted">{phaseText(task, props.job.modelLabel, null)}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <Button secondary onClick={props.onCancel}>
        Cancel
      </Button>
    </div>
  )
}

function phaseText(task: JobTask, modelLabel: string, seconds: number | null): string {
  const progress: TaskProgress = task.progress
  const retry = progress.retry
  if (progress.phase === 'generating' && retry) {
    return `${retry.reason.message} Trying again in ${Math.ceil(retry.waitMs / 1000)} s (attempt ${retry.attempt}).`
  }
  switch (progress.phase) {
    case 'waiting':
      return 'Waiting'
    case 'exporting':
      return 'Exporting…'
    case 'ready':
      return 'Ready to send'
    case 'generating':
      return seconds === null ? 'Generating…' : `Generating with ${modelLabel}… ${formatElapsed(seconds)}`
    case 'placing':
      return 'Placing…'
    case 'done':
      return 'Placed'
    case 'cancelled':
      return 'Cancelled'
    case 'failed':
      return `Failed: ${progress.message ?? ''}`
  }
}

function BatchChoice(props: {
  inputCount: number
  batch: boolean
  concurrency: number
  onBatchChange: (batch: boolean) => void
  onConcurrencyChange: (concurrency: number) => void
}) {
  if (props.inputCount < 2) {
    return <p class="muted" style={{ margin: 0 }}>The result goes beside the input frame, at its size on the canvas.</p>
  }
  return (
    <div class="actions">
      <label class="check">
        <input type="checkbox" checked={props.batch} onChange={(event) => props.onBatchChange(event.currentTarget.checked)} />
        Each frame on its own
      </label>
      {props.batch && (
        <label class="check">
          <select
            class="select"
            aria-label="Requests at a time"
            style={{ width: '56px' }}
            value={String(props.concurrency)}
            onChange={(event) => props.onConcurrencyChange(Number(event.currentTarget.value))}
          >
            {[1, 2, 3, 4, 5, 6].map((n) => (
              <option key={n} value={String(n)}>
                {n}
              </option>
            ))}
          </select>
          at a time
        </label>
      )}
    </div>
  )
}

function OutcomeLine({ outcome }: { outcome: JobOutcome }) {
  const parts = [
    outcome.placed === 1 ? 'Placed 1 image' : `Placed ${outcome.placed} images`,
    outcome.cost !== null ? `cost ${formatUsd(outcome.cost)}` : null,
  ].filter(Boolean)
  return (
    <div class="field" role="status">
      <p class="muted" style={{ margin: 0 }}>
        {parts.join(' · ')}.
        {outcome.shrunk.map((s) => ` Scaled down from ${s.from} to ${s.to} to fit Figma’s 4096 px limit.`)}
        {outcome.fellBack && ' A target layer was deleted or locked, so the image went on a new layer.'}
      </p>
      {outcome.notes.map((note) => (
        <p class="muted" style={{ margin: 0 }} key={note.name}>
          {note.keptPercent === 0
            ? `“${note.name}” was left out: it did not fit in the 4.5 MB request.`
            : `“${note.name}” was sent at ${note.to.width}×${note.to.height} instead of ${note.from.width}×${note.from.height} (${note.keptPercent}% of the pixels) to fit the 4.5 MB request.`}
        </p>
      ))}
      {outcome.failures.map((failure) => (
        <p class="alert" style={{ margin: 0 }} key={failure.label}>
          {failure.label}: {failure.message}
        </p>
      ))}
    </div>
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

function creditLine(info: KeyInfo | null): string {
  if (!info) return 'OpenRouter key saved'
  if (info.limitRemaining === null) return `Key${info.label ? ` “${info.label}”` : ''} · no limit`
  return `${formatUsd(info.limitRemaining)} credit left on this key`
}
