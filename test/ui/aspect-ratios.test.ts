import { describe, expect, it } from 'vitest'
import { ASPECT_RATIOS, expectedPixelSize, nearestAspectRatio } from '../../ui/aspect-ratios'

describe('aspect ratios', () => {
  it('offers all ten of SPEC section 1', () => {
    expect([...ASPECT_RATIOS].sort()).toEqual(['16:9', '1:1', '21:9', '2:3', '3:2', '3:4', '4:3', '4:5', '5:4', '9:16'])
  })

  it.each([
    ['1:1', '1K', 1024, 1024],
    ['16:9', '1K', 1280, 720],
    ['21:9', '2K', 3024, 1296],
    ['9:16', '4K', 2880, 5120],
    ['4:5', '1K', 896, 1120],
  ] as const)('%s at %s is %i×%i', (ratio, size, width, height) => {
    expect(expectedPixelSize(ratio, size)).toEqual({ width, height })
  })

  it.each([
    [100, 100, '1:1'],
    [1920, 1080, '16:9'],
    [1080, 1920, '9:16'],
    [300, 200, '3:2'],
    [1000, 810, '5:4'],
    [3000, 1000, '21:9'],
    [10, 1000, '9:16'],
    [0, 100, '1:1'],
  ] as const)('a %i×%i layer is nearest %s', (width, height, ratio) => {
    expect(nearestAspectRatio(width, height)).toBe(ratio)
  })
})
