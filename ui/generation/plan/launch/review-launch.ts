import type { GenerationSettings } from '../../../../common/domain'
import { isGoogleFontFile } from '../../../../common/font-files'
import type { KeyInfo } from '../../../openrouter/sign-in/key'
import { type CostEstimate, formatUsd, highestUsd } from '../../../pricing'
import { estimatePlanCost } from '../plan-tasks'
import type { TaskSpec } from '../task'

/** A relaunch this cheap, like the designer's own settings, runs at once: about two Pro images at 1K. */
const RELAUNCH_AT_ONCE_USD = 0.3

/** A relaunch button's tasks, what they are estimated to cost, and why they wait for Send (none: they may run at once). */
export interface LaunchReview {
  tasks: TaskSpec[]
  estimate: CostEstimate | null
  reasons: string[]
}

/**
 * Whether a relaunch may run at once. Its settings come from the layer, which
 * anyone who can edit the file can write (docs/contracts.md#figma-plugin-data): it
 * runs unasked only when it sends what the designer would expect, the model
 * and size of their own settings, within a small estimate, and no font file
 * from a site the plugin would not itself have chosen. Otherwise the panel
 * shows the reasons with a Send button.
 */
export function reviewLaunch(tasks: TaskSpec[], own: GenerationSettings): LaunchReview {
  const estimate = estimatePlanCost(tasks)
  const reasons: string[] = []
  const first = tasks[0]
  // The panel shows the layer's settings by now: the designer's own are what it was set to.
  if (first && first.settings.model !== own.model) reasons.push(`It uses ${first.model.label}, not the model your panel was set to.`)
  // Fitted to its frame, the size follows the frame: what could differ is the density.
  const fitted = first?.frame !== undefined && first.settings.fitFrame !== false && own.fitFrame !== false
  if (first && fitted && (first.settings.density ?? 2) !== (own.density ?? 2)) {
    reasons.push(`It asks for ${first.settings.density ?? 2}× the frame; your panel was set to ${own.density ?? 2}×.`)
  }
  // An edit's size follows its area, an expansion's and a format's their frame, as the panel's own buttons choose them.
  const sizedByTask = first?.placement === 'area' || first?.expandedImageId !== undefined || first?.formatSet !== undefined
  if (first && !fitted && !sizedByTask && first.settings.imageSize !== own.imageSize) reasons.push(`It asks for ${first.settings.imageSize} images; your panel was set to ${own.imageSize}.`)
  const most = estimate && highestUsd(estimate)
  if (estimate === null) reasons.push('Its price cannot be estimated: the model does not list that size.')
  else if (most === null) reasons.push('Its price is not known until the job ends.')
  else if (most > RELAUNCH_AT_ONCE_USD) {
    reasons.push(`It may cost more than ${formatUsd(RELAUNCH_AT_ONCE_USD)}, the most a relaunch spends without asking.`)
  }
  const fonts = [...new Set(tasks.flatMap((task) => task.settings.fontInputs.map((font) => font.fontUrl)))].filter((url) => !isGoogleFontFile(url))
  // A record may hold an address of 2,048 characters: its start says where from, and the rest would push Send out of view.
  const shown = fonts.map((url) => (url.length > 80 ? `${url.slice(0, 79)}…` : url))
  if (fonts.length > 0) reasons.push(`It sends ${fonts.length === 1 ? 'a font file' : 'font files'} from ${shown.join(', ')}: Sourceful fetches ${fonts.length === 1 ? 'it' : 'them'}.`)
  return { tasks, estimate, reasons }
}

/**
 * Once OpenRouter has told of the key: the reason a reviewed relaunch must still
 * wait, or null when it may run. Null `info`: the credit could not be checked.
 */
export function creditReason(review: LaunchReview, info: KeyInfo | null): string | null {
  if (!info) return 'The credit on your key could not be checked.'
  const most = review.estimate && highestUsd(review.estimate)
  if (info.limitRemaining === null || most === null || most <= info.limitRemaining) return null
  return `Your key has ${formatUsd(info.limitRemaining)} left under its limit.`
}
