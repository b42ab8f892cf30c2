import type { SelectedLayer } from '../../../common/selection'
import { FORMATS, formatFrameName, formatsOf } from '../../../common/formats'
import type { ModelCapabilities } from '../../../common/models'
import { type FramedImage, type PixelSize, expectedPixelSize } from '../../../common/sizes'
import type { ReadyKit } from '../../brand-kit/ready-kit'
import { croppedShare, fitFrame } from '../../models/frame-size'
import { type Offer, clickAction, promptProblems, withKit } from './offer'
import { EXPAND_MARK, inputCanvas } from './plan-expand'
import type { Order, TaskSpec } from './task'

/**
 * A tier's image covers a format's frame with this share of it cropped away
 * at most. Between two of Sourceful's ratios a frame loses under 13% (1.91:1,
 * a link preview, loses 7% of 16:9); past the widest (21:9) or tallest (9:16)
 * the loss grows fast (a 728×90 leaderboard would keep 29% of a 21:9 image),
 * and such a format is one the model cannot make: named, and not sent.
 */
const MAX_TIER_CROP = 0.15

/** Layers a format lands in: frames that take new children (an instance takes none). */
const FORMAT_FRAME_TYPES = new Set(['FRAME', 'COMPONENT'])

const PICK_FORMATS = 'Pick the formats to make: open the list beside Every format.'

let counter = 0

/** Where a format lands: a frame of the designer's, or the frame about to be made for a picked format. */
export interface FormatTarget {
  id: string
  name: string
  width: number
  height: number
}

/** What Every format is planned with besides the order. */
export interface FormatsSituation {
  selection: readonly SelectedLayer[]
  /** The formats picked from the list, for a key visual selected alone. */
  picked: readonly string[]
  /** Requests at a time. */
  concurrency: number
  /** The models on offer: a tier model's note names one that makes exact sizes. */
  models: readonly ModelCapabilities[]
  kit: ReadyKit | null | undefined
}

/**
 * Every format: a key visual selected with the frames of its formats (each
 * gets the key visual made for its shape), or selected alone (the formats are
 * picked from the list, and their frames made beside it on the click). The
 * brand kit goes with every request, as with Generate.
 */
export function planFormatsActions(order: Order, situation: FormatsSituation): Offer[] {
  const { selection, picked, kit } = situation
  const set = keyVisualWithFrames(selection)
  if (set) return [formatsOffer(order, set.keyVisual, set.frames, situation)]
  const keyVisual = selection.length === 1 && isImage(selection[0]) ? selection[0] : null
  if (!keyVisual) return []
  const formats = formatsOf(picked)
  // Frames not made yet: planned at the formats' sizes (the price is the same), made on the click.
  const offer = formatsOffer(order, keyVisual, formats.map((format) => ({ id: `new:${format.id}`, name: formatFrameName(format), width: format.width, height: format.height })), situation)
  const sent = new Set(offer.tasks.map((task) => task.targetIds[0]))
  const toMake = formats.filter((format) => sent.has(`new:${format.id}`))
  return [
    Object.assign(offer, {
      formats: { chosen: formats.map((format) => format.id), options: FORMATS.map((format) => ({ value: format.id, label: formatFrameName(format), name: format.name, size: `${format.width}×${format.height}`, group: format.group })) },
      makeFrames: {
        keyVisualId: keyVisual.id,
        formats: toMake.map(({ name, width, height }) => ({ name, width, height })),
        // The kit as planned: a click that read it again plans again (use-run-action.ts).
        tasksFor: (frames: SelectedLayer[]) => withKit(frames.flatMap((frame) => planFormat(order, keyVisual, frame, offer.first?.formatSet?.id ?? newSetId()) ?? []), kit),
      },
    }),
  ]
}

/**
 * A selection that is a key visual and the frames of its formats: one layer
 * that shows an image, and frames that show none (empty, or holding the
 * designer's text and logos).
 */
export function keyVisualWithFrames(selection: readonly SelectedLayer[]): { keyVisual: SelectedLayer; frames: SelectedLayer[] } | null {
  const images = selection.filter(isImage)
  if (images.length !== 1 || selection.length < 2) return null
  const frames = selection.filter((layer) => layer !== images[0] && FORMAT_FRAME_TYPES.has(layer.type) && layer.fillable && !isImage(layer))
  return frames.length === selection.length - 1 ? { keyVisual: images[0], frames } : null
}

function isImage(layer: SelectedLayer): boolean {
  return (layer.showsImage === true || layer.madeHere) && !layer.text
}

/** A set's id: the images of one click of Every format share it. */
export function newSetId(): string {
  return `set-${Date.now().toString(36)}-${++counter}`
}

/** The set, priced: what each frame gets, what is left out and why, what stops it. */
function formatsOffer(order: Order, keyVisual: SelectedLayer, targets: readonly FormatTarget[], { models, kit, concurrency }: FormatsSituation): Offer {
  const setId = newSetId()
  const planned = targets.map((target) => ({ target, task: planFormat(order, keyVisual, target, setId) }))
  const tasks = planned.flatMap(({ task }) => task ?? [])
  const left = planned.filter(({ task }) => !task).map(({ target }) => target)
  const note = [leftOutNote(order.model, left, models), ...tasks.flatMap(limitedNote)].filter(Boolean).join(' ')
  // A key in the prompt or the checks would be sent, and kept in the file on every frame's layer: said, as by every action.
  const problems = [...(targets.length === 0 ? [PICK_FORMATS] : tasks.length === 0 ? [noneMade(order.model, models)] : []), ...promptProblems(order.prompt, 'formats', order.settings)]
  const action = clickAction('formats', withKit(tasks, kit), concurrency)
  const label = tasks.length > 0 ? `Every format (${tasks.length})` : 'Every format'
  return Object.assign(action, { kind: 'formats' as const, label, problems, ...(note && { note }) })
}

/**
 * One format: the key visual made for `target`'s shape, landing in it behind
 * its own layers. Null when the model makes it only by cropping away more
 * than MAX_TIER_CROP (a tier model and a format beyond its ratios).
 *
 * The input is the key visual contained in the frame's shape (whole, at its
 * own proportions, centred) with the rest to continue, and the instruction
 * says to recompose for the format. Contained rather than cropped to cover,
 * which would cut the subject or the logo wherever the format is narrower;
 * rather than stretched, which no product shot survives; and rather than
 * handing the model the key visual alone to recompose freely, which lets it
 * redraw the product at another size or cut it at the edge. Contained, every
 * pixel of the subject is in the input at its proportions, so where the format
 * is wider or taller it is continued, as Expand does, and where it is narrower
 * the model recomposes the continued picture around a subject it has whole.
 */
export function planFormat(order: Order, keyVisual: SelectedLayer, target: FormatTarget, setId: string): TaskSpec | null {
  const { model, settings } = order
  // Always fitted, within Figma's 4096 px: the result is a fill in the frame, and a fill takes no tiles.
  const fitted = fitFrame(model, { ...settings, fitFrame: true }, target, { keepFullResolution: false })
  const made = fitted.exactSize ?? expectedPixelSize(fitted.aspectRatio, fitted.imageSize)
  if (!fitted.exactSize && croppedShare(made, target) > MAX_TIER_CROP) return null
  const canvas = canvasAround(target, made)
  const visual = containedIn(keyVisual, target)
  const transparent = model.backgrounds.includes('transparent')
  const input = inputCanvas(canvas, { x: canvas.x + visual.x, y: canvas.y + visual.y, width: visual.width, height: visual.height }, transparent)
  return {
    id: `format-${Date.now().toString(36)}-${++counter}`,
    label: target.name,
    model,
    prompt: formatPrompt(order.prompt, target, transparent),
    // The record keeps the designer's words, the key visual and the set (run-job.ts).
    designerPrompt: order.prompt,
    settings: {
      ...settings,
      fitFrame: true,
      aspectRatio: fitted.aspectRatio,
      imageSize: fitted.imageSize,
      // A background mode would repaint the key visual; fonts need text the instruction does not quote.
      background: 'original',
      fontInputs: [],
    },
    inputs: [{ layer: keyVisual, constraint: { type: 'WIDTH', value: input.imageWidth }, canvas: input }],
    references: [],
    placement: 'behind',
    targetIds: [target.id],
    size: { width: target.width, height: target.height },
    ...(fitted.exactSize && { exactSize: fitted.exactSize }),
    frame: fitted,
    name: `${keyVisual.name} · ${Math.round(target.width)}×${Math.round(target.height)}`,
    reveal: false,
    formatSet: { id: setId, keyVisualId: keyVisual.id },
  }
}

/**
 * The canvas the model draws on, in the frame's units: the shape it makes
 * (the frame's own with exact pixels; a tier's otherwise) around the frame,
 * which sits in its middle. A fill of the frame crops the answer to it, so
 * what a tier makes beyond the frame is continued picture, never the subject.
 */
function canvasAround(frame: PixelSize, made: PixelSize): FramedImage {
  const ratio = made.width / made.height
  if (ratio >= frame.width / frame.height) {
    const width = frame.height * ratio
    return { width, height: frame.height, x: (width - frame.width) / 2, y: 0 }
  }
  const height = frame.width / ratio
  return { width: frame.width, height, x: 0, y: (height - frame.height) / 2 }
}

/** The key visual at the largest size it fits whole in the frame, centred: never cut, never stretched. */
function containedIn(image: PixelSize, frame: PixelSize): FramedImage {
  const scale = Math.min(frame.width / image.width, frame.height / image.height)
  const width = image.width * scale
  const height = image.height * scale
  return { width, height, x: (frame.width - width) / 2, y: (frame.height - height) / 2 }
}

/** What the model is asked: this picture as the format, continued and recomposed, its subject whole. */
function formatPrompt(prompt: string, target: FormatTarget, transparent: boolean): string {
  const empty = transparent ? 'the transparent area around it' : `the flat ${EXPAND_MARK} green area around it`
  const own = prompt.trim()
  return [
    `Make this picture into a ${Math.round(target.width)}×${Math.round(target.height)} format: continue it seamlessly into ${empty}, and recompose the scene for this shape where it helps, so the whole canvas is one image with matching perspective, light, colour and texture, and nothing of that ${transparent ? 'transparency' : 'green'} left.`,
    'Keep the subject, the product, any logo and any text whole and in proportion, as they are: never cut at the edge, stretched or squeezed.',
    own && `Also: ${own}`,
  ]
    .filter(Boolean)
    .join(' ')
}

/** Formats a tier model cannot make at their shape, named, with the model that can. */
function leftOutNote(model: ModelCapabilities, left: readonly FormatTarget[], models: readonly ModelCapabilities[]): string {
  if (left.length === 0) return ''
  const names = left.map((target) => `“${target.name}”`)
  const listed = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
  const one = left.length === 1
  return `${model.label} cannot make ${listed} at ${one ? 'its' : 'their'} shape, wider than 21:9 or taller than 9:16, so ${one ? 'it is' : 'they are'} left out.${exactModelHint(model, models)}`
}

/** Nothing the model can make: say which model can. */
function noneMade(model: ModelCapabilities, models: readonly ModelCapabilities[]): string {
  return `${model.label} cannot make any of these formats at their shape: nothing would be sent.${exactModelHint(model, models)}`
}

function exactModelHint(model: ModelCapabilities, models: readonly ModelCapabilities[]): string {
  const exact = models.find((candidate) => candidate.id !== model.id && candidate.exactSize)
  return exact ? ` ${exact.label} makes any shape up to 16:1: choose it in the options to make them all.` : ''
}

/** A format made smaller than the frame at the sharpness, and why (a limit of the model or of Figma's 4096 px). */
function limitedNote(task: TaskSpec): string[] {
  const limited = task.frame?.limited
  if (!limited || !task.exactSize) return []
  // Tiles cannot fill a frame, so Keep full resolution is no way around Figma's limit here.
  const why = limited.replace(/; Keep full resolution.*$/, '')
  return [`“${task.label}” is made at ${task.exactSize.width}×${task.exactSize.height}: ${why}.`]
}
