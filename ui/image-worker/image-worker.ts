/**
 * The UI's one image worker, started on the first image job. Its code
 * (./worker.ts, bundled on its own) is a string in the UI bundle, put there by
 * scripts/worker-source-plugin.ts, and runs from a `data:` URL: Figma's UI is a
 * single HTML file in a null-origin iframe, which has no file to point a worker
 * at and refuses workers from `blob:` URLs.
 */
import { encodeBase64 } from '../image/data-url'
import { createImageWorkerClient } from './client'
import workerSource from './worker?worker-source'

/** A worker starts in tens of milliseconds; one that has not answered by then never will, or is too slow to help. */
const START_TIMEOUT_MS = 2000
/** A 4K answer is read, or re-encoded for Figma, in seconds; a job still unanswered after this is lost. */
const JOB_TIMEOUT_MS = 120_000

export const imageWorker = createImageWorkerClient(
  () => new Worker(`data:text/javascript;base64,${encodeBase64(new TextEncoder().encode(workerSource))}`),
  START_TIMEOUT_MS,
  JOB_TIMEOUT_MS,
)

/**
 * Counts the image jobs (an encode for the request, an answer re-encoded for
 * Figma) each path ran, on the UI's root element: `data-image-jobs-worker` and
 * `data-image-jobs-main`; answers read, apart, in `data-answer-jobs-*`,
 * input canvases drawn in `data-canvas-jobs-*`, and request bodies written in
 * `data-body-jobs-*`. Nothing reads them but the browser tests, which so see
 * which path ran.
 */
export function countImageJob(path: 'worker' | 'main', job: 'image' | 'answer' | 'canvas' | 'body' = 'image'): void {
  if (typeof document === 'undefined') return
  const data = document.documentElement.dataset
  const key = `${job}Jobs${path === 'worker' ? 'Worker' : 'Main'}`
  data[key] = String(Number(data[key] ?? 0) + 1)
}
