import { TEST_KEY } from '../openrouter-stand-in/server'
import { useOpenRouterStandIn } from '../openrouter-stand-in/use-stand-in'
import { forgetRoads } from '../../ui/openrouter/choose-road'
import { describeOpenRouterContract } from './openrouter-contract'

// The live contract's checks (./openrouter.live.ts) against the stand-in, on every run: they are
// known to pass where OpenRouter answers as docs/contracts.md says, so a live failure is news.
const standIn = useOpenRouterStandIn(forgetRoads)

describeOpenRouterContract('the OpenRouter contract, against the stand-in', () => ({ key: TEST_KEY, baseUrl: standIn.url, spendLimit: 0.1 }))
