import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, normalize } from 'node:path'
import { describe, expect, it } from 'vitest'

// Docs that cannot drift: every file or folder the README and docs/ name exists, every link between
// them lands on a heading that is there, and every `docs/…md#anchor` a comment of the code cites too.

const DOCS = ['README.md', 'bench/README.md', ...readdirSync('docs').filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)]
const CODE_FOLDERS = ['ui', 'plugin', 'common', 'test', 'bench', 'scripts']
/** A path as the docs write one: a top folder of the repository, then the rest. */
const PATH = /^(?:ui|plugin|common|test|bench|scripts|docs|\.ci)\/[\w./-]*$/

/** The anchor GitHub gives a heading: lower case, punctuation gone, spaces as hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[`*_]/g, '')
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .replace(/ /g, '-')
}

function anchorsIn(file: string): Set<string> {
  const headings = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => /^#{1,6} /.test(line))
    .map((line) => anchorOf(line.replace(/^#+ /, '')))
  return new Set(headings)
}

/** What a run writes and git ignores: the docs name it as a result to look for, not as a file of the repository. */
const WRITTEN_BY_RUNS = /^(?:bench\/results\/latest\.|test-results\/|dist)/

/** Paths in backticks (`ui/views/GenerateView.tsx`), leaving out patterns, placeholders and what runs write. */
function namedPaths(text: string): string[] {
  return [...text.matchAll(/`([^`\s]+)`/g)]
    .map((match) => match[1].replace(/[),.:;]+$/, ''))
    .filter((path) => PATH.test(path) && !/[*<>{}]/.test(path) && !WRITTEN_BY_RUNS.test(path))
}

/** Links to files of the repository: [text](path#anchor), relative to the doc. */
function links(doc: string, text: string): { target: string; anchor: string | null }[] {
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1])
    .filter((href) => !/^[a-z]+:/.test(href))
    .map((href) => {
      const [path, anchor] = href.split('#')
      return { target: path === '' ? doc : normalize(join(dirname(doc), path)), anchor: anchor ?? null }
    })
}

function codeFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name)
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'results' ? [] : codeFiles(path)
    return /\.(ts|tsx|mjs|css)$/.test(name) ? [path] : []
  })
}

describe('the docs', () => {
  it('reads a heading as GitHub anchors it', () => {
    expect(anchorOf('Figma: auto layout')).toBe('figma-auto-layout')
    expect(anchorOf('What `npm run bench` measures')).toBe('what-npm-run-bench-measures')
    expect(anchorOf('Cancel and billing')).toBe('cancel-and-billing')
  })

  it('name only files and folders that exist', () => {
    const missing = DOCS.flatMap((doc) => namedPaths(readFileSync(doc, 'utf8')).filter((path) => !existsSync(path)).map((path) => `${doc}: ${path}`))
    expect(missing).toEqual([])
  })

  it('link only to files that exist, and to headings they have', () => {
    const broken = DOCS.flatMap((doc) =>
      links(doc, readFileSync(doc, 'utf8')).flatMap(({ target, anchor }) => {
        if (!existsSync(target)) return [`${doc}: ${target}`]
        if (anchor && target.endsWith('.md') && !anchorsIn(target).has(anchor)) return [`${doc}: ${target}#${anchor}`]
        return []
      }),
    )
    expect(broken).toEqual([])
  })

  it('have every heading the code cites in a comment (docs/…md#anchor)', () => {
    const cited = CODE_FOLDERS.flatMap(codeFiles).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/docs\/([\w-]+\.md)#([\w-]+)/g)].map((match) => ({ file, doc: `docs/${match[1]}`, anchor: match[2] })),
    )
    expect(cited.length).toBeGreaterThan(10)
    const broken = cited.filter(({ doc, anchor }) => !existsSync(doc) || !anchorsIn(doc).has(anchor)).map(({ file, doc, anchor }) => `${file}: ${doc}#${anchor}`)
    expect([...new Set(broken)]).toEqual([])
  })
})
