/**
 * The stand-in's Riverflow family (docs/contracts.md#the-riverflow-family): what each model
 * takes, what it refuses, and what it charges. Where docs/contracts.md marks a fact
 * unconfirmed, the stand-in takes it as stated; the plugin must not depend on it.
 */
export interface ModelRule {
  maxInputs: number
  sizes: string[]
  fonts: boolean
  refSR: boolean
  /** Takes `background_mode` and `background_hex_color` (2.5). */
  backgrounds: boolean
  /** Takes `scoring_prompt` and `scoring_rubric` (2.5). */
  scoring: boolean
  /** The `reasoning.effort` values taken; empty: no `reasoning` at all. */
  efforts: string[]
  /** USD per image by size; `dynamic` is billed by use and grows with effort; `free` costs nothing. */
  price: { kind: 'fixed' | 'dynamic'; perImage: Record<string, number> } | { kind: 'free' }
}

export const ASPECT_RATIOS = ['1:1', '2:3', '3:2', '3:4', '4:3', '4:5', '5:4', '9:16', '16:9', '21:9']

const V2 = { fonts: true, refSR: true, backgrounds: false, scoring: false, efforts: [] }
const V25 = { fonts: true, refSR: false, backgrounds: true, scoring: true }
const FAST_EFFORTS = ['low', 'medium', 'high']
const PRO_EFFORTS = ['low', 'medium', 'high', 'xhigh']

export const MODEL_RULES: Record<string, ModelRule> = {
  'sourceful/riverflow-v2-fast': { ...V2, maxInputs: 4, sizes: ['1K', '2K'], price: { kind: 'fixed', perImage: { '1K': 0.02, '2K': 0.04 } } },
  'sourceful/riverflow-v2-pro': { ...V2, maxInputs: 10, sizes: ['1K', '2K', '4K'], price: { kind: 'fixed', perImage: { '1K': 0.15, '2K': 0.15, '4K': 0.33 } } },
  'sourceful/riverflow-v2.5-fast': { ...V25, maxInputs: 4, sizes: ['1K', '2K'], efforts: FAST_EFFORTS, price: { kind: 'dynamic', perImage: { '1K': 0.03, '2K': 0.05 } } },
  'sourceful/riverflow-v2.5-fast:free': { ...V25, maxInputs: 4, sizes: ['1K', '2K'], efforts: FAST_EFFORTS, price: { kind: 'free' } },
  'sourceful/riverflow-v2.5-pro': { ...V25, maxInputs: 10, sizes: ['1K', '2K', '4K'], efforts: PRO_EFFORTS, price: { kind: 'dynamic', perImage: { '1K': 0.25, '2K': 0.25, '4K': 0.4 } } },
  // Its extras are unconfirmed: the stand-in takes none of them, so a plugin that sends one finds out.
  'sourceful/riverflow-v2.6-pro': {
    maxInputs: 10,
    sizes: ['1K', '2K', '4K'],
    fonts: false,
    refSR: false,
    backgrounds: false,
    scoring: false,
    efforts: PRO_EFFORTS,
    price: { kind: 'dynamic', perImage: { '1K': 0.3, '2K': 0.3, '4K': 0.45 } },
  },
}

/** A Sourceful model the catalog lists but this table does not: what every Riverflow takes. */
const UNKNOWN_SOURCEFUL: ModelRule = { ...V2, refSR: false, maxInputs: 4, sizes: ['1K', '2K'], price: { kind: 'dynamic', perImage: { '1K': 0.05, '2K': 0.08 } } }

/** The rule of a model, or null when OpenRouter would not know it. */
export function ruleFor(model: string, listed: readonly string[]): ModelRule | null {
  if (MODEL_RULES[model]) return MODEL_RULES[model]
  return model.startsWith('sourceful/') && listed.includes(model) ? UNKNOWN_SOURCEFUL : null
}

const EFFORT_FACTOR: Record<string, number> = { low: 0.8, medium: 1, high: 1.5, xhigh: 2 }

/** What a request is charged (`usage.cost`): the image, each font input and each refSR reference. */
export function costOf(rule: ModelRule, size: string, fonts: number, references: number, effort: string | undefined): number {
  if (rule.price.kind === 'free') return 0
  const perImage = rule.price.perImage[size] ?? 0
  const image = rule.price.kind === 'dynamic' ? perImage * (EFFORT_FACTOR[effort ?? 'medium'] ?? 1) : perImage
  return Math.round((image + fonts * 0.03 + references * 0.2) * 1000) / 1000
}

type Problem = { status: number; message: string } | null

/** The 2.5 extras of a chat-completions request, against the model's rule (docs/contracts.md#scoring-and-background). */
export function extrasProblem(model: string, rule: ModelRule, config: Record<string, unknown>, reasoning: unknown): Problem {
  const offered = (takes: boolean, keys: string[]): Problem => {
    const sent = keys.filter((key) => key in config)
    return !takes && sent.length > 0 ? { status: 400, message: `${sent.join(', ')} is not supported by ${model}` } : null
  }
  const refused =
    offered(rule.fonts, ['font_inputs']) ??
    offered(rule.backgrounds, ['background_mode', 'background_hex_color']) ??
    offered(rule.scoring, ['scoring_prompt', 'scoring_rubric'])
  if (refused) return refused
  return backgroundProblem(config) ?? scoringProblem(config) ?? effortProblem(model, rule, reasoning)
}

function backgroundProblem(config: Record<string, unknown>): Problem {
  const mode = config.background_mode
  if (mode !== undefined && !['original', 'transparent', 'solid'].includes(String(mode))) {
    return { status: 400, message: 'background_mode must be original, transparent or solid' }
  }
  const color = config.background_hex_color
  // A malformed colour is a 400 in every mode; solid needs one.
  if (color !== undefined && !(typeof color === 'string' && /^#[0-9A-Fa-f]{6}$/.test(color))) {
    return { status: 400, message: 'background_hex_color must be #RRGGBB' }
  }
  if (mode === 'solid' && color === undefined) return { status: 400, message: 'background_hex_color is required with background_mode solid' }
  return null
}

export function scoringProblem(config: Record<string, unknown>): Problem {
  if (config.scoring_prompt !== undefined && typeof config.scoring_prompt !== 'string') return { status: 400, message: 'scoring_prompt must be a string' }
  const rubric = config.scoring_rubric
  if (rubric === undefined) return null
  if (!Array.isArray(rubric) || rubric.length < 1 || rubric.length > 8) return { status: 400, message: 'scoring_rubric takes 1 to 8 entries' }
  const valid = (entry: Record<string, unknown>) =>
    ['key', 'label', 'description'].every((key) => typeof entry?.[key] === 'string' && entry[key] !== '') &&
    typeof entry.weight === 'number' &&
    (entry.passing_score === undefined || typeof entry.passing_score === 'number') &&
    (entry.score_guidance === undefined || typeof entry.score_guidance === 'string')
  return rubric.every(valid) ? null : { status: 400, message: 'each scoring_rubric entry needs key, label, description and a numeric weight' }
}

function effortProblem(model: string, rule: ModelRule, reasoning: unknown): Problem {
  if (reasoning === undefined) return null
  if (rule.efforts.length === 0) return { status: 400, message: `reasoning is not supported by ${model}` }
  const effort = typeof reasoning === 'object' && reasoning !== null ? (reasoning as { effort?: unknown }).effort : undefined
  return rule.efforts.includes(String(effort)) ? null : { status: 400, message: `reasoning.effort must be one of ${rule.efforts.join(', ')} for ${model}` }
}
