import type { AspectRatio, GenerationSettings, ImageSize, ModelId } from '../../common/domain'
import { ASPECT_RATIOS, expectedPixelSize } from '../../common/sizes'
import { SelectField } from '../components/SelectField'
import { type ModelCapabilities, findModel, fitSettingsToModel, priceLabel } from '../models'

interface SettingsFieldsProps {
  models: readonly ModelCapabilities[]
  settings: GenerationSettings
  onChange: (settings: GenerationSettings) => void
}

/** Model, aspect ratio and size, each with what it costs or how many pixels it makes. */
export function SettingsFields({ models, settings, onChange }: SettingsFieldsProps) {
  function setModel(model: ModelId) {
    // Fast has no 4K: the largest size the new model offers; the same for background and effort.
    onChange(fitSettingsToModel({ ...settings, model }, findModel(models, model)).settings)
  }

  return (
    <>
      <SelectField
        label="Model"
        value={settings.model}
        options={models.map((m) => ({ value: m.id, label: `${m.label}${m.isNew ? ' (new)' : ''} · ${priceLabel(m)}` }))}
        onChange={setModel}
      />
      <div class="row">
        <SelectField<AspectRatio>
          label="Aspect ratio"
          value={settings.aspectRatio}
          options={ASPECT_RATIOS.map((ratio) => ({ value: ratio, label: ratio }))}
          onChange={(aspectRatio) => onChange({ ...settings, aspectRatio })}
        />
        <SelectField<ImageSize>
          label="Size"
          value={settings.imageSize}
          options={findModel(models, settings.model).sizes.map((size) => {
            const { width, height } = expectedPixelSize(settings.aspectRatio, size)
            return { value: size, label: `${size} · ${width}×${height}` }
          })}
          onChange={(imageSize) => onChange({ ...settings, imageSize })}
        />
      </div>
    </>
  )
}
