import type { Launch, LaunchCommand } from '../common/messages'
import { restorePrevious } from './previous-image'
import { RECORD_KEY } from './record'
import { setRelaunchButtons } from './relaunch-buttons'
import { describeSelection } from './selection'

const UI_COMMANDS: readonly string[] = ['regenerate', 'more-like-this', 'edit-prompt'] satisfies LaunchCommand[]

/**
 * Restore previous needs no network and no panel: done here, then the plugin
 * closes with a word on what happened. True when it ran.
 */
export function relaunchInSandbox(): boolean {
  if (figma.command !== 'restore-previous') return false
  const node = figma.currentPage.selection[0]
  const message = restorePrevious(node)
  if (node) setRelaunchButtons(node)
  figma.closePlugin(message)
  return true
}

/**
 * What a relaunch button asks of the UI, read while the layer is still the
 * selection; null for any other run. The sandbox hands it over once, with the
 * panel's HTML (plugin/start-data.ts): a reset panel must not regenerate again.
 */
export function readLaunch(): Launch | null {
  const command = figma.command
  if (!UI_COMMANDS.includes(command)) return null
  const node = figma.currentPage.selection[0]
  if (!node) return { command: command as LaunchCommand, layer: null, record: null, problem: 'The layer was deleted or is no longer selected. Select it and try again.' }
  const layer = describeSelection([node])[0]
  const raw = node.getPluginData(RECORD_KEY)
  let record: unknown = null
  let problem: string | null = null
  if (raw === '') problem = `“${node.name}” has no Riverflow prompt on it: it was not made by this plugin, or its data was removed.`
  else {
    try {
      record = JSON.parse(raw)
    } catch {
      problem = `The prompt kept on “${node.name}” could not be read: its data is damaged.`
    }
  }
  if (!problem && command === 'regenerate' && node.locked) problem = `“${node.name}” is locked: unlock it to regenerate it. Its prompt and settings are loaded.`
  return { command: command as LaunchCommand, layer, record, problem }
}
