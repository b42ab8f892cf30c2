import { describe, expect, it } from 'vitest'
import { ASPECT_RATIOS, expectedPixelSize, figmaSize, nearestAspectRatio, scaleSize } from '../../common/sizes'

describe('aspect ratios', () => {
  it('offers all ten ratios OpenRouter documents', () => {
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

describe('scaleSize', () => {
  it.each([
    ['keeps a size at scale 1', { width: 640, height: 480 }, 1, { width: 640, height: 480 }],
    ['doubles', { width: 640, height: 480 }, 2, { width: 1280, height: 960 }],
    ['rounds to the nearest pixel', { width: 1000, height: 333 }, 0.5, { width: 500, height: 167 }],
    ['rounds fractional layer sizes too', { width: 100.4, height: 99.6 }, 1, { width: 100, height: 100 }],
    ['keeps at least 1 px a side', { width: 4000, height: 10 }, 0.01, { width: 40, height: 1 }],
  ])('%s', (_name, size, scale, expected) => {
    expect(scaleSize(size, scale)).toEqual(expected)
  })
})

describe('figmaSize', () => {
  it.each([
    ['keeps an image that fits', { width: 2560, height: 1440 }, { width: 2560, height: 1440 }],
    ['keeps an image of exactly 4096 px', { width: 4096, height: 4096 }, { width: 4096, height: 4096 }],
    ['shrinks a 4K 16:9 answer to 4096 px wide', { width: 5120, height: 2880 }, { width: 4096, height: 2304 }],
    ['shrinks a tall image by its height', { width: 2880, height: 5120 }, { width: 2304, height: 4096 }],
    ['rounds the short side', { width: 4200, height: 96 }, { width: 4096, height: 94 }],
  ])('%s', (_name, size, expected) => {
    expect(figmaSize(size)).toEqual(expected)
  })
})
