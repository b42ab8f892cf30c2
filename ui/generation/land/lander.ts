import type { GenerationRecord, HeldTile, TiledImage } from '../../../common/domain'
import type { PlaceImageArgs } from '../../../common/messages'
import { type OriginalImage, copyIfReencodedAsync, isOverFigmaLimit } from '../../image/original-image'
import { copyInSlicesAsync } from '../../image/copy-in-slices'
import type { PreparedForFigma } from '../../image-work/prepare-for-figma'
import { BridgeError } from '../../bridge'
import { fitsArea } from '../../image-work/mask-to-shape'
import { GenerationError } from '../../answer/errors'
import { type ImageSource, readImageBytesAsync } from '../../answer/response'
import type { TaskSpec } from '../plan/task'
import type { KeptImage, LabelledPlaceArgs } from './kept-images'
import { readImageInfo } from '../../image/image-info'
import { type LanderOptions, type LanderSeams, withDefaultSeams } from './lander-options'
import { MIME_TYPES } from '../../image/mime-types'

/**
 * Takes the images of a job's answers to the canvas: one object per job,
 * handed down to where the answers arrive. Each image is read, made ready for
 * Figma, and placed through the sandbox; one that cannot be is kept with
 * Retry and Download, so a paid image is never dropped. `land` is not
 * awaited, so the next request need not wait on Figma; `settledAsync` is.
 */
export interface Lander {
  /** Resolves true once Figma answered that it placed the image, false when it was kept instead. */
  land: (source: ImageSource, spec: TaskSpec, record: GenerationRecord) => Promise<boolean>
  /** Once every image handed over is placed or kept: how many of each. */
  settledAsync: () => Promise<{ placed: number; kept: number }>
}

export function createLander(options: LanderOptions): Lander {
  const seams = withDefaultSeams(options.seams)
  const landing: Promise<boolean>[] = []
  return {
    land(source, spec, record) {
      // The last net under "never throws": a landing that threw anyway would leave the job waiting for ever.
      const landed = landImageAsync(source, placeArgs(spec, record), options, seams).catch(() => {
        options.keep({ message: 'The image came and was paid for, but the panel could not make it ready for Figma. Generate again.', download: null, url: null, retry: null })
        return false
      })
      landing.push(landed)
      return landed
    },
    async settledAsync() {
      const placed = (await Promise.all(landing)).filter(Boolean).length
      return { placed, kept: landing.length - placed }
    },
  }
}

/**
 * Places a kept image again, on a new layer in view (its old targets may be
 * what failed); an edit whose shape could not be read goes over its image,
 * unmasked. Kept again if it fails again.
 */
export async function retryKeptAsync(item: KeptImage, options: Omit<LanderOptions, 'keepFullResolution'>): Promise<boolean> {
  if (!item.retry) return false
  const seams = withDefaultSeams(options.seams)
  const retry = item.retry
  // A retry is an undo step of its own, whatever set it was kept from.
  const elsewhere: Pick<PlaceImageArgs, 'placement' | 'targetIds' | 'reveal' | 'joinStep'> = { placement: 'new-layer', targetIds: [], reveal: true, joinStep: undefined }
  if (retry.kind === 'place') return placeOrKeepAsync({ ...retry.args, ...elsewhere }, item.download, options, seams)
  const again = { ...options, keepFullResolution: false }
  // Fitting it to the shape would fail as before: the sandbox, finding the shape gone, puts it over the image on a layer of its own.
  if (retry.unmasked) return prepareAndPlaceAsync(retry.original, { ...retry.args, joinStep: undefined }, retry.original, again, { ...seams, mask: async (image) => image })
  return prepareAndPlaceAsync(retry.original, { ...retry.args, ...elsewhere }, retry.original, again, seams)
}

/** Never throws: the answer is already paid for, and one bad image must not cost the others. */
async function landImageAsync(
  source: ImageSource,
  args: Omit<LabelledPlaceArgs, 'image'>,
  options: LanderOptions,
  seams: LanderSeams,
): Promise<boolean> {
  let bytes: Uint8Array
  try {
    bytes = await readImageBytesAsync(source, options.signal)
  } catch (error) {
    options.keep({ message: messageOf(error), download: null, url: source.kind === 'remote' ? source.url : null, retry: null })
    return false
  }
  // Copied first: preparing moves the bytes to the image worker, and shrinking would lose pixels.
  // A copy refused (memory runs short) costs the full size only: the image still lands, scaled down if it must be.
  const copy = await copyIfReencodedAsync(bytes).catch(() => null)
  // Not copied: Figma takes it as it is, PNG, JPEG or GIF, and it is downloaded as what it is.
  const original: OriginalImage = copy ?? { bytes, mimeType: MIME_TYPES[readImageInfo(bytes)?.format ?? 'png'], width: 0, height: 0 }
  return prepareAndPlaceAsync(original, args, copy, options, seams, bytes)
}

async function prepareAndPlaceAsync(
  original: OriginalImage,
  args: Omit<LabelledPlaceArgs, 'image'>,
  copy: OriginalImage | null,
  options: LanderOptions,
  seams: LanderSeams,
  given?: Uint8Array,
): Promise<boolean> {
  let image: PreparedForFigma
  try {
    // Preparing may move the bytes to the worker: a retry hands it a copy, made in slices, and keeps the original.
    const bytes = given ?? (await copyInSlicesAsync(original.bytes))
    image = await seams.prepare(bytes)
    if (args.area && !fitsArea(image, args.area)) return keepOffShape(image, args, options)
    if (args.area) image = await seams.mask(image, args.area)
  } catch (error) {
    options.keep(keptAsItCame(error, args, original))
    return false
  }
  const placeArgs = { ...args, image: { bytes: image.bytes, width: image.width, height: image.height } }
  if (!copy || !image.shrunk || !isOverFigmaLimit(copy)) {
    if (image.shrunk) options.report({ type: 'image-shrunk', from: sizeOf(image, true), to: sizeOf(image, false), fullSizeId: null, tilesProblem: null })
    return placeOrKeepAsync(placeArgs, downloadOf(image, args.name), options, seams)
  }
  return landFullSizeAsync(placeArgs, image, copy, options, seams)
}

/**
 * The whole image is still here (a worker lost mid-job, a canvas refused under
 * memory pressure, Edit area's shape gone): kept as it came, to download or to
 * try again, never a "Try again" that pays twice.
 */
function keptAsItCame(error: unknown, args: Omit<LabelledPlaceArgs, 'image'>, original: OriginalImage): Omit<KeptImage, 'id'> {
  const download = { bytes: original.bytes, mimeType: original.mimeType, name: args.name }
  // Figma could not give the shape (it was deleted meanwhile): a Retry that fits it again fails the same way.
  if (args.area && error instanceof BridgeError) {
    const message = 'The shape of the area was deleted or could not be read, so the edit could not be fitted to it. The image was paid for and is kept: Retry puts it over the image unmasked, on a layer of its own; or download it.'
    return { message, download, url: null, retry: { kind: 'prepare', args, original, unmasked: true } }
  }
  const why = error instanceof GenerationError ? error.message.replace(/ Try again\.$/, '') : 'It could not be made ready for Figma.'
  return { message: `${why} The image was paid for and is kept: Retry placing, or download it as it came.`, download, url: null, retry: { kind: 'prepare', args, original } }
}

/**
 * An edit whose answer came back another shape than its area (a model that
 * did not keep to the ratio asked): over the image it would not line up, so
 * it is kept whole, and Retry puts it on a new layer at the area's width.
 */
function keepOffShape(image: PreparedForFigma, args: Omit<LabelledPlaceArgs, 'image'>, options: LanderOptions): false {
  const area = args.area!
  const asked = `${Math.round(area.width)}×${Math.round(area.height)}`
  options.keep({
    message: `The edit came back ${image.originalWidth}×${image.originalHeight}, another shape than the ${asked} area it was asked for, so it would not line up with the image. It was paid for and is kept: Retry puts it whole on a new layer, or download it.`,
    download: downloadOf(image, args.name),
    url: null,
    retry: { kind: 'place', args: { ...args, size: { width: area.width, height: (area.width * image.height) / image.width }, image: { bytes: image.bytes, width: image.width, height: image.height } } },
  })
  return false
}

function placeArgs(spec: TaskSpec, record: GenerationRecord): Omit<LabelledPlaceArgs, 'image'> {
  return {
    taskId: spec.row ?? spec.id,
    label: spec.label,
    byLabel: spec.formatSet !== undefined,
    placement: spec.placement,
    targetIds: spec.targetIds,
    size: spec.size,
    ...(spec.area && { area: spec.area }),
    ...(spec.expandTo && { expandTo: spec.expandTo }),
    ...(spec.formatSet && { joinStep: true as const }),
    name: spec.name,
    reveal: spec.reveal,
    record,
  }
}

function messageOf(error: unknown): string {
  return error instanceof GenerationError ? error.message : 'The image in the answer could not be read. Try again.'
}

// The lander's last steps: an image placed through the sandbox, or kept with
// Retry and Download when Figma will not take it; one over Figma's 4096 px in
// tiles or scaled down, its original kept to download.

/**
 * An image larger than Figma takes keeps its original for the session, to
 * download at full size, and lands scaled down; with Keep full resolution it
 * lands in tiles instead, on a new layer (a fill cannot hold tiles), or scaled
 * down after all when it cannot be cut, saying why.
 */
async function landFullSizeAsync(args: LabelledPlaceArgs, image: PreparedForFigma, original: OriginalImage, options: LanderOptions, seams: LanderSeams): Promise<boolean> {
  const from = sizeOf(image, true)
  const fullSizeId = seams.store.keep({ ...original, name: args.name })
  // Tiles go on a new layer of their own: an expansion belongs behind its image, an edit over it, fitted to its shape.
  let tilesProblem = options.keepFullResolution ? TILES_ELSEWHERE[args.placement] ?? null : null
  let tiled: TiledImage<HeldTile> | null = null
  if (options.keepFullResolution && tilesProblem === null) {
    try {
      tiled = await seams.hold(await seams.cut(original.bytes))
    } catch (error) {
      // A clause for the result line: Figma would not take a tile, or the browser could not cut the image.
      tilesProblem = error instanceof BridgeError ? 'Figma did not take its tiles' : 'this browser could not cut it into tiles'
    }
  }
  if (tiled) {
    // Told once Figma answered: a group that could not be placed waits with the kept images instead.
    const placed = await placeOrKeepAsync({ ...args, image: tiled, placement: 'new-layer' }, downloadOf(image, args.name), options, seams)
    options.report({ type: 'image-tiled', size: from, tiles: tiled.tiles.length, fullSizeId, insteadOfFill: args.placement === 'fill', placed })
    return placed
  }
  options.report({ type: 'image-shrunk', from, to: sizeOf(image, false), fullSizeId, tilesProblem })
  return placeOrKeepAsync(args, downloadOf(image, args.name), options, seams)
}

/** Why an image landing so is not tiled, as a clause of the result line: it would land elsewhere than it belongs. */
const TILES_ELSEWHERE: Partial<Record<PlaceImageArgs['placement'], string>> = {
  behind: 'it goes behind its image in the frame',
  area: 'it goes over its image, fitted to the shape',
}

/** Resolves true once the image is on the canvas, false when it was kept instead. */
async function placeOrKeepAsync(
  args: LabelledPlaceArgs,
  download: KeptImage['download'],
  options: Pick<LanderOptions, 'report' | 'keep'>,
  seams: LanderSeams,
): Promise<boolean> {
  try {
    const { label, byLabel, ...request } = args
    const placed = await seams.place(request)
    const fellBack = args.placement === 'fill' && placed.placement === 'new-layer'
    // Listed as the designer finds it on the canvas: by its layer's name, unless its label tells it apart.
    options.report({ type: 'image-placed', fellBack, layers: { nodeIds: placed.nodeIds, name: byLabel ? label : (placed.name ?? label) } })
    return true
  } catch (error) {
    options.keep({
      message: error instanceof Error ? error.message : 'Figma could not place the image. Retry, or download it.',
      download,
      url: null,
      retry: { kind: 'place', args },
    })
    return false
  }
}

/** What Download saves of an image ready for Figma: its own bytes, in their own format. */
function downloadOf(image: PreparedForFigma, name: string): KeptImage['download'] {
  return { bytes: image.bytes, mimeType: MIME_TYPES[readImageInfo(image.bytes)?.format ?? 'png'], name }
}

function sizeOf(image: PreparedForFigma, original: boolean): string {
  return original ? `${image.originalWidth}×${image.originalHeight}` : `${image.width}×${image.height}`
}
