import { describe, expect, it } from 'vitest'
import { scaleSize } from '../../../ui/image/scale-size'

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
