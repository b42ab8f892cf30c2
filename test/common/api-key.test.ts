import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cleanPastedKey, hideKeys, holdsKey, keyProblem } from '../../common/api-key'

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

const KEY = 'sk-or-v1-0123456789abcdef'

describe('cleanPastedKey', () => {
  it.each([
    ['typographic double quotes', `“${KEY}”`],
    ['typographic single quotes', `‘${KEY}’`],
    ['guillemets', `«${KEY}»`],
    ['low and high quotes', `„${KEY}“`],
    ['straight quotes and spaces', ` "${KEY}" `],
    ['non-breaking spaces', `\u00A0${KEY}\u00A0`],
    ['a byte order mark', `\uFEFF${KEY}`],
    ['a trailing newline', `${KEY}\n`],
    ['zero-width characters, inside too', `\u200B${KEY.slice(0, 9)}\u200C${KEY.slice(9)}\u200D\u2060`],
    ['a Bearer prefix inside quotes', `“Bearer ${KEY}”`],
    ['quotes inside spaces inside quotes', `" “ ${KEY} ” "`],
  ])('strips %s', (_name, pasted) => {
    expect(cleanPastedKey(pasted)).toBe(KEY)
  })

  it('gives back the key from any wrapping that copying adds', () => {
    const key = fc.stringMatching(/^sk-or-v1-[0-9a-f]{16,64}$/)
    const edge = fc.array(fc.constantFrom(' ', '\n', '\t', '\u00A0', '\uFEFF', '\u200B', '"', "'", '`', '“', '”', '‘', '’', '«', '»', '„', '‹', '›'), { maxLength: 5 })
    const invisible = fc.array(fc.constantFrom('', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'), { minLength: 1, maxLength: 80 })
    fc.assert(
      fc.property(key, edge, edge, invisible, (k, before, after, inside) => {
        const pasted = before.join('') + [...k].map((c, i) => c + (inside[i % inside.length] ?? '')).join('') + after.join('')
        expect(cleanPastedKey(pasted)).toBe(k)
        expect(keyProblem(cleanPastedKey(pasted))).toBeNull()
      }),
    )
  })
})

describe('keyProblem', () => {
  it('accepts a key of printable ASCII', () => {
    expect(keyProblem(KEY)).toBeNull()
  })

  it.each([
    ['a space inside', 'sk-or-v1-0123 4567'],
    ['a non-breaking space inside', 'sk-or-v1-0123\u00A04567'],
    ['a letter outside ASCII', 'sk-or-v1-0123é4567'],
    ['a typographic quote inside', 'sk-or-v1-0123”4567'],
    ['a control character', 'sk-or-v1-0123\u00074567'],
  ])('names %s, without repeating the key', (_name, key) => {
    const problem = keyProblem(key)
    expect(problem).toMatch(/does not look like an OpenRouter key.*openrouter\.ai\/settings\/keys/)
    expect(problem).not.toContain('0123')
  })
})
