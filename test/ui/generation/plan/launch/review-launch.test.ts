import { describe, expect, it } from 'vitest'
import type { SelectedLayer } from '../../../../../common/selection'
import { planEditArea } from '../../../../../ui/generation/plan/edit-area/plan-edit-area'
import { planExpand } from '../../../../../ui/generation/plan/plan-expand'
import { planGenerate, planRefine, withTakes } from '../../../../../ui/generation/plan/plan-tasks'
import { creditReason, reviewLaunch } from '../../../../../ui/generation/plan/launch/review-launch'
import type { KeyInfo } from '../../../../../ui/openrouter/sign-in/key'
import { orderOf, settingsWith } from '../../../../fixtures/orders'
import { areaAt } from '../../../../fixtures/area'

const layer: SelectedLayer = { id: '1:2', name: 'Hero', type: 'RECTANGLE', width: 800, height: 800, fillable: true, madeHere: true }
const own = settingsWith()
const info = (limitRemaining: number | null): KeyInfo => ({ label: null, limitRemaining, usage: 0, isFreeTier: false })

describe('reviewLaunch', () => {
  it('lets a cheap relaunch with the designer’s own model and size run at once', () => {
    const review = reviewLaunch(planGenerate(orderOf('A fox'), 'fill', [layer]), own)
    expect(review.reasons).toEqual([])
    // Fitted to the 800×800 layer at 2×: 2K.
    expect(review.estimate).toEqual({ kind: 'fixed', usd: 0.04 })
    expect(creditReason(review, info(null))).toBeNull()
    expect(creditReason(review, info(0.04))).toBeNull()
  })

  it('holds one that changes the model or size, costs more than a little, or sends a font from elsewhere', () => {
    const fonts = [{ fontUrl: 'https://evil.example/a.ttf', text: 'SALE' }, { fontUrl: 'https://fonts.gstatic.com/s/inter.woff2', text: 'NOW' }]
    // A size chosen by name, not fitted to the frame.
    const order = orderOf('SALE NOW', { model: 'sourceful/riverflow-v2-pro', imageSize: '4K', fitFrame: false, fontInputs: fonts })
    const review = reviewLaunch(planGenerate(order, 'fill', [layer]), own)
    expect(review.reasons).toEqual([
      'It uses Riverflow 2 Pro, not the model your panel was set to.',
      'It asks for 4K images; your panel was set to 1K.',
      'It may cost more than $0.30, the most a relaunch spends without asking.', // 4K at $0.33 and two font inputs
      // The Google Fonts file is one the plugin would have picked itself.
      'It sends a font file from https://evil.example/a.ttf: Sourceful fetches it.',
    ])
  })

  it('names a long font address by its start, so the reasons stay short enough to keep Send in view', () => {
    const long = `https://evil.example/${'f'.repeat(2000)}.ttf`
    const order = orderOf('SALE', { fontInputs: [{ fontUrl: long, text: 'SALE' }] })
    const [reason] = reviewLaunch(planGenerate(order, 'fill', [layer]), own).reasons.filter((r) => r.includes('font file'))
    expect(reason).toMatch(/^It sends a font file from https:\/\/evil\.example\/f+…: Sourceful fetches it\.$/)
    expect(reason.length).toBeLessThan(140)
  })

  it('does not hold an edit or an expansion for its size: that follows the area or the frame, as the panel’s own buttons choose it', () => {
    const image = { ...layer, id: 'img', madeHere: false, area: areaAt({ x: 0, y: 0, width: layer.width, height: layer.height }, 'p', true) }
    const shape = { ...layer, id: 'shape', type: 'ELLIPSE', width: 100, height: 100, area: areaAt({ x: 100, y: 100, width: 100, height: 100 }, 'p', false) }
    const frame = { ...layer, id: 'banner', type: 'FRAME', width: 1200, height: 628, expand: { imageId: 'img', imageName: 'Shot', x: 286, y: 0, width: 628, height: 628 } }
    const edit = planEditArea(orderOf('a cup'), image, shape, false)
    const expand = planExpand(orderOf('a kitchen'), frame)
    // Both pick their own tier, which is not the panel's.
    const ownAt4K = settingsWith({ imageSize: '4K' })
    expect([edit.settings.imageSize, expand.settings.imageSize]).not.toContain('4K')
    expect(reviewLaunch([edit], ownAt4K).reasons).toEqual([])
    expect(reviewLaunch([expand], ownAt4K).reasons).toEqual([])
    // A plain image at a tier other than the panel's is still held.
    expect(reviewLaunch(planGenerate(orderOf('A fox', { fitFrame: false }), 'fill', [layer]), ownAt4K).reasons).toEqual(['It asks for 1K images; your panel was set to 4K.'])
  })

  it('counts every take of More like this in the estimate', () => {
    const order = orderOf('A fox', { model: 'sourceful/riverflow-v2-pro' })
    const tasks = withTakes(planRefine(order, [layer], { [layer.id]: 'input' }, false), 4)
    const review = reviewLaunch(tasks, settingsWith({ model: 'sourceful/riverflow-v2-pro' }))
    expect(review.estimate).toEqual({ kind: 'fixed', usd: 0.6 })
    expect(review.reasons).toEqual(['It may cost more than $0.30, the most a relaunch spends without asking.'])
  })

  it('with the size fitted to the frame, compares the density, not the size the frame gives', () => {
    const denser = reviewLaunch(planGenerate(orderOf('A fox', { density: 3 }), 'fill', [layer]), own)
    expect(denser.reasons).toEqual(['It asks for 3× the frame; your panel was set to 2×.'])
  })

  it('waits for the credit: unknown, or less left than the estimate', () => {
    const review = reviewLaunch(planGenerate(orderOf('A fox'), 'fill', [layer]), own)
    expect(creditReason(review, null)).toBe('The credit on your key could not be checked.')
    expect(creditReason(review, info(0.01))).toBe('Your key has $0.01 left under its limit.')
  })
})
