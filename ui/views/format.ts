import type { KeyInfo } from '../openrouter/key'
import { formatUsd } from '../pricing'

/** The top bar's word on the key: what is left to spend, once OpenRouter has said. */
export function creditLine(info: KeyInfo | null): string {
  if (!info) return 'OpenRouter key saved'
  if (info.limitRemaining === null) return `Key${info.label ? ` “${info.label}”` : ''} · no limit`
  return `${formatUsd(info.limitRemaining)} credit left on this key`
}
