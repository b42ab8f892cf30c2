import type { AspectRatio, ModelId, QuickAction } from '../../common/domain'
import { modelChoicesAsync } from './model-choices'
import { ASPECT_RATIOS } from '../../common/sizes'
import { MATCH_SELECTION, suggestionsAsync } from './suggestions'

/** manifest.json `menu` commands that run as quick actions, with the panel hidden. */
const QUICK_ACTION_COMMANDS = ['generate-image', 'edit-area', 'upscale-selection', 'remove-background', 'erase-area']
/** The commands that take no parameters: each runs one of the panel's batch actions on the selection. */
const SELECTION_COMMANDS = ['upscale-selection', 'remove-background', 'erase-area'] as const

/**
 * When Figma launched a quick action: offers suggestions while the designer
 * types its parameters, then, once Figma runs it, hands what was entered to
 * `open` (a prompt left empty gets a toast and nothing else). Returns false
 * for any other launch, which opens the panel as always.
 */
export function startQuickAction(open: (action: QuickAction) => void): boolean {
  if (!QUICK_ACTION_COMMANDS.includes(figma.command)) return false
  figma.parameters.on('input', ({ key, query, result }) => {
    void suggestionsAsync(key, query, modelChoicesAsync).then((suggestions) => result.setSuggestions(suggestions ?? []))
  })
  figma.on('run', ({ command, parameters }) => {
    void readQuickActionAsync(command, parameters ?? {}).then((action) => {
      if ((action.command === 'generate-image' || action.command === 'edit-area') && action.prompt === '') {
        figma.notify(action.command === 'edit-area' ? 'Write what the area should show: nothing was sent.' : 'Write a prompt to generate an image: nothing was sent.', { error: true })
        figma.closePlugin()
        return
      }
      open(action)
    })
  })
  return true
}

/** What the designer entered, checked: a model or ratio not offered counts as not given. Only the commands above get here. */
async function readQuickActionAsync(command: string, parameters: ParameterValues): Promise<QuickAction> {
  const onSelection = SELECTION_COMMANDS.find((c) => c === command)
  if (onSelection) return { command: onSelection }
  const prompt = typeof parameters.prompt === 'string' ? parameters.prompt.trim() : ''
  if (command === 'edit-area') return { command: 'edit-area', prompt }
  const models = await modelChoicesAsync()
  const model = models.some((m) => m.id === parameters.model) ? (parameters.model as ModelId) : null
  const ratio = parameters['aspect-ratio']
  const aspectRatio = ratio === MATCH_SELECTION || ASPECT_RATIOS.includes(ratio) ? (ratio as AspectRatio | 'match-selection') : null
  return { command: 'generate-image', prompt, model, aspectRatio }
}
