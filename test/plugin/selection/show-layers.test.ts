import { beforeEach, describe, expect, it } from 'vitest'
import { showLayersAsync } from '../../../plugin/selection/show-layers'
import type { FakeFigma } from '../../fake-figma'
import { installFakeFigma } from '../install-fake'

let fake: FakeFigma
beforeEach(() => {
  fake = installFakeFigma()
})

describe('showLayersAsync', () => {
  it('selects the layers that are still there and zooms to them', async () => {
    const a = fake.addFrame({ name: 'A' })
    const b = fake.addFrame({ name: 'B' })
    const gone = fake.addFrame({ name: 'Gone' })
    gone.remove()
    await showLayersAsync({ layerIds: [a.id, gone.id, b.id] })
    expect(fake.page.selection).toEqual([a, b])
    expect(fake.scrolledTo.at(-1)).toEqual([a, b])
  })

  it('goes to the layer’s page first', async () => {
    const second = fake.addPage('Page 2')
    const there = fake.addFrame({ name: 'There' }, second)
    await showLayersAsync({ layerIds: [there.id] })
    expect(fake.figma.currentPage.id).toBe(second.id)
    expect(second.selection).toEqual([there])
  })

  it('goes to a page by its id when none of the layers is left, and shows all of it', async () => {
    const kitPage = fake.addPage('Brand kit: Acme')
    const note = fake.addText({ name: 'Note' }, kitPage)
    const gone = fake.addFrame({ name: 'logo: Acme' }, kitPage)
    gone.remove()
    await showLayersAsync({ layerIds: [gone.id, kitPage.id] })
    expect(fake.figma.currentPage.id).toBe(kitPage.id)
    expect(kitPage.selection).toEqual([])
    expect(fake.scrolledTo.at(-1)).toEqual([note])
  })

  it('says the image is gone when no layer is left', async () => {
    const gone = fake.addFrame()
    gone.remove()
    await expect(showLayersAsync({ layerIds: [gone.id] })).rejects.toThrow(/no longer in the file/)
  })
})
