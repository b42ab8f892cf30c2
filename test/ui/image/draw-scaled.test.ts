import { describe, expect, it } from 'vitest'
import { type Context2D, drawScaled } from '../../../ui/image/draw-scaled'

/** A 2D context that writes down what is done to it, in order. */
function recordingContext() {
  const calls: string[] = []
  const context = {
    set fillStyle(value: string) {
      calls.push(`fillStyle ${value}`)
    },
    set imageSmoothingEnabled(value: boolean) {
      calls.push(`imageSmoothingEnabled ${value}`)
    },
    set imageSmoothingQuality(value: string) {
      calls.push(`imageSmoothingQuality ${value}`)
    },
    fillRect: (...args: number[]) => calls.push(`fillRect ${args.join(' ')}`),
    drawImage: (_image: unknown, ...args: number[]) => calls.push(`drawImage ${args.join(' ')}`),
  }
  return { context: context as unknown as Context2D, calls }
}

describe('drawScaled', () => {
  it('draws over the whole canvas with the best smoothing, keeping transparency', () => {
    const { context, calls } = recordingContext()
    drawScaled(context, {} as CanvasImageSource, 300, 200, false)
    expect(calls).toEqual(['imageSmoothingEnabled true', 'imageSmoothingQuality high', 'drawImage 0 0 300 200'])
  })

  it('puts an image for a format without transparency (JPEG) on white first', () => {
    const { context, calls } = recordingContext()
    drawScaled(context, {} as CanvasImageSource, 300, 200, true)
    expect(calls).toEqual(['fillStyle #fff', 'fillRect 0 0 300 200', 'imageSmoothingEnabled true', 'imageSmoothingQuality high', 'drawImage 0 0 300 200'])
  })
})
