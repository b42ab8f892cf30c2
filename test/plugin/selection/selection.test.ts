import { beforeEach, describe, expect, it } from 'vitest'
import { describeSelection } from '../../../plugin/selection/selection'
import type { FakeFigma, FakeNode } from '../../fake-figma'
import { encodePng } from '../../images/png'
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

  it('takes a layer whose generated image the designer replaced by hand for theirs: its record keeps the image it was made with', () => {
    const generated = fake.figma.createImage(encodePng(16, 16)).hash
    const own = fake.figma.createImage(encodePng(20, 20)).hash
    const layer = (name: string, imageHash: string, fills: FakeNode['fills']) => {
      const node = fake.addRectangle({ name })
      node.setPluginData('riverflow', JSON.stringify({ prompt: 'A red fox', imageHash }))
      node.fills = fills
      return node
    }
    const image = (hash: string) => ({ type: 'IMAGE', imageHash: hash, scaleMode: 'FILL' })
    const shown = layer('Still the fox', generated, [image(generated)])
    const photo = layer('Their photo', generated, [image(own)])
    const colour = layer('Made blue', generated, [{ type: 'SOLID', color: { r: 0, g: 0, b: 1 } }])
    // A record from before the hash was kept cannot tell: made here, as it always was.
    const older = fake.addRectangle({ name: 'Older' })
    older.setPluginData('riverflow', JSON.stringify({ prompt: 'A red fox' }))
    older.fills = [image(own)]
    const layers = describeSelection([shown, photo, colour, older] as unknown as SceneNode[])
    expect(layers.map((l) => [l.name, l.madeHere])).toEqual([['Still the fox', true], ['Their photo', false], ['Made blue', false], ['Older', true]])
  })

  it('takes an edit’s group as made here while its answer shows the edit, and as the designer’s once they replaced it', () => {
    const generated = fake.figma.createImage(encodePng(16, 16)).hash
    const mask = Object.assign(fake.addRectangle({ name: 'Area' }), { isMask: true })
    const answer = fake.addRectangle({ name: 'Answer' })
    answer.fills = [{ type: 'IMAGE', imageHash: generated, scaleMode: 'FILL' }]
    const group = fake.addGroup([mask, answer])
    group.setPluginData('riverflow', JSON.stringify({ prompt: 'A cup', imageHash: generated }))
    expect(describeSelection([group] as unknown as SceneNode[])[0].madeHere).toBe(true)
    answer.fills = [{ type: 'IMAGE', imageHash: fake.figma.createImage(encodePng(20, 20)).hash, scaleMode: 'FILL' }]
    expect(describeSelection([group] as unknown as SceneNode[])[0].madeHere).toBe(false)
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
