import { IconChevronRight16 } from '@create-figma-plugin/ui'
import { useState } from 'preact/hooks'
import type { SavedState } from '../../../common/domain'
import type { SelectedLayer } from '../../../common/selection'
import { BrandKitField } from '../../brand-kit/BrandKitField'
import { kitLine } from '../../generation/plan/apply-kit'
import type { BrandKitsState } from '../../brand-kit/use-brand-kits'
import { FontInputsEditor } from './FontInputsEditor'
import type { Offer, OfferKind } from '../../generation/plan/offer'
import { requestLine } from '../../generation/plan/propose'
import type { RunningJob } from '../../generation/use-generation'
import { type ModelCapabilities, findModel } from '../../models'
import type { FrameSize } from '../../models/frame-size'
import { SelectionPanel } from '../../selection/SelectionPanel'
import type { LayerRole, Roles } from '../../selection/roles'
import { FullResolutionField } from './FullResolutionField'
import { ModelOptions } from './ModelOptions'
import { SettingsFields } from './SettingsFields'
import { VariationsField } from './VariationsField'

interface RequestOptionsProps {
  /** The main action: the line says what it sends, the fields change it. */
  offer: Offer
  /** While a job runs, what it sends, said in the main action's stead: the press may have been another's. */
  running?: RunningJob['sends']
  state: SavedState
  onStateChange: (change: Partial<SavedState>) => void
  models: readonly ModelCapabilities[]
  selection: SelectedLayer[]
  brandKits: BrandKitsState
  /** Combine into one is on offer: what each selected layer is for, to change. */
  roles: Roles | null
  onRoleChange: (layerId: string, role: LayerRole) => void
  thumbnails: Record<string, string>
}

/**
 * The request in one line ("Riverflow 2.6 Pro · 2400×1256 · 1 image"), the
 * defaults a designer need not touch; pressed, everything that shapes it: the
 * model (with what each is for), size, variations, the model's own options,
 * text in the brand's font, the brand kit, and Combine's roles.
 */
export function RequestOptions(props: RequestOptionsProps) {
  const { offer, state, onStateChange, models, brandKits } = props
  const [open, setOpen] = useState(false)
  const { settings } = state
  const model = findModel(models, settings.model)
  const { line, kit } = props.running ? runningRequest(props.running) : { line: requestLine(offer) || model.label, kit: offer.first?.brandKit?.name ?? brandKits.ready?.kit.name }
  const summary = [line, kit ? `Brand kit ${kit}` : null].filter(Boolean).join(' · ')
  const setSettings = (next: SavedState['settings']) => onStateChange({ settings: next })
  return (
    <section class="request" aria-label="What is sent">
      <button class="request-summary" aria-expanded={open} aria-controls="request-options" title="Model, size and options" onClick={() => setOpen(!open)}>
        <span class="chevron" aria-hidden="true">
          <IconChevronRight16 />
        </span>
        <span class="summary">{summary}</span>
      </button>
      {open && (
        <div class="request-options" id="request-options">
          <SettingsFields models={models} settings={settings} frame={offer.first?.frame} setFrames={setFramesOf(offer)} onChange={setSettings} />
          <VariationsField takes={state.takes} action={offer} onChange={(takes) => onStateChange({ takes })} />
          <ModelOptions model={model} settings={settings} onChange={setSettings} />
          {/* Only 4K answers come back larger than Figma takes (5120 px at 16:9). */}
          {model.sizes.includes('4K') && <FullResolutionField value={state.keepFullResolution} onChange={(keepFullResolution) => onStateChange({ keepFullResolution })} />}
          <FontInputsEditor
            fonts={settings.fontInputs}
            max={model.maxFontInputs}
            prompt={state.prompt}
            selection={props.selection}
            onChange={(fontInputs) => setSettings({ ...settings, fontInputs })}
            onPromptChange={(prompt) => onStateChange({ prompt })}
          />
          <BrandKitField kits={brandKits} line={kitLine(offer.first?.brandKit)} />
          {props.roles && <SelectionPanel selection={props.selection} roles={props.roles} thumbnails={props.thumbnails} onRoleChange={props.onRoleChange} />}
        </div>
      )}
    </section>
  )
}

/** Every format's size, for a set (read only while the options are open: the set's tasks are made then). */
function setFramesOf(offer: Offer): FrameSize[] | undefined {
  if (offer.kind !== 'formats') return undefined
  return offer.tasks.flatMap((task) => (task.frame ? [task.frame] : []))
}

/**
 * What a running job sends, in the line an action would have for it
 * ("Riverflow 2 Fast · 2× sharper · 1 image"), whatever started it: an action
 * beside the main one, a Retry of one frame, a relaunch, none of them the
 * action the selection proposes. The line's words differ by kind only for an
 * upscale's factor and a set's formats, which the tasks say (a test holds it
 * to every offer's own line).
 */
export function runningRequest({ first, count }: RunningJob['sends']): { line: string; kit: string | undefined } {
  const kind: OfferKind = first.formatSet ? 'formats' : first.upscale ? 'upscale-each' : 'generate'
  const line = requestLine({ first, count, kind })
  return { line, kit: first.brandKit?.name }
}
