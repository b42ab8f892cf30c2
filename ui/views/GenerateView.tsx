import { Button, Muted, TextboxMultiline } from '@create-figma-plugin/ui'
import { useEffect, useMemo } from 'preact/hooks'
import type { SavedState, SelectedLayer, SelectionUse } from '../../common/domain'
import { nearestAspectRatio } from '../aspect-ratios'
import { RadioField } from '../components/RadioField'
import { FontInputsEditor } from '../fonts/FontInputsEditor'
import { type ClickAction, planClick } from '../generation/plan-click'
import type { Generation } from '../generation/use-generation'
import { modelInfo } from '../models'
import type { KeyInfo } from '../openrouter/key'
import { SelectionPanel } from '../selection/SelectionPanel'
import type { LayerRole, Roles } from '../selection/roles'
import { BatchChoice } from './BatchChoice'
import { JobStatus } from './JobStatus'
import { KeptImages } from './KeptImages'
import { OutcomeLine } from './OutcomeLine'
import { PlacementChoice } from './PlacementChoice'
import { RunButtons } from './RunButtons'
import { SettingsFields } from './SettingsFields'
import { TakesField } from './TakesField'
import { creditLine } from './format'
import { withRecentPrompt } from '../state/recent-prompts'
import { useReplaceChoice } from './use-replace-choice'

interface GenerateViewProps {
  apiKey: string
  keyInfo: KeyInfo | null
  keyProblem: string | null
  /** The designer's prompt, settings and choices, kept by the App across Settings and reopens. */
  state: SavedState
  onStateChange: (change: Partial<SavedState>) => void
  selection: SelectedLayer[]
  onOpenSettings: () => void
  onOpenHistory: () => void
  /** Owned by the App, so that a running job and kept images survive a trip to Settings. */
  generation: Generation
  roles: Roles
  onRoleChange: (layerId: string, role: LayerRole) => void
  thumbnails: Record<string, string>
}

const SELECTION_USES = [
  { value: 'create', label: 'Where a new image goes' },
  { value: 'edit', label: 'What to refine or upscale' },
] as const

export function GenerateView(props: GenerateViewProps) {
  const { state, selection, roles, generation, onStateChange } = props
  const { settings } = state
  // A job's start replans too, so each click sends tasks of new ids: the sandbox
  // places the images of one task id side by side, and a new click is a new task.
  const [replace, setReplace] = useReplaceChoice(selection)
  const plan = useMemo(() => planClick({ state, selection, roles, replace }), [state, selection, roles, replace, generation.job])
  const editing = plan.use === 'edit'
  const alerts = generation.error ? [generation.error, ...plan.problems] : plan.problems

  // Filling a layer: start from the supported ratio nearest the layer's, so the image
  // fills it with the least cropping. The designer can still pick another.
  const firstFillable = selection.find((layer) => layer.fillable)
  useEffect(() => {
    if (editing || plan.placement !== 'fill' || !firstFillable) return
    const aspectRatio = nearestAspectRatio(firstFillable.width, firstFillable.height)
    if (aspectRatio !== settings.aspectRatio) onStateChange({ settings: { ...settings, aspectRatio } })
    // Only when the target changes, not on every settings change.
  }, [editing, plan.placement, firstFillable?.id, firstFillable?.width, firstFillable?.height])

  function run(action: ClickAction) {
    if (generation.job || plan.problems.length > 0) return
    onStateChange({ recentPrompts: withRecentPrompt(state.recentPrompts, state.prompt) })
    void generation.start(action.tasks, { key: props.apiKey, modelLabel: modelInfo(settings.model).label, concurrency: action.concurrency })
  }

  // Cmd/Ctrl+Enter generates from anywhere in the panel, as designers expect of a prompt box.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
        event.preventDefault()
        run(plan.generate)
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  })

  return (
    <main class="view">
      <div class="actions topbar">
        <Muted>{creditLine(props.keyInfo)}</Muted>
        <Button secondary onClick={props.onOpenHistory}>
          History
        </Button>
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
        value={state.prompt}
        onValueInput={(prompt: string) => onStateChange({ prompt })}
        spellCheck
      />
      <SettingsFields settings={settings} onChange={(next) => onStateChange({ settings: next })} />
      <TakesField takes={state.takes} onChange={(takes) => onStateChange({ takes })} />

      {selection.length > 0 && (
        <RadioField<SelectionUse>
          label="The selection is"
          value={state.selectionUse}
          options={SELECTION_USES}
          onChange={(selectionUse) => onStateChange({ selectionUse })}
        />
      )}
      {editing && <SelectionPanel selection={selection} roles={roles} thumbnails={props.thumbnails} onRoleChange={props.onRoleChange} />}
      {editing ? (
        <BatchChoice
          inputCount={plan.inputCount}
          eachOnItsOwn={state.eachOnItsOwn}
          concurrency={state.concurrency}
          onEachOnItsOwnChange={(eachOnItsOwn) => onStateChange({ eachOnItsOwn })}
          onConcurrencyChange={(concurrency) => onStateChange({ concurrency })}
        />
      ) : (
        <PlacementChoice
          selectedCount={selection.length}
          fillableCount={plan.fillableCount}
          ownImageCount={plan.ownImageCount}
          takes={state.takes}
          placement={plan.placement}
          onChange={(placement) => onStateChange({ placement })}
          onReplaceChange={setReplace}
        />
      )}

      <FontInputsEditor
        fonts={settings.fontInputs}
        max={modelInfo(settings.model).maxFontInputs}
        prompt={state.prompt}
        selection={selection}
        onChange={(fontInputs) => onStateChange({ settings: { ...settings, fontInputs } })}
        onPromptChange={(prompt) => onStateChange({ prompt })}
      />

      {alerts.map((message) => (
        <p class="alert" role="alert" key={message}>
          {message}
        </p>
      ))}

      {generation.job ? <JobStatus job={generation.job} onCancel={generation.cancel} /> : <RunButtons plan={plan} onRun={run} />}
      {generation.outcome && !generation.job && <OutcomeLine outcome={generation.outcome} onRetry={generation.retryTask} />}
      {generation.kept.length > 0 && <KeptImages items={generation.kept} onRetry={generation.retryKept} onDismiss={generation.dismissKept} />}
    </main>
  )
}
