import { beforeEach, describe, expect, it } from 'vitest'
import { describeSelection } from '../../../plugin/selection/selection'
import type { FakeFigma } from '../../fake-figma'
import { installFakeFigma } from '../install-fake'

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
    // Hidden ones, selected in the layers panel: an image filled into them would not be seen.
    const hidden = Object.assign(fake.addFrame({ name: 'Hidden' }), { visible: false })
    const inHidden = fake.addRectangle({ name: 'In a hidden frame' }, Object.assign(fake.addFrame({ name: 'Card' }), { visible: false }))
    const layers = describeSelection([frame, rectangle, text, group, divider, hidden, inHidden] as unknown as SceneNode[])
    expect(layers.map((l) => [l.name, l.type, l.fillable])).toEqual([
      ['Hero', 'FRAME', true],
      ['Locked', 'RECTANGLE', false],
      ['Title', 'TEXT', false],
      ['Group', 'GROUP', false],
      ['Divider', 'RECTANGLE', false],
      ['Hidden', 'FRAME', false],
      ['In a hidden frame', 'RECTANGLE', false],
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

describe('describeSelection for Edit area', () => {
  it('gives the box around a rotated layer, what an export of it covers, and whether it is turned', () => {
    const photo = fake.addRectangle({ name: 'Photo', x: 0, y: 0, width: 800, height: 600 })
    // A 100×100 square turned 90°: its box is still 100×100, but above its (x, y).
    const square = fake.addRectangle({ name: 'Square', x: 300, y: 300, width: 100, height: 100, rotation: 90 })
    photo.strokes = [{ type: 'SOLID' }]
    photo.strokeWeight = 8
    photo.strokeAlign = 'OUTSIDE'
    photo.effects = [{ type: 'DROP_SHADOW', visible: true, radius: 4, offset: { x: 10, y: 10 } }]
    const [image, shape] = describeSelection([photo, square] as unknown as SceneNode[])
    expect(image.area).toMatchObject({ x: 0, y: 0, width: 800, height: 600, rotated: false, exportBox: { x: -8, y: -8, width: 830, height: 630 } })
    expect(shape.area).toMatchObject({ x: 300, y: 200, width: 100, height: 100, rotated: true, exportBox: { x: 300, y: 200, width: 100, height: 100 } })
    // Its own size stays unrotated.
    expect([shape.width, shape.height]).toEqual([100, 100])
  })

  it('calls a layer turned when the frame around it is, though it is not itself', () => {
    const frame = fake.addFrame({ name: 'Card', x: 0, y: 0, width: 500, height: 500, rotation: 15 })
    const photo = fake.addRectangle({ name: 'Photo', x: 10, y: 10, width: 200, height: 100 }, frame)
    const shape = fake.addEllipse({ name: 'Area', x: 50, y: 20, width: 50, height: 50 }, frame)
    expect(describeSelection([photo, shape] as unknown as SceneNode[]).map((layer) => layer.area?.rotated)).toEqual([true, true])
  })
})
