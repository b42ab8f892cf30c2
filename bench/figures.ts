/**
 * One figure of `npm run bench`: a measurement, the ratio that makes it
 * comparable across machines (both sides measured in the same run), and the
 * target from bench/README.md when there is one.
 *
 * A bench records its figures on its vitest task (`task.meta`): tests run in
 * worker processes, and task meta is what vitest carries back to the reporter
 * (./figures-reporter.ts), which writes bench/results/ once the run ends.
 */
import type { TaskMeta } from 'vitest'

export interface Ratio {
  /** What is divided by what, e.g. "ours / fromBase64". */
  label: string
  value: number
}

/** The primary ratio must stay at or under `max` (or strictly under it, when `strict`). */
export interface Target {
  max: number
  strict: boolean
}

export interface Figure {
  /** Groups keep the table in the order of the issue: bundle, decode, heap, shrink, encoder, batch, selection. */
  group: 'bundle' | 'decode' | 'heap' | 'shrink' | 'mask' | 'encoder' | 'batch' | 'selection' | 'frames' | 'formats'
  name: string
  /** The measured values, with units, as a reader wants them. */
  value: string
  ratio: Ratio
  /** Further ratios worth a glance (no target on them). */
  more?: Ratio[]
  target: Target | null
  /** The raw numbers behind `value`, for bench/results/latest.json. */
  data: Record<string, number | string | boolean | null>
}

export interface RecordedFigure extends Figure {
  /** Null when the figure has no target: it is reported, not judged. */
  met: boolean | null
}

declare module 'vitest' {
  interface TaskMeta {
    figures?: RecordedFigure[]
  }
}

/** Judges, prints and keeps a figure. Never throws on a missed target: a bench reports, it does not assert speed. */
export function recordFigure(task: { meta: TaskMeta }, figure: Figure): RecordedFigure {
  const met = figure.target === null ? null : meetsTarget(figure.ratio.value, figure.target)
  const recorded: RecordedFigure = { ...figure, met }
  task.meta.figures = [...(task.meta.figures ?? []), recorded]
  console.log(figureLine(recorded))
  return recorded
}

function meetsTarget(value: number, target: Target): boolean {
  return target.strict ? value < target.max : value <= target.max
}

export function targetText(target: Target | null): string {
  return target === null ? 'none (reported only)' : `${target.strict ? '<' : '≤'} ${target.max}`
}

export function metText(met: boolean | null): string {
  return met === null ? '–' : met ? 'met' : 'MISSED'
}

export function ratioText(figure: Figure): string {
  const all = [figure.ratio, ...(figure.more ?? [])]
  return all.map((r) => `${r.label} ${formatRatio(r.value)}`).join('; ')
}

export function figureLine(figure: RecordedFigure): string {
  return `[bench] ${figure.name}: ${figure.value} | ${ratioText(figure)} | target ${targetText(figure.target)} | ${metText(figure.met)}`
}

export function formatRatio(value: number): string {
  return `${value < 10 ? value.toFixed(2) : value.toFixed(1)}×`
}

/** Bytes in the unit a reader expects: KB below a megabyte, MB above (1 KB = 1024 bytes). */
export function formatBytes(bytes: number): string {
  if (Math.abs(bytes) < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 1)} ms`
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing')
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
