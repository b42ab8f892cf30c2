import type { SavedState } from '../common/domain'
import { DEFAULT_FORMAT_IDS } from '../common/formats'

/**
 * First run: the cheapest model with a fixed price and its smallest size, square,
 * filling the selection when there is one. The 2.5 extras start neutral: the
 * original background, the middle effort, no scoring prompt. An image meant
 * for a frame fits it, at 2× (the export designers use). Every format starts
 * with a campaign's usual four; a click that may cost more than a few dollars
 * asks first.
 */
export const DEFAULT_STATE: SavedState = {
  prompt: '',
  settings: {
    model: 'sourceful/riverflow-v2-fast',
    aspectRatio: '1:1',
    imageSize: '1K',
    fontInputs: [],
    background: 'original',
    backgroundColor: '#FFFFFF',
    effort: 'medium',
    scoringPrompt: '',
    fitFrame: true,
    density: 2,
  },
  placement: 'fill',
  concurrency: 3,
  takes: 1,
  recentPrompts: [],
  keepFullResolution: false,
  formats: [...DEFAULT_FORMAT_IDS],
  spendLimit: 3,
}
