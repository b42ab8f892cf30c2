import { beforeEach, describe, expect, it } from 'vitest'
import { modelChoicesAsync } from '../../../plugin/relaunch/model-choices'
import { BUILT_IN_MODELS } from '../../../common/models'
import type { FakeFigma } from '../../fake-figma'
import { installFakeFigma } from '../install-fake'

let fake: FakeFigma
beforeEach(() => {
  fake = installFakeFigma()
})

describe('modelChoicesAsync', () => {
  it('suggests the built-in models when no catalog is kept', async () => {
    expect(await modelChoicesAsync()).toEqual(BUILT_IN_MODELS)
  })

  it('suggests the cached catalog’s Sourceful models, with our labels where we know them', async () => {
    fake.storage.set('model-catalog', {
      fetchedAt: 1,
      models: [
        { id: 'sourceful/riverflow-v2-fast', name: 'Sourceful: Riverflow V2 Fast' },
        { id: 'sourceful/riverflow-v3-fast', name: 'Sourceful: Riverflow V3 Fast' },
        { id: 'black-forest-labs/flux', name: 'Flux' },
      ],
    })
    expect(await modelChoicesAsync()).toEqual([
      { id: 'sourceful/riverflow-v2-fast', label: 'Riverflow 2 Fast' },
      { id: 'sourceful/riverflow-v3-fast', label: 'Riverflow V3 Fast' },
    ])
  })
})
