import './model-options.css'
import { Disclosure, Textbox } from '@create-figma-plugin/ui'
import { useState } from 'preact/hooks'
import type { BackgroundMode, GenerationSettings } from '../../../common/domain'
import { RadioField } from '../../components/RadioField'
import { SelectField } from '../../components/SelectField'
import { isHexColor } from '../../hex-color'
import { EFFORT_LABELS, type ModelCapabilities } from '../../models'

const BACKGROUNDS: Record<BackgroundMode, string> = { original: 'Original', transparent: 'Transparent', solid: 'Solid colour' }

interface ModelOptionsProps {
  model: ModelCapabilities
  settings: GenerationSettings
  onChange: (settings: GenerationSettings) => void
}

/**
 * What 2.5 and later add: the background, how carefully the model plans its
 * edit (the effort OpenRouter bills by) and what it judges its images by. Each
 * shows only when the chosen model offers it, so a V2 panel stays as it was.
 */
export function ModelOptions({ model, settings, onChange }: ModelOptionsProps) {
  const [advanced, setAdvanced] = useState(settings.scoringPrompt !== '')
  const set = (change: Partial<GenerationSettings>) => onChange({ ...settings, ...change })
  const colourOk = isHexColor(settings.backgroundColor)
  // A background is a choice beside Original (what every model does unasked), never one alone.
  const modes: BackgroundMode[] = model.backgrounds.length > 0 ? ['original', ...model.backgrounds.filter((mode) => mode !== 'original')] : []
  const backgrounds = modes.map((mode) => ({ value: mode, label: BACKGROUNDS[mode] }))
  const efforts = model.efforts.map((effort) => ({ value: effort, label: EFFORT_LABELS[effort] }))
  return (
    <>
      {backgrounds.length > 0 && <RadioField label="Background" value={settings.background} options={backgrounds} onChange={(background) => set({ background })} />}
      {model.backgrounds.includes('solid') && settings.background === 'solid' && (
        <div class="colour-row">
          {/* The swatch shows the colour as typed; empty until it is one OpenRouter takes (the panel says why). */}
          <span class="swatch" aria-hidden="true" style={{ background: colourOk ? settings.backgroundColor : 'transparent' }} />
          <Textbox aria-label="Background colour" placeholder="#RRGGBB" value={settings.backgroundColor} onValueInput={(backgroundColor) => set({ backgroundColor })} />
        </div>
      )}
      {efforts.length > 0 && <SelectField label="Thinking" value={settings.effort} options={efforts} onChange={(effort) => set({ effort })} />}
      {model.scoring && (
        <Disclosure title="What a good result has" open={advanced} onClick={() => setAdvanced(!advanced)}>
          <label class="field">
            <span class="field-label">Judge by</span>
            <Textbox
              aria-label="Judge by"
              placeholder="What a good result has, e.g. clean edges, the logo legible"
              value={settings.scoringPrompt}
              onValueInput={(scoringPrompt) => set({ scoringPrompt })}
            />
          </label>
        </Disclosure>
      )}
    </>
  )
}
