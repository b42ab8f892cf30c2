import { Button, Muted, TextboxMultiline } from '@create-figma-plugin/ui'
import { useEffect, useMemo, useRef } from 'preact/hooks'
import type { AspectRatio, SavedState, SelectionUse } from '../../common/domain'
import type { SelectedLayer } from '../../common/selection'
import { nearestAspectRatio } from '../../common/sizes'
import { RadioField } from '../components/RadioField'
import { FontInputsEditor } from '../fonts/FontInputsEditor'
import { BrandKitField } from '../brand-kit/BrandKitField'
import { kitLine } from '../brand-kit/apply-kit'
import type { ReadyKit } from '../brand-kit/ready-kit'
import { useBrandKits } from '../brand-kit/use-brand-kits'
import { FullResolutionField } from './FullResolutionField'
import { planClick } from '../generation/plan/plan-click'
import type { Generation } from '../generation/use-generation'
import { type ModelCapabilities, findModel, fitSettingsToModel } from '../models'
import type { KeyInfo } from '../openrouter/key'
import { SelectionPanel } from '../selection/SelectionPanel'
import type { LayerRole, Roles } from '../selection/roles'
import { Alerts } from './Alerts'
import { BatchActions } from './BatchActions'
import { BatchChoice } from './BatchChoice'
import { PlacementChoice } from './PlacementChoice'
import { RoadNote } from './RoadNote'
import { RunArea } from './RunArea'
import { ModelOptions } from './ModelOptions'
import { SettingsFields } from './SettingsFields'
import { TakesField } from './TakesField'
import { creditLine, spendLine } from './format'
import { useRunAction } from './use-run-action'
import { useSelectionChoice } from './use-selection-choice'

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
  /** The models to offer: OpenRouter's catalog, or the cache or built-in table in its stead. */
  models: readonly ModelCapabilities[]
}

const SELECTION_USES = [
  { value: 'create', label: 'Where a new image goes' },
  { value: 'edit', label: 'What to refine or upscale' },
] as const

export function GenerateView(props: GenerateViewProps) {
  const { state, selection, roles, generation, onStateChange } = props
  const { settings } = state
  const [replace, setReplace] = useSelectionChoice(selection, false)
  const [expandTo, setExpandTo] = useSelectionChoice<AspectRatio | undefined>(selection, undefined)
  const { models } = props
  const brandKits = useBrandKits(selection)
  const kit = brandKits.ready
  const replan = (fresh: ReadyKit | null) => planClick({ state, selection, roles, replace, models, kit: fresh, expandTo })
  const plan = useMemo(() => planClick({ state, selection, roles, replace, models, kit, expandTo }), [state, selection, roles, replace, models, kit, expandTo])
  const editing = plan.use === 'edit'
  const model = findModel(props.models, settings.model)
  const { run, confirmKey, setConfirmKey, shownProblems, wait } = useRunAction({ ...props, plan, replan, brandKits })
  // Filling a layer: start from the supported ratio nearest the layer's, so the image
  // fills it with the least cropping. The designer can still pick another.
  // Only when the target changes, not on every settings change: the designer's own pick then stands.
  const fillable = selection.find((layer) => layer.fillable)
  const fillRatio = !editing && plan.placement === 'fill' && fillable ? nearestAspectRatio(fillable.width, fillable.height) : null
  const fillTarget = fillRatio && `${fillable?.id}:${fillRatio}`
  // What the effect reads when it runs, without running again each time it changes.
  const latest = useRef({ settings, onStateChange })
  latest.current = { settings, onStateChange }
  useEffect(() => {
    const { settings, onStateChange } = latest.current
    if (fillRatio && fillRatio !== settings.aspectRatio) onStateChange({ settings: { ...settings, aspectRatio: fillRatio } })
  }, [fillTarget, fillRatio])

  // Why the next click would not send, the last job's error, the job and what it left.
  const outcomeArea = (
    <>
      <Alerts
        error={generation.error}
        switchTo={props.models.find((m) => m.id === generation.switchTo) ?? null}
        onSwitch={(next) => {
          onStateChange({ settings: fitSettingsToModel(settings, next).settings })
          generation.dismissError()
        }}
        problems={shownProblems}
      />
      <RunArea plan={plan} generation={generation} confirmKey={confirmKey} wait={wait} onRun={run} onBack={() => setConfirmKey(null)} />
    </>
  )

  return (
    <main class="view">
      <div class="actions topbar">
        <Muted>{[creditLine(props.keyInfo), spendLine(generation.spent)].filter(Boolean).join(' · ')}</Muted>
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
      {/* What a selection invites comes first, where the eye lands: no scrolling past the settings.
          Refining, what it sends and how it went follow at once; creating, they close the panel. */}
      {/* While a job runs or a large batch waits for Send, its status or question stands in for them. */}
      {!generation.job && confirmKey === null && !wait && <BatchActions actions={plan.batchActions} hints={plan.hints} currentKey={plan.currentAction} onRun={run} onRatio={setExpandTo} />}
      {editing && outcomeArea}
      <SettingsFields models={props.models} settings={settings} frame={plan.generate.first?.frame} onChange={(next) => onStateChange({ settings: next })} />
      <ModelOptions model={model} settings={settings} onChange={(next) => onStateChange({ settings: next })} />
      <TakesField takes={state.takes} onChange={(takes) => onStateChange({ takes })} />
      {/* Only 4K answers come back larger than Figma takes (5120 px at 16:9). */}
      {model.sizes.includes('4K') && (
        <FullResolutionField value={state.keepFullResolution} onChange={(keepFullResolution) => onStateChange({ keepFullResolution })} />
      )}

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
          batch={plan.batch}
          concurrency={state.concurrency}
          onConcurrencyChange={(concurrency) => onStateChange({ concurrency })}
        />
      ) : (
        <PlacementChoice
          selection={selection}
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
        max={model.maxFontInputs}
        prompt={state.prompt}
        selection={selection}
        onChange={(fontInputs) => onStateChange({ settings: { ...settings, fontInputs } })}
        onPromptChange={(prompt) => onStateChange({ prompt })}
      />

      <BrandKitField kits={brandKits} line={kitLine(plan.generate.first?.brandKit)} canMake={selection.length > 0} />
      <RoadNote task={plan.generate.first} />
      {!editing && outcomeArea}
    </main>
  )
}
