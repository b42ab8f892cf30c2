import { beforeEach, describe, expect, it } from 'vitest'
import { describeSelection } from '../../plugin/selection'
import type { FakeFigma } from '../fake-figma'
import { installFakeFigma } from './install-fake'

let fake: FakeFigma
beforeEach(() => {
  fake = installFakeFigma()
})

describe('describeSelection', () => {
  it('tells which layers take a fill, with their size', () => {
    const frame = fake.addFrame({ name: 'Hero', width: 1440, height: 900 })
    const rectangle = fake.addRectangle({ name: 'Locked', locked: true })
    const text = fake.addText({ name: 'Title', characters: 'Big Sale', font: { family: 'Inter', style: 'Bold' } })
    const group = fake.addGroup([fake.addEllipse({ x: 5, y: 5 })])
    // A divider drawn with the pen: a vector with no height, where an image fill would never show.
    const divider = fake.addRectangle({ name: 'Divider', width: 600, height: 10 })
    divider.height = 0
    const layers = describeSelection([frame, rectangle, text, group, divider] as unknown as SceneNode[])
    expect(layers.map((l) => [l.name, l.type, l.fillable])).toEqual([
      ['Hero', 'FRAME', true],
      ['Locked', 'RECTANGLE', false],
      ['Title', 'TEXT', false],
      ['Group', 'GROUP', false],
      ['Divider', 'RECTANGLE', false],
    ])
    expect(layers[0]).toMatchObject({ id: frame.id, width: 1440, height: 900 })
    expect(layers[2].text).toEqual({ characters: 'Big Sale', fontFamily: 'Inter', fontStyle: 'Bold' })
  })

  it('gives no font for a text layer that mixes fonts', () => {
    const text = fake.addText({ characters: 'Mixed', font: 'mixed' })
    expect(describeSelection([text] as unknown as SceneNode[])[0].text).toEqual({ characters: 'Mixed', fontFamily: null, fontStyle: null })
  })

  it('tells an image this plugin made from the designer’s own layers', () => {
    const ours = fake.addRectangle({ name: 'A red fox' })
    ours.setPluginData('riverflow', JSON.stringify({ prompt: 'A red fox' }))
    const theirs = fake.addFrame({ name: 'Hero' })
    expect(describeSelection([ours, theirs] as unknown as SceneNode[]).map((l) => l.madeHere)).toEqual([true, false])
  })
})
