import { TextboxMultiline } from '@create-figma-plugin/ui'
import { useEffect, useMemo, useRef } from 'preact/hooks'
import type { AspectRatio, SavedState } from '../../common/domain'
import { MAX_TEXT } from '../../common/read/read-settings'
import type { SelectedLayer } from '../../common/selection'
import { nearestAspectRatio } from '../../common/sizes'
import type { ReadyKit } from '../brand-kit/ready-kit'
import type { BrandKitsState } from '../brand-kit/use-brand-kits'
import type { OfferKind } from '../generation/plan/offer'
import { planClick } from '../generation/plan/plan-click'
import { propose } from '../generation/plan/propose'
import type { Generation } from '../generation/use-generation'
import { type ModelCapabilities, fitSettingsToModel } from '../models'
import type { KeyInfo } from '../openrouter/sign-in/key'
import type { LayerRole, Roles } from '../selection/roles'
import { Alerts } from './outcome/Alerts'
import { LandsLine } from './LandsLine'
import { RequestOptions } from './request/RequestOptions'
import { RunArea } from './run/RunArea'
import { TopBar } from './TopBar'
import { creditLine, spendLine, spendRangeWhy } from './format'
import { useRunAction } from './run/use-run-action'
import { useSelectionChoice } from './run/use-selection-choice'

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
  /** The designer's roles for Combine into one; the defaults where none was given. */
  roles: Roles
  onRoleChange: (layerId: string, role: LayerRole) => void
  thumbnails: Record<string, string>
  /** The models to offer: OpenRouter's catalog, or the cache or built-in table in its stead. */
  models: readonly ModelCapabilities[]
  brandKits: BrandKitsState
}

/** What the prompt box asks for, by the main action. */
const PLACEHOLDERS: Partial<Record<OfferKind, string>> = {
  'refine-each': 'Say what to change: “warmer light, a marble counter”…',
  'edit-area': 'Say what goes in the area you drew…',
  erase: 'Erase needs no prompt; or say what to put in its place…',
  expand: 'Optional: what to add in the new space…',
  'upscale-with-references': 'Optional: what to keep sharp…',
  formats: 'Optional: what to add where the formats continue the picture…',
}

/**
 * The panel: a prompt, the action the selection proposes with its price, its
 * result where the designer is looking, and the request in one line under it,
 * to open for the model, size and options.
 */
/**
 * The fill target whose nearest ratio was last applied, kept above the view:
 * the view is unmounted while Settings or History shows, and coming back is
 * no new target.
 */
let appliedFillTarget: string | null = null

export function GenerateView(props: GenerateViewProps) {
  const { state, generation, onStateChange, models, brandKits } = props
  // While a job runs, the panel speaks for the selection it was pressed on: the frames it fills and the layers it
  // places change the selection, not the job, and the foot would propose another action midway. Once it ends, the live one.
  const pressedOn = useRef(props.selection)
  if (!generation.job) pressedOn.current = props.selection
  const selection = pressedOn.current
  const { settings } = state
  const [expandTo, setExpandTo] = useSelectionChoice<AspectRatio | undefined>(selection, undefined)
  const kit = brandKits.ready
  const plan = useMemo(() => planClick({ state, selection, roles: props.roles, models, kit, expandTo }), [state, selection, props.roles, models, kit, expandTo])
  const proposal = useMemo(() => propose(plan, selection), [plan, selection])
  const { primary } = proposal
  // Every offer again with the kit as it is at the click: what the click sends once the kit is read again.
  const replan = (fresh: ReadyKit | null) => {
    const again = planClick({ state, selection, roles: props.roles, models, kit: fresh, expandTo })
    return [again.generate, ...again.offers]
  }
  const { run, confirmKey, setConfirmKey, shownProblems, wait } = useRunAction({ ...props, proposal, replan, brandKits })
  // Filling a layer: start from the supported ratio nearest the layer's, so the image
  // fills it with the least cropping. The designer can still pick another.
  // Only when the target changes, not on every settings change: the designer's own pick then stands.
  const fillable = selection.find((layer) => layer.fillable)
  const fillRatio = plan.placement === 'fill' && fillable ? nearestAspectRatio(fillable.width, fillable.height) : null
  const fillTarget = fillRatio && `${fillable?.id}:${fillRatio}`
  // What the effect reads when it runs, without running again each time it changes.
  const latest = useRef({ settings, onStateChange })
  latest.current = { settings, onStateChange }
  useEffect(() => {
    // Once a target: back from Settings or History (which replace this view), the designer's pick stands.
    if (fillTarget === appliedFillTarget) return
    appliedFillTarget = fillTarget
    const { settings, onStateChange } = latest.current
    if (fillRatio && fillRatio !== settings.aspectRatio) onStateChange({ settings: { ...settings, aspectRatio: fillRatio } })
  }, [fillTarget, fillRatio])
  const combining = [...proposal.secondary, ...proposal.more, primary].some((offer) => offer.kind === 'combine')

  return (
    <main class="view">
      <TopBar
        credit={[creditLine(props.keyInfo), spendLine(generation.spent)].filter(Boolean).join(' · ')}
        creditWhy={spendRangeWhy(generation.spent)}
        onOpenHistory={props.onOpenHistory}
        onOpenSettings={props.onOpenSettings}
      />
      {props.keyProblem && (
        <p class="alert message" role="alert">
          {props.keyProblem}
        </p>
      )}
      <TextboxMultiline
        aria-label="Prompt"
        placeholder={PLACEHOLDERS[primary.kind] ?? 'Describe the image: subject, style, light, composition…'}
        rows={4}
        value={state.prompt}
        onValueInput={(prompt: string) => onStateChange({ prompt })}
        spellCheck
      />
      {/* Saved for next time cut to its start (toStoredState): said while it is so, not only once it is read back. */}
      {state.prompt.length > MAX_TEXT && (
        <p class="muted" role="status" aria-label="Prompt kept">
          Only the first {MAX_TEXT.toLocaleString('en')} characters are kept for next time.
        </p>
      )}
      {/* The selection's action and what it did come where the eye lands, under the prompt: no scrolling. */}
      <RunArea
        proposal={proposal}
        model={settings.model}
        generation={generation}
        confirmKey={confirmKey}
        wait={wait}
        onRun={run}
        onRetry={(taskId) => generation.retryTask(taskId, props.apiKey)}
        onBack={() => setConfirmKey(null)}
        onRatio={setExpandTo}
        onFormats={(formats) => onStateChange({ formats })}
        spendLimit={state.spendLimit}
        alerts={
          <Alerts
            error={generation.error}
            // Once the designer picked it by hand, there is nothing to switch to.
            switchTo={generation.switchTo === settings.model ? null : (models.find((m) => m.id === generation.switchTo) ?? null)}
            onSwitch={(next) => {
              onStateChange({ settings: fitSettingsToModel(settings, next).settings })
              generation.dismissError()
            }}
            problems={shownProblems}
          />
        }
      />
      {!generation.job && <LandsLine offer={primary} plan={plan} selection={selection} placement={state.placement} onPlacement={(placement) => onStateChange({ placement })} />}
      <RequestOptions
        offer={primary}
        running={generation.job?.sends}
        state={state}
        onStateChange={onStateChange}
        models={models}
        selection={selection}
        brandKits={brandKits}
        roles={combining ? props.roles : null}
        onRoleChange={props.onRoleChange}
        thumbnails={props.thumbnails}
      />
    </main>
  )
}
