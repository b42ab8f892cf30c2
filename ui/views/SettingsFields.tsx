import type { AspectRatio, Density, GenerationSettings, ImageSize, ModelId } from '../../common/domain'
import { ASPECT_RATIOS, expectedPixelSize } from '../../common/sizes'
import { SelectField } from '../components/SelectField'
import { type FrameSize, frameSizeLine } from '../generation/plan/frame-size'
import { type ModelCapabilities, findModel, fitSettingsToModel, priceLabel } from '../models'

interface SettingsFieldsProps {
  models: readonly ModelCapabilities[]
  settings: GenerationSettings
  onChange: (settings: GenerationSettings) => void
  /** What Fit the frame chooses for the image Generate makes, when it is meant for a frame. */
  frame?: FrameSize
}

const FIT = 'fit'
const DENSITIES: readonly Density[] = [1, 2, 3]

/**
 * Model, aspect ratio and size, each with what it costs or how many pixels it
 * makes. For an image meant for a frame, Size offers Fit the frame (the default)
 * at a density, with the pixels it pays for and what a fill crops away.
 */
export function SettingsFields({ models, settings, onChange, frame }: SettingsFieldsProps) {
  function setModel(model: ModelId) {
    // Fast has no 4K: the largest size the new model offers; the same for background and effort.
    onChange(fitSettingsToModel({ ...settings, model }, findModel(models, model)).settings)
  }
  const fitting = frame !== undefined && settings.fitFrame !== false
  const tiers = findModel(models, settings.model).sizes.map((size) => {
    const { width, height } = expectedPixelSize(settings.aspectRatio, size)
    return { value: size as ImageSize | typeof FIT, label: `${size} · ${width}×${height}` }
  })

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
        <SelectField<ImageSize | typeof FIT>
          label="Size"
          value={fitting ? FIT : settings.imageSize}
          options={frame ? [{ value: FIT, label: 'Fit the frame' }, ...tiers] : tiers}
          onChange={(size) => onChange(size === FIT ? { ...settings, fitFrame: true } : { ...settings, fitFrame: false, imageSize: size })}
        />
        {fitting && (
          <SelectField<string>
            label="Density"
            value={String(settings.density ?? 2)}
            options={DENSITIES.map((density) => ({ value: String(density), label: `${density}×` }))}
            onChange={(density) => onChange({ ...settings, density: Number(density) as Density })}
          />
        )}
      </div>
      {fitting && (
        <p class="muted" aria-label="Size for the frame">
          {frameSizeLine(frame)}
        </p>
      )}
    </>
  )
}
