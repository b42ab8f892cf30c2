import { describe, it } from 'vitest'
import { forgetRoads } from '../../ui/openrouter/choose-road'
import { describeOpenRouterContract } from './openrouter-contract'

// The real OpenRouter, with a maintainer's key (`OPENROUTER_API_KEY=… npm run test:live`): the
// panel's own calls, to learn whether docs/contracts.md and the stand-in still tell the truth.
// It spends: one image on the cheapest paid Riverflow model, refused beforehand if the panel's
// estimate for it is over RIVERFLOW_LIVE_SPEND_LIMIT (USD, 0.10 unless set). Never part of
// `npm test`; without the key it is skipped.
const key = process.env.OPENROUTER_API_KEY
const spendLimit = Number(process.env.RIVERFLOW_LIVE_SPEND_LIMIT ?? '0.10')

if (key) {
  forgetRoads()
  describeOpenRouterContract('the OpenRouter contract, live', () => ({ key, spendLimit }))
} else {
  describe('the OpenRouter contract, live', () => {
    it.skip('needs OPENROUTER_API_KEY: set it to run the live checks (they spend at most a few cents)', () => {})
  })
}
