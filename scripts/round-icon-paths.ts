/**
 * @create-figma-plugin/ui draws its icons (Settings, Version history, the checkbox's tick, the
 * spinner…) with SVG paths written to five decimals in a 16 or 24 px box: a hundred-thousandth of a
 * pixel no screen shows, and a kilobyte gzipped of the panel. The UI build rounds the numbers of the
 * kit's paths to two decimals (a two-hundredth of a pixel) and leaves everything else as it was.
 */
import type { Plugin } from 'vite'

const DECIMALS = 2
/** A path's commands and numbers; what lies between them (spaces, commas) only separates. */
const TOKEN = /[a-zA-Z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g

/**
 * The path with each number rounded, written with the separators it needs and no more. A path with
 * an arc is left whole: its flags may be packed against the next number ("011.5"), which a number
 * pattern cannot tell apart.
 */
export function roundPathData(d: string): string {
  if (/[aA]/.test(d)) return d
  let out = ''
  let previous = ''
  for (const [token] of d.matchAll(TOKEN)) {
    const command = /^[a-zA-Z]$/.test(token)
    const written = command ? token : shortest(Number(token).toFixed(DECIMALS))
    // A number runs on from the one before only where its sign, or its point after a point, cannot be read into it.
    const runsOn = written.startsWith('-') || (written.startsWith('.') && previous.includes('.'))
    out += !command && previous !== '' && !runsOn ? ` ${written}` : written
    previous = command ? '' : written
  }
  return out
}

/** "1.50" is "1.5", "0.25" is ".25", "-0.00" is "0". */
function shortest(fixed: string): string {
  const trimmed = fixed.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '').replace(/^(-?)0\./, '$1.')
  return trimmed === '-0' ? '0' : trimmed
}

export function roundIconPathsPlugin(): Plugin {
  return {
    name: 'riverflow-round-icon-paths',
    transform(code, id) {
      if (!id.includes('/@create-figma-plugin/ui/lib/') || !id.endsWith('.js')) return null
      const rounded = code.replace(/\bd: "([^"]*)"/g, (_, d: string) => `d: ${JSON.stringify(roundPathData(d))}`)
      return rounded === code ? null : { code: rounded, map: null }
    },
  }
}
