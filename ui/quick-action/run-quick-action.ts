import type { QuickAction, SavedState } from '../../common/domain'
import type { SelectedLayer } from '../../common/selection'
import type { KitApplied } from '../generation/plan/task'
import { fileKitAsync } from '../generation/plan/launch/load-kit'
import { requestAsync } from '../bridge'
import type { GenerationController } from '../generation/generation'
import type { ModelCapabilities } from '../models'
import { formatUsd } from '../pricing'
import { FONT_INPUT_PRICE } from '../../common/models'
import { withoutDetail } from '../answer/errors'
import { BUSY, planQuickAction } from './plan-quick-action'

export interface QuickActionContext {
  key: string
  saved: SavedState
  selection: SelectedLayer[]
  /** The panel's one Generation: busy while another job runs. */
  generation: GenerationController
  /** The model list the panel would offer: Remove background needs one that answers on a transparent background. */
  models: readonly ModelCapabilities[]
}

/**
 * A progress toast stays up until the result replaces it; past this, Figma takes it down anyway.
 * Longer than the longest a request may wait (25 minutes on 2.5 and later, docs/contracts.md#timeouts).
 */
const PROGRESS_TOAST_MS = 30 * 60_000

/**
 * Runs a quick action with the panel hidden: plans it as the panel would,
 * sends it through the panel's own generation path, reports with toasts and
 * closes the plugin. An image paid for but not placed shows the panel
 * instead, where it waits with Retry and Download.
 */
export async function runQuickActionAsync(quick: QuickAction, context: QuickActionContext): Promise<void> {
  const { saved, selection, models } = context
  const kit = await fileKitAsync()
  const plan = planQuickAction(quick, { saved, selection, models, kit, busy: context.generation.getState().job !== null })
  if (!plan.ok) return closeWithAsync(plan.problem, true)
  // Remove background may send with another model than the saved one: the toast names the one it sends to.
  const { label } = plan.action.tasks[0].model
  // A toast is the designer's headline: OpenRouter's code stays in the panel, where it is a detail.
  // The model to try is named in the error already (ui/models/suggest-model.ts), as in the panel.
  const failed = (error: string) => withoutDetail(error)
  const note = plan.note ? ` ${plan.note}` : ''
  await notifyAsync(`${doing(quick, plan.action.tasks.length)} with ${label}${withKit(plan.action.tasks[0]?.brandKit)}${note}${fontsLeftOut(quick, saved)}`, false, PROGRESS_TOAST_MS)
  const summary = await context.generation.start(plan.action.tasks, {
    key: context.key,
    models,
    concurrency: plan.action.concurrency,
    keepFullResolution: context.saved.keepFullResolution,
  })
  if (!summary) return closeWithAsync(BUSY, true)
  if (summary.kept > 0) {
    await notifyAsync(`${summary.error ? failed(summary.error) : 'An image could not be placed.'} It is kept in the panel to retry or download.`, true)
    await requestAsync('show-ui', {})
    return
  }
  const placed = `Placed ${summary.placed === 1 ? '1 image' : `${summary.placed} images`}${summary.cost !== null ? ` · cost ${formatUsd(summary.cost)}` : ''}.`
  if (summary.shrunk > 0) {
    // Closing would let the full-size original go with the panel's memory: the panel shows, with its Download.
    const which = summary.shrunk === 1 ? 'It was scaled down to fit Figma’s 4096 px; its full-size original' : `${summary.shrunk} were scaled down to fit Figma’s 4096 px; their full-size originals`
    await notifyAsync(`${placed} ${which} can be downloaded in the panel.`, false)
    await requestAsync('show-ui', {})
    return
  }
  if (summary.error === null) return closeWithAsync(placed, false)
  if (plan.action.count > 1) {
    // Each failed request's reason and its Retry are in the panel: it shows, rather than closing on a count.
    await notifyAsync(summary.placed > 0 ? `${placed} ${failed(summary.error)}` : failed(summary.error), true)
    await requestAsync('show-ui', {})
    return
  }
  return closeWithAsync(failed(summary.error), true)
}

/** "… and the brand kit “Acme”… Left out: …": the toast names what of the kit did not go, its paid extras among them. */
function withKit(applied: KitApplied | undefined): string {
  if (!applied) return '…'
  const left = applied.leftOut.length > 0 ? ` Left out: ${applied.leftOut.join('; ')}.` : ''
  return ` and the brand kit “${applied.name}”…${left}`
}

/**
 * The panel's own text in the brand's font, which a quick action leaves out
 * (each is billed, and a toast shows no price before it sends), named where
 * the command sends a prompt it could have gone with.
 */
function fontsLeftOut(quick: QuickAction, saved: SavedState): string {
  const fonts = saved.settings.fontInputs.length
  if (fonts === 0 || (quick.command !== 'generate-image' && quick.command !== 'edit-area')) return ''
  return ` Left out: your text in the brand’s font, +${formatUsd(fonts * FONT_INPUT_PRICE)}: send it from the panel, where the price shows first.`
}

/** The progress toast's first words, for what the command sends. */
function doing(quick: QuickAction, count: number): string {
  const what = count === 1 ? 'the selection' : `${count} layers`
  switch (quick.command) {
    case 'generate-image':
      return 'Generating'
    case 'upscale-selection':
      return `Upscaling ${what} 2×`
    case 'remove-background':
      return `Removing the background of ${what}`
    case 'edit-area':
      return 'Editing the area'
    case 'erase-area':
      return 'Erasing the area'
  }
}

async function closeWithAsync(message: string, error: boolean): Promise<void> {
  await notifyAsync(message, error)
  await requestAsync('close-plugin', {})
}

function notifyAsync(message: string, error: boolean, timeoutMs?: number): Promise<null> {
  return requestAsync('notify', timeoutMs === undefined ? { message, error } : { message, error, timeoutMs })
}

