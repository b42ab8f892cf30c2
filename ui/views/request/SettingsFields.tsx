import { useState } from 'preact/hooks'
import type { AspectRatio, Density, GenerationSettings, ImageSize, ModelId } from '../../../common/domain'
import { ASPECT_RATIOS, expectedPixelSize } from '../../../common/sizes'
import { SelectField } from '../../components/SelectField'
import { type FrameSize, frameSizeLine, setSizeLine } from '../../models/frame-size'
import { type ModelCapabilities, findModel, fitSettingsToModel, modelPurpose, priceLabel } from '../../models'
import { listInWords } from '../format'

interface SettingsFieldsProps {
  models: readonly ModelCapabilities[]
  settings: GenerationSettings
  onChange: (settings: GenerationSettings) => void
  /** What Fit the frame chooses for the image the main action makes, when it is meant for a frame. */
  frame?: FrameSize
  /** Every format's, when the main action makes a set: the line speaks for all of them, not the first. */
  setFrames?: readonly FrameSize[]
}

const FIT = 'fit'
/** Image pixels per frame pixel: what a designer exports at, in the words of Figma's export menu. */
const SHARPNESS: readonly { value: `${Density}`; label: string }[] = [
  { value: '1', label: '1× (screen)' },
  { value: '2', label: '2× (retina)' },
  { value: '3', label: '3× (print)' },
]

/**
 * Model, shape and size, each with what it costs or how many pixels it
 * makes. For an image meant for a frame, Size offers Fit the frame (the
 * default) at a sharpness, with the pixels it pays for and what a fill crops.
 */
export function SettingsFields({ models, settings, onChange: change, frame, setFrames }: SettingsFieldsProps) {
  // What the last choice of model changed besides the model, said under it until another field changes.
  const [changed, setChanged] = useState<string[]>([])
  function onChange(next: GenerationSettings) {
    setChanged([])
    change(next)
  }
  function setModel(model: ModelId) {
    // Fast has no 4K: the largest size the new model offers; the same for background and effort.
    const fitted = fitSettingsToModel({ ...settings, model }, findModel(models, model))
    change(fitted.settings)
    setChanged(fitted.notes)
  }
  const fitting = frame !== undefined && settings.fitFrame !== false
  const model = findModel(models, settings.model)
  const tiers = model.sizes.map((size) => {
    const { width, height } = expectedPixelSize(settings.aspectRatio, size)
    return { value: size as ImageSize | typeof FIT, label: `${size} · ${width}×${height}` }
  })

  return (
    <>
      <div class="field">
        <SelectField
          label="Model"
          value={settings.model}
          options={models.map((m) => ({ value: m.id, label: `${m.label}${m.isNew ? ' (new)' : ''} · ${priceLabel(m)}` }))}
          onChange={setModel}
        />
        <p class="muted" aria-label="What the model is for">
          {purposeLine(model)}
        </p>
        {changed.length > 0 && (
          <p class="muted" role="status" aria-label="Changed for the model">
            {changed.join(' ')}
          </p>
        )}
      </div>
      <div class="row">
        {!fitting && (
          <SelectField<AspectRatio>
            label="Aspect ratio"
            value={settings.aspectRatio}
            options={ASPECT_RATIOS.map((ratio) => ({ value: ratio, label: ratio }))}
            onChange={(aspectRatio) => onChange({ ...settings, aspectRatio })}
          />
        )}
        <SelectField<ImageSize | typeof FIT>
          label="Size"
          value={fitting ? FIT : settings.imageSize}
          options={frame ? [{ value: FIT, label: 'Fit the frame' }, ...tiers] : tiers}
          onChange={(size) => onChange(size === FIT ? { ...settings, fitFrame: true } : { ...settings, fitFrame: false, imageSize: size })}
        />
        {fitting && (
          <SelectField<`${Density}`>
            label="Sharpness"
            value={`${settings.density ?? 2}`}
            options={SHARPNESS}
            onChange={(density) => onChange({ ...settings, density: Number(density) as Density })}
          />
        )}
      </div>
      {fitting && (
        <p class="muted" aria-label="Size for the frame">
          {setFrames && setFrames.length > 1 ? setSizeLine(setFrames, settings.density ?? 2) : frameSizeLine(frame)}
        </p>
      )}
    </>
  )
}

/** "Good for exact frame sizes, best quality and cut-outs.": what to choose the model for, under its name. */
function purposeLine(model: ModelCapabilities): string {
  return `Good for ${listInWords(modelPurpose(model))}.`
}
