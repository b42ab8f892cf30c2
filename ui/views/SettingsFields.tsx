import type { AspectRatio, GenerationSettings, ImageSize, ModelId } from '../../common/domain'
import { ASPECT_RATIOS, expectedPixelSize } from '../aspect-ratios'
import { SelectField } from '../components/SelectField'
import { MODELS, sizesOffered } from '../models'
import { priceRange } from './format'

interface SettingsFieldsProps {
  settings: GenerationSettings
  onChange: (settings: GenerationSettings) => void
}

/** Model, aspect ratio and size, each with what it costs or how many pixels it makes. */
export function SettingsFields({ settings, onChange }: SettingsFieldsProps) {
  function setModel(model: ModelId) {
    const offered = sizesOffered(model)
    // Fast has no 4K: keep the largest size the new model offers.
    const imageSize = offered.includes(settings.imageSize) ? settings.imageSize : offered[offered.length - 1]
    onChange({ ...settings, model, imageSize })
  }

  return (
    <>
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
          onChange={(aspectRatio) => onChange({ ...settings, aspectRatio })}
        />
        <SelectField<ImageSize>
          label="Size"
          value={settings.imageSize}
          options={sizesOffered(settings.model).map((size) => {
            const { width, height } = expectedPixelSize(settings.aspectRatio, size)
            return { value: size, label: `${size} · ${width}×${height}` }
          })}
          onChange={(imageSize) => onChange({ ...settings, imageSize })}
        />
      </div>
    </>
  )
}
