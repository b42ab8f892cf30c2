import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { roundPathData } from '../../scripts/round-icon-paths'

/** A path's numbers as an SVG parser reads them: sign, digits, at most one point. */
const numbersOf = (d: string) => [...d.matchAll(/[-+]?(?:\d+\.?\d*|\.\d+)/g)].map(([n]) => Number(n))
const commandsOf = (d: string) => d.replace(/[^a-zA-Z]/g, '')

describe('roundPathData (the kit’s icon paths, in the UI build)', () => {
  it('rounds to two decimals and writes each number in its shortest form', () => {
    expect(roundPathData('M15.755 7.23427c-.3024.17611-.6842.1878-1.0051.00254')).toBe('M15.76 7.23c-.3.18-.68.19-1.01 0')
  })

  it('puts a space where a shortened number would run into the next ("1.999" then ".5")', () => {
    expect(roundPathData('M1.999.5L0.004.5h-.001v2.5Z')).toBe('M2 .5L0 .5h0v2.5Z')
  })

  it('leaves a path with an arc as it was (its flags may be packed against a number)', () => {
    expect(roundPathData('M11.333 3.011a6 6 0 011.5-.99')).toBe('M11.333 3.011a6 6 0 011.5-.99')
  })

  it('keeps every command, and each number within a two-hundredth of a pixel, on any path', () => {
    const number = fc.double({ min: -100, max: 100, noNaN: true }).map((n) => String(Number(n.toFixed(5))))
    const segment = fc.tuple(fc.constantFrom('M', 'L', 'c', 'h', 'v', 'Z', 'l', 'C'), fc.array(number, { maxLength: 6 }), fc.constantFrom('', ' ', ','))
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 12 }), (segments) => {
        const d = segments.map(([command, numbers, separator]) => command + numbers.join(separator || ' ')).join('')
        const rounded = roundPathData(d)
        expect(commandsOf(rounded)).toBe(commandsOf(d))
        const before = numbersOf(d)
        const after = numbersOf(rounded)
        expect(after).toHaveLength(before.length)
        after.forEach((n, i) => expect(Math.abs(n - before[i])).toBeLessThanOrEqual(0.005 + 1e-9))
      }),
    )
  })
})
