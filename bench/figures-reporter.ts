/**
 * Gathers the figures every bench recorded on its tasks and, when the run
 * ends, prints them as one table and writes bench/results/latest.{json,md}.
 * A reporter, because it runs in vitest's main process once every worker is
 * done: the benches themselves run in workers and cannot see each other.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, platform, release } from 'node:os'
import { fileURLToPath } from 'node:url'
import type { Reporter, TestModule } from 'vitest/node'
import { type Figure, type RecordedFigure, metText, ratioText, targetText } from './figures'

export const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url))

const GROUP_ORDER: Figure['group'][] = ['bundle', 'decode', 'heap', 'shrink', 'mask', 'encoder', 'batch', 'selection', 'frames', 'formats']

export default class FiguresReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const figures = collect(testModules)
    if (figures.length === 0) return
    const environment = {
      date: new Date().toISOString(),
      node: process.version,
      os: `${platform()} ${release()}`,
      cpu: `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}`,
      chromium: figures.map((f) => f.data.chromium).find((v) => typeof v === 'string') ?? null,
    }
    const table = markdownTable(figures)
    const missed = figures.filter((f) => f.met === false).length
    const judged = figures.filter((f) => f.met !== null).length
    const summary = judged === 0 ? 'No figure with a target in this run.' : `${judged - missed} of ${judged} targets met${missed > 0 ? ` (${missed} missed)` : ''}.`

    mkdirSync(RESULTS_DIR, { recursive: true })
    writeFileSync(`${RESULTS_DIR}latest.json`, `${JSON.stringify({ environment, figures }, null, 2)}\n`)
    const heading = `# npm run bench, ${environment.date}\n\n${environment.cpu}; ${environment.os}; Node ${environment.node}; Chromium ${environment.chromium ?? '?'}.\nEach ratio is measured in this run; bench/README.md says what each figure means.\n`
    writeFileSync(`${RESULTS_DIR}latest.md`, `${heading}\n${table}\n${summary}\n`)
    process.stdout.write(`\n${table}\n${summary} Written to bench/results/latest.md and latest.json.\n\n`)
  }
}

function collect(testModules: ReadonlyArray<TestModule>): RecordedFigure[] {
  const figures: RecordedFigure[] = []
  for (const module of testModules) {
    for (const test of module.children.allTests()) figures.push(...(test.meta().figures ?? []))
  }
  // Stable within a group (the order the bench recorded them), groups in the issue's order.
  return figures
    .map((figure, index) => ({ figure, index }))
    .sort((a, b) => GROUP_ORDER.indexOf(a.figure.group) - GROUP_ORDER.indexOf(b.figure.group) || a.index - b.index)
    .map(({ figure }) => figure)
}

function markdownTable(figures: readonly RecordedFigure[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|')
  const rows = figures.map((f) => `| ${cell(f.name)} | ${cell(f.value)} | ${cell(ratioText(f))} | ${targetText(f.target)} | ${metText(f.met)} |`)
  return ['| Figure | Value | Ratio | Target | Met |', '| --- | --- | --- | --- | --- |', ...rows].join('\n')
}
