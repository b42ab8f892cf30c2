import { describe, expect, it } from 'vitest'
import { hideKeys, holdsKey } from '../../common/api-key'

describe('hideKeys', () => {
  it('hides every OpenRouter key in a text', () => {
    expect(hideKeys('a sk-or-v1-abc b sk-or-xyz_1')).toBe('a [key hidden] b [key hidden]')
  })

  it('leaves words that only contain the letters alone', () => {
    expect(hideKeys('risk-or-reward, desk-or-table')).toBe('risk-or-reward, desk-or-table')
  })
})

describe('holdsKey', () => {
  it('finds a key anywhere in a text, asked again and again', () => {
    // A global pattern keeps its place between tests; each call must start from the text's start.
    expect(holdsKey('A fox sk-or-v1-0123456789abcdef')).toBe(true)
    expect(holdsKey('sk-or-v1-0123456789abcdef')).toBe(true)
    expect(holdsKey('A fox with a sign saying sk-or')).toBe(false)
  })
})
