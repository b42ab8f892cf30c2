import { beforeEach, describe, expect, it } from 'vitest'
import { forgetRoads, rememberRoad, rememberedRoad } from '../../../ui/openrouter/choose-road'

beforeEach(() => forgetRoads())

describe('roads', () => {
  it('sends every model by chat completions until one is found to need the Image API', () => {
    expect(rememberedRoad('sourceful/riverflow-v2.6-pro')).toBe('chat')
    rememberRoad('sourceful/riverflow-v2.6-pro', 'images')
    expect(rememberedRoad('sourceful/riverflow-v2.6-pro')).toBe('images')
    expect(rememberedRoad('sourceful/riverflow-v2.5-pro')).toBe('chat')
  })

  it('forgets every road, as a new session would', () => {
    rememberRoad('sourceful/riverflow-v2.6-pro', 'images')
    forgetRoads()
    expect(rememberedRoad('sourceful/riverflow-v2.6-pro')).toBe('chat')
  })
})
