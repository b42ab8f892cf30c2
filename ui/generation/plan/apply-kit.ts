import type { FontInput } from '../../../common/domain'
import { FONT_INPUT_PRICE, REFERENCE_PRICE } from '../../../common/models'
import { takesScoring } from '../../../common/road-capabilities'
import type { KitApplied, LayerToSend, TaskSpec } from './task'
import { formatUsd } from '../../pricing'
import type { ScoringCriterion } from '../../openrouter/scoring-rubric'
import { kitPromptText, quotedTexts } from '../../brand-kit/kit-prompt'
import type { ReadyKit } from '../../brand-kit/ready-kit'
import { withReachName } from './plan-tasks'

/** How a task takes the kit: as the images of a new or refined image, or as an upscale's refSR references. */
export type KitUse = 'images' | 'upscale'

/** References are exported no larger than this: they guide, and leave the request room for the input. */
const KIT_REFERENCE_SIDE = 1024

/**
 * One task with the kit, as far as its model takes it: references as input
 * images (or refSR references for an upscale), fonts for the texts the prompt
 * quotes, the palette and note in the prompt, the checks as scoring_rubric.
 * What the model cannot take is named in `leftOut`, never dropped unsaid.
 */
export function applyKit(task: TaskSpec, ready: ReadyKit, use: KitUse): TaskSpec {
  const { kit } = ready
  const { model } = task
  const adds: string[] = []
  const leftOut: string[] = []
  const refs = kit.references.map((ref): LayerToSend => ({
    layer: { id: ref.layerId, name: `${kit.name} ${ref.role}`, type: 'FRAME', width: ref.width, height: ref.height, fillable: false, madeHere: false },
    constraint: ref.width >= ref.height ? { type: 'WIDTH', value: Math.round(Math.min(KIT_REFERENCE_SIDE, ref.width)) } : { type: 'HEIGHT', value: Math.round(Math.min(KIT_REFERENCE_SIDE, ref.height)) },
  }))
  const total = refs.length
  const next: TaskSpec = { ...task, settings: { ...task.settings } }

  const unpriced = ready.paidExtras === false
  if (use === 'upscale') {
    // Only Riverflow 2 takes refSR, which is what an upscale's references are for.
    const takes = Math.max(0, model.maxReferences - task.references.length)
    const room = unpriced ? 0 : takes
    const sent = refs.slice(0, room)
    next.references = [...task.references, ...sent]
    if (sent.length > 0) adds.push(`${count(sent.length, 'refSR reference')} (+${formatUsd(sent.length * REFERENCE_PRICE)})`)
    if (sent.length < total && unpriced && takes > 0) {
      const priced = Math.min(total, takes)
      leftOut.push(`the kit’s ${count(priced, 'reference')}, +${formatUsd(priced * REFERENCE_PRICE)} as refSR references: send ${priced === 1 ? 'it' : 'them'} from the panel, where the price shows first`)
    } else if (sent.length < total) {
      leftOut.push(room === 0 ? `the kit’s references: an upscale on ${model.label} takes no refSR references` : `${total - sent.length} of the kit’s ${total} references: ${model.label} takes ${model.maxReferences} refSR references`)
    }
    next.brandKit = { id: kit.id, name: kit.name, designerPrompt: task.designerPrompt ?? task.prompt, adds, leftOut, paidReferences: sent.length }
    // With refSR references the answer comes at the input's size: the layer is named for that reach.
    return withReachName(next)
  }

  const room = Math.max(0, model.maxInputImages - task.inputs.length)
  const sent = kit.references.slice(0, room)
  next.inputs = [...task.inputs, ...refs.slice(0, room)]
  if (sent.length > 0) adds.push(count(sent.length, 'reference'))
  if (sent.length < total) leftOut.push(`${total - sent.length} of the kit’s ${total} references: ${model.label} takes ${model.maxInputImages} images`)

  const extra = kitPromptText(kit.name, sent, task.inputs.length + 1, kit.palette, kit.note)
  next.prompt = extra === '' ? task.prompt : `${task.prompt.trimEnd()}\n\n${extra}`
  if (kit.palette.length > 0) adds.push(count(kit.palette.length, 'colour'))
  if (kit.note.trim() !== '') adds.push('the style note')

  const fonts = kitFontInputs(task.prompt, ready.fontUrls)
  if (ready.fontUrls.length === 0) {
    // No kit font was found: the kit's problems say why.
  } else if (task.settings.fontInputs.length > 0) {
    // The designer's own text in their font stands, and the kit's is said to give way to it.
    leftOut.push('the kit’s fonts: your own text in your font goes instead')
  } else if (fonts.length === 0) {
    leftOut.push('the kit’s fonts: put the headline in quotation marks in the prompt')
  } else if (model.maxFontInputs === 0) {
    leftOut.push(`the kit’s fonts: ${model.label} takes no font inputs`)
  } else if (unpriced) {
    const priced = Math.min(fonts.length, model.maxFontInputs)
    leftOut.push(`the kit’s font for the quoted text, +${formatUsd(priced * FONT_INPUT_PRICE)}: send it from the panel, where the price shows first`)
  } else {
    const taken = fonts.slice(0, model.maxFontInputs)
    next.settings.fontInputs = taken
    adds.push(`${count(taken.length, 'font input')} (+${formatUsd(taken.length * FONT_INPUT_PRICE)})`)
  }

  if (kit.checks.length > 0) {
    // On the Image API as its record's passthrough keys say (docs/contracts.md#the-image-api).
    if (takesScoring(model, 'scoring_rubric')) {
      next.scoringRubric = kitRubric(kit.checks)
      adds.push(count(kit.checks.length, 'check'))
    } else leftOut.push(`the kit’s checks: ${model.label} does not score its images`)
  }
  next.brandKit = { id: kit.id, name: kit.name, designerPrompt: task.designerPrompt ?? task.prompt, adds, leftOut }
  return next
}

/** The quoted texts in the kit's fonts: the first in the first font, the next in the second (or the first again). */
function kitFontInputs(prompt: string, fontUrls: readonly string[]): FontInput[] {
  if (fontUrls.length === 0) return []
  return quotedTexts(prompt)
    .slice(0, 2)
    .map((text, i) => ({ fontUrl: fontUrls[Math.min(i, fontUrls.length - 1)], text }))
}

/** Each check a criterion of equal weight: the designer wrote them as a list, not a ranking. */
function kitRubric(checks: readonly string[]): ScoringCriterion[] {
  return checks.map((check, i) => ({ key: `brand_check_${i + 1}`, label: check.length > 60 ? `${check.slice(0, 59)}…` : check, description: check, weight: 1 }))
}

/** "Brand kit “Acme” adds 3 references, 1 font input (+$0.03) and 3 checks. Left out: …" */
export function kitLine(applied: KitApplied | undefined): string | null {
  if (!applied) return null
  const adds = applied.adds.length > 0 ? ` adds ${joinAnd(applied.adds)}` : ' adds nothing to this request'
  const left = applied.leftOut.length > 0 ? ` Left out: ${applied.leftOut.join('; ')}.` : ''
  return `Brand kit “${applied.name}”${adds}.${left}`
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`
}

function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}
