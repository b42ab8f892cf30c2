/**
 * The bench page: the product's modules, bundled, with measuring functions on
 * `window.bench` for the benches to call through Playwright.
 */
import { type HeapCheckpoint, walkAnswerHeapAsync } from './answer-heap'
import { timeAnswerDecodeAsync } from './decode-answer'
import { encodeCaseAsync } from './encode-frames'
import { timeMaskAsync } from './mask-area'
import { timeShrinkAsync } from './shrink'
import { timeShrinkVariantsAsync } from './shrink-alpha'

const bench = {
  timeAnswerDecodeAsync,
  timeShrinkAsync,
  timeShrinkVariantsAsync,
  timeMaskAsync,
  encodeCaseAsync,
  /** The checkpoint is a function the bench exposed on the page as `benchHeapCheckpoint`. */
  walkAnswerHeapAsync: (url: string) => walkAnswerHeapAsync(url, (stage, used) => window.benchHeapCheckpoint!(stage, used)),
}

export type BenchPage = typeof bench

declare global {
  interface Window {
    bench: BenchPage
    benchHeapCheckpoint?: HeapCheckpoint
  }
}

window.bench = bench
