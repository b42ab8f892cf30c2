/**
 * A scoring rubric: what Riverflow 2.5 and later judge their own result
 * against, criterion by criterion (docs/contracts.md#scoring-and-background: `scoring_rubric`, 1 to 8 entries).
 */
export interface ScoringCriterion {
  key: string
  label: string
  description: string
  /** How much this criterion counts against the others; positive. */
  weight: number
  passingScore?: number
  scoreGuidance?: string
}

/** The rubric as `image_config.scoring_rubric` takes it. */
export interface WireScoringCriterion {
  key: string
  label: string
  description: string
  weight: number
  passing_score?: number
  score_guidance?: string
}

const MAX_RUBRIC_CRITERIA = 8

export function toWireRubric(rubric: readonly ScoringCriterion[]): WireScoringCriterion[] {
  return rubric.map((criterion) => ({
    key: criterion.key,
    label: criterion.label,
    description: criterion.description,
    weight: criterion.weight,
    ...(criterion.passingScore !== undefined ? { passing_score: criterion.passingScore } : {}),
    ...(criterion.scoreGuidance !== undefined ? { score_guidance: criterion.scoreGuidance } : {}),
  }))
}

/** What is wrong with a rubric that is to be sent; empty when it may go. */
export function rubricProblems(rubric: readonly ScoringCriterion[]): string[] {
  const problems: string[] = []
  if (rubric.length > MAX_RUBRIC_CRITERIA) problems.push(`A scoring rubric takes at most ${MAX_RUBRIC_CRITERIA} criteria; this one has ${rubric.length}.`)
  const keys = new Set<string>()
  rubric.forEach((criterion, i) => {
    const name = `Scoring criterion ${i + 1}`
    if ([criterion.key, criterion.label, criterion.description].some((text) => text.trim() === '')) {
      problems.push(`${name} needs a key, a label and a description.`)
    }
    if (keys.has(criterion.key)) problems.push(`${name} repeats the key “${criterion.key}”.`)
    keys.add(criterion.key)
    if (!(Number.isFinite(criterion.weight) && criterion.weight > 0)) problems.push(`${name} needs a weight above 0.`)
    if (criterion.passingScore !== undefined && !Number.isFinite(criterion.passingScore)) problems.push(`${name} has a passing score that is not a number.`)
  })
  return problems
}
