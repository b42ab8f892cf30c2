import { afterAll, beforeAll, beforeEach } from 'vitest'
import { type OpenRouterStandIn, startOpenRouterStandIn } from './server'

/**
 * One stand-in for a test file, with nothing queued or recorded and its model
 * world back to the defaults before each test (then `beforeEachTest`). Call it
 * at the top of the file. The stand-in starts in beforeAll, so what this returns
 * forwards to it, and says so if used before then.
 */
export function useOpenRouterStandIn(beforeEachTest?: () => void): OpenRouterStandIn {
  let standIn: OpenRouterStandIn | undefined
  beforeAll(async () => {
    standIn = await startOpenRouterStandIn()
  })
  afterAll(() => standIn?.close())
  beforeEach(() => {
    standIn?.reset()
    beforeEachTest?.()
  })
  return new Proxy({} as OpenRouterStandIn, {
    get(_target, property) {
      if (!standIn) throw new Error('The OpenRouter stand-in has not started yet (it starts in beforeAll)')
      return Reflect.get(standIn, property)
    },
  })
}
