import type { GenerationSettings } from '../../common/domain'
import type { ModelCapabilities } from '../models'
import { roadLimits } from '../openrouter/images-request'
import { roadFor } from '../openrouter/roads'
import { listInWords } from './format'

interface RoadNoteProps {
  model: ModelCapabilities
  settings: GenerationSettings
  /** refSR references the next click would send. */
  references: number
}

/**
 * A model that OpenRouter serves only through its Image API (found on a first
 * 404, then remembered for the session) cannot take every option: the panel
 * names them before sending, rather than dropping them quietly.
 */
export function RoadNote({ model, settings, references }: RoadNoteProps) {
  const limits = roadLimits(model, settings, roadFor(model.id), { references })
  if (limits.length === 0) return null
  return (
    <p class="notice" role="note">
      {model.label} goes through OpenRouter’s Image API, which cannot carry the {listInWords(limits)}: they will not be sent.
    </p>
  )
}
