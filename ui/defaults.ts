import type { SavedState } from '../common/domain'

/** First run: the cheapest model and size, square, filling the selection when there is one. */
export const DEFAULT_STATE: SavedState = {
  prompt: '',
  settings: {
    model: 'sourceful/riverflow-v2-fast',
    aspectRatio: '1:1',
    imageSize: '1K',
    fontInputs: [],
  },
  placement: 'fill',
  selectionUse: 'create',
  eachOnItsOwn: true,
  concurrency: 3,
  takes: 1,
  recentPrompts: [],
}
