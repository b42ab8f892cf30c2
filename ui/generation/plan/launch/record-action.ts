import type { GenerationRecord } from '../../../../common/domain'
import { isObject } from '../../../../common/read/is-object'
import { REMOVE_BACKGROUND_PROMPT } from '../cutout-settings'
import { UPSCALE_PROMPT } from '../plan-tasks'

/**
 * Upscale or Remove background, when one made a record's image: their
 * instruction to the model is the plugin's, never the designer's prompt.
 * Records written before the action was kept say it only by that instruction,
 * kept as their prompt (an Upscale's factor is then not known).
 */
export type RecordAction = { action: 'upscale'; factor: 2 | 4 | null } | { action: 'remove-background' }

/** The action that made a record's image (untrusted: any record a file holds); null for any other. */
export function recordAction(record: Pick<GenerationRecord, 'prompt' | 'upscale' | 'cutout'> | Record<string, unknown>): RecordAction | null {
  if (record.cutout === true || record.prompt === REMOVE_BACKGROUND_PROMPT) return { action: 'remove-background' }
  const factor = isObject(record.upscale) ? record.upscale.factor : undefined
  if (factor === 2 || factor === 4) return { action: 'upscale', factor }
  return record.prompt === UPSCALE_PROMPT ? { action: 'upscale', factor: null } : null
}

/** The prompt the designer wrote for the record's image: empty where it was only the plugin's instruction. */
export function designerPromptOf(record: Pick<GenerationRecord, 'prompt'>): string {
  return record.prompt === UPSCALE_PROMPT || record.prompt === REMOVE_BACKGROUND_PROMPT ? '' : record.prompt
}

/** The instruction the action sends when the designer wrote no prompt of their own. */
export function actionInstruction(action: RecordAction): string {
  return action.action === 'upscale' ? UPSCALE_PROMPT : REMOVE_BACKGROUND_PROMPT
}
