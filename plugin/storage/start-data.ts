import type { QuickAction } from '../../common/domain'
import { type Launch, START_DATA_GLOBAL, type StartData } from '../../common/messages'
import { describeSelection } from '../selection/selection'
import { loadCatalogCacheAsync, loadKeyAsync, loadStateAsync } from './storage'

/**
 * What the panel's first frame needs, read from clientStorage and the
 * selection now. The quick action and the launch are passed in by the one
 * caller that may hand them over (the opening of the UI); every later read
 * carries none, so nothing the designer asked for once runs twice.
 */
export async function readStartDataAsync(quickAction: QuickAction | null = null, launch: Launch | null = null): Promise<StartData> {
  const [key, state, catalog] = await Promise.all([loadKeyAsync(), loadStateAsync(), loadCatalogCacheAsync()])
  return { key, state, catalog, selection: describeSelection(figma.currentPage.selection), quickAction, launch }
}

/**
 * The UI's HTML with the start data in it: a script at the top of `<head>`
 * sets the global before the UI's own (module, so deferred) script runs. `<`
 * is escaped so that no string in the data (a prompt with `</script>`) can
 * end the script early.
 */
export function withStartData(html: string, data: StartData): string {
  const json = JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
  const script = `<script>window.${START_DATA_GLOBAL}=${json}</script>`
  // A function, not a string: a `$&` in the data must not be read as a replacement pattern.
  return html.includes('<head>') ? html.replace('<head>', () => `<head>${script}`) : script + html
}
