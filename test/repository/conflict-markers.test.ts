import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

// A merge of a helper's branch once put conflict markers into the README on main. Every file git
// tracks is read here, so a marker anywhere fails the run before it can land again.
const MARKER = /^(<{7}|>{7})( |$)|^={7}$/m

function trackedFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 })
  return out.split('\0').filter((path) => path !== '' && path !== 'package-lock.json')
}

function conflictMarkerLines(text: string): number[] {
  const lines: number[] = []
  text.split('\n').forEach((line, index) => {
    if (MARKER.test(line)) lines.push(index + 1)
  })
  return lines
}

describe('conflict markers', () => {
  it('finds the three kinds of marker and nothing in ordinary text', () => {
    const merged = ['a', '<<<<<<< HEAD', 'b', '=======', 'c', '>>>>>>> expand', '== not one ==', '<<<<<<<<'].join('\n')
    expect(conflictMarkerLines(merged)).toEqual([2, 4, 6])
  })

  it('are in no tracked file', () => {
    const files = trackedFiles()
    expect(files.length).toBeGreaterThan(50)
    const found: string[] = []
    for (const path of files) {
      let text: string
      try {
        text = readFileSync(path, 'utf8')
      } catch {
        continue // deleted in the work tree but not yet in the index
      }
      if (text.includes('\0')) continue // binary
      for (const line of conflictMarkerLines(text)) found.push(`${path}:${line}`)
    }
    expect(found).toEqual([])
  })
})
