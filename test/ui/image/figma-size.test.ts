import { describe, expect, it } from 'vitest'
import { figmaSize } from '../../../ui/image/figma-size'

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
