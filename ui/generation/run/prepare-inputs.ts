import type { ExportConstraint, PreparedImage } from '../../../common/domain'
import type { ExportedSource } from '../../encoding/canvas-encoder'
import { type ImageEncoder, RequestTooLargeError, type ShrinkNote, fitRequestToBudgetAsync, requestBytesWithoutImages } from '../../encoding/request-budget'
import { GenerationError } from '../../answer/errors'
import { MAX_REQUEST_BYTES, buildGenerationRequest } from '../../openrouter/request'
import type { LayerToSend, TaskSpec } from '../plan/task'
import { placeOnCanvasAsync } from '../../image-work/place-on-canvas'
import type { ImageBytes } from '../../image/data-url'
import type { InputCanvas } from '../../image/input-canvas'
import type { TaskProgress } from '../task-types'

/** What preparing a task's frames needs: the sandbox's export, and an encoder. */
export interface PrepareDeps {
  exportLayer: (layerId: string, constraint: ExportConstraint) => Promise<PreparedImage>
  createEncoder: () => { encode: ImageEncoder<ExportedSource>; dispose: () => void }
  /** An input's canvas around an export; the image worker's (else the page's) unless a test gives its own. */
  placeOnCanvas?: (bytes: Uint8Array, canvas: InputCanvas) => Promise<Uint8Array>
}

/** A task's images, exported and fitted in the request cap, ready to send. */
export interface PreparedInputs {
  inputImages: ImageBytes[]
  references: ImageBytes[]
  /** Images sent smaller than wanted, or left out, for the UI to say so. */
  notes: ShrinkNote[]
}

/**
 * Exports the task's layers and fits them in the 4.5 MB request; nothing to do
 * for text to image. Throws a GenerationError with a message for the designer.
 */
export async function prepareInputsAsync(spec: TaskSpec, deps: PrepareDeps, report: (progress: TaskProgress) => void): Promise<PreparedInputs> {
  if (spec.inputs.length === 0) return { inputImages: [], references: [], notes: [] }
  report({ phase: 'exporting' })
  const fitted = await exportAndFitAsync(spec, deps)
  const isInput = new Set(spec.inputs.map((i) => i.layer.id))
  const dropped = fitted.dropped.map((d) => ({ name: d.name, from: { width: d.width, height: d.height }, to: { width: 0, height: 0 }, keptPercent: 0 }))
  return {
    inputImages: [fitted.input.image, ...fitted.references.filter((r) => isInput.has(r.source.id)).map((r) => r.image)],
    references: fitted.references.filter((r) => !isInput.has(r.source.id)).map((r) => r.image),
    notes: [...fitted.notes, ...dropped],
  }
}

async function exportAndFitAsync(spec: TaskSpec, deps: PrepareDeps) {
  const exportOne = async ({ layer, constraint, canvas }: LayerToSend): Promise<ExportedSource> => {
    let image: PreparedImage
    try {
      image = await deps.exportLayer(layer.id, constraint)
    } catch (error) {
      throw new GenerationError('invalid-input', error instanceof Error ? error.message : `“${layer.name}” could not be exported.`)
    }
    if (!canvas) return { id: layer.id, name: layer.name, width: image.width, height: image.height, bytes: image.bytes }
    const bytes = await (deps.placeOnCanvas ?? placeOnCanvasAsync)(image.bytes, canvas)
    return { id: layer.id, name: layer.name, width: canvas.width, height: canvas.height, bytes }
  }
  // One export at a time: each can be large, and the sandbox does them one by one anyway.
  // Further inputs share the room left after the first, as references do.
  const [first, ...rest] = spec.inputs
  const input = await exportOne(first)
  const references: ExportedSource[] = []
  for (const item of [...rest, ...spec.references]) references.push(await exportOne(item))

  const fixedBytes = requestBytesWithoutImages(
    buildGenerationRequest({
      prompt: spec.prompt,
      settings: spec.settings,
      model: spec.model,
      inputImages: spec.inputs.map(() => ''),
      references: spec.references.map(() => ''),
      scoringRubric: spec.scoringRubric,
    }),
  )
  const encoder = deps.createEncoder()
  try {
    // An input whose empty part is transparent must stay so: no JPEG, which has no alpha.
    const formats = spec.inputs.some((item) => item.canvas?.background === 'transparent') ? (['png', 'webp'] as const) : undefined
    return await fitRequestToBudgetAsync({ input, references, encode: encoder.encode, fixedBytes, budgetBytes: MAX_REQUEST_BYTES, formats: formats && [...formats] })
  } catch (error) {
    if (error instanceof GenerationError) throw error
    if (error instanceof RequestTooLargeError) throw new GenerationError('too-large', error.message)
    // Anything else is the browser failing to draw or encode (out of memory, say): no raw message for the designer.
    throw new GenerationError('bad-image', 'The selected frames could not be encoded for the request. Try again, or select fewer or smaller frames.')
  } finally {
    encoder.dispose()
  }
}
