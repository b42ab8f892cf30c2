import { START_DATA_GLOBAL, type StartData } from '../common/messages'
import { requestAsync } from './bridge'

/**
 * The start data the sandbox put in the page (plugin/storage/start-data.ts), taken off
 * the window at once so nothing else reads it.
 */
let start: StartData | null = (() => {
  const scope = window as unknown as Record<string, unknown>
  const data = scope[START_DATA_GLOBAL] as StartData | undefined
  delete scope[START_DATA_GLOBAL]
  return data && typeof data === 'object' && Array.isArray(data.selection) ? data : null
})()

/**
 * What the panel starts from, or null when the page carries none (it asks the
 * sandbox then). The quick action and launch are handed out once: a panel
 * mounted again (after "Reset settings") must not run them a second time.
 */
export function takeStartData(): StartData | null {
  const data = start
  if (data) start = { ...data, quickAction: null, launch: null }
  return data
}

/** Reads the start data afresh from the sandbox: the saved state just reset, the key as stored now. */
export async function reloadStartDataAsync(): Promise<StartData> {
  const data = await requestAsync('load-start', {})
  start = { ...data, quickAction: null, launch: null }
  return start
}
