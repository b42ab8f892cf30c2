import { useEffect, useRef, useState } from 'preact/hooks'
import type { SavedState } from '../../common/domain'
import type { SelectedLayer } from '../../common/selection'
import { type BatchAction, type ClickAction, type ClickPlan, NO_PROMPT, needsConfirmation } from '../generation/plan/plan-click'
import type { Generation } from '../generation/use-generation'
import type { ModelCapabilities } from '../models'
import { withRecentPrompt } from '../state/recent-prompts'

interface RunInput {
  plan: ClickPlan
  state: SavedState
  selection: SelectedLayer[]
  onStateChange: (change: Partial<SavedState>) => void
  generation: Generation
  apiKey: string
  models: readonly ModelCapabilities[]
  /** The brand kit the file uses, by name, while its fonts are still being found. */
  kitPending: string | null
}

/**
 * What pressing Generate or a named action does: sets the panel up for the
 * action, says why it cannot send (once the designer tries), asks before a
 * large batch, and starts the job. Cmd/Ctrl+Enter presses Generate from
 * anywhere in the panel, as designers expect of a prompt box.
 */
export function useRunAction(input: RunInput) {
  const { plan, state, selection, onStateChange, generation } = input
  const [confirmKey, setConfirmKey] = useState<string | null>(null)
  // Said until the selection changes: it is about these layers.
  const [actionSaid, setActionSaid] = useState<{ problem: string; selection: SelectedLayer[] } | null>(null)
  const actionProblem = actionSaid?.selection === selection ? actionSaid.problem : null
  // A missing prompt is said once the designer tries; the other problems are about what they set.
  const shownProblems = [...new Set([...plan.problems.filter((problem) => problem !== NO_PROMPT), ...(actionProblem ? [actionProblem] : [])])]

  // A named action also sets the panel up for itself, so its roles show whether it sends or not.
  function run(action: ClickAction | BatchAction, confirmed = false) {
    if (generation.job) return
    if ('choices' in action) onStateChange(action.choices)
    // An action that cannot send says why where the panel's own problems show. A kit still
    // being read would be left out unsaid: the click waits for it instead.
    const waiting = input.kitPending ? [`The brand kit “${input.kitPending}” is still being read (its fonts are looked up): press again in a moment.`] : []
    const problems = [...('problems' in action ? action.problems : plan.problems), ...waiting]
    setActionSaid(problems.length > 0 ? { problem: problems[0], selection } : null)
    if (problems.length > 0) return
    if (!confirmed && needsConfirmation(action)) return setConfirmKey(action.key)
    setConfirmKey(null)
    onStateChange({ recentPrompts: withRecentPrompt(state.recentPrompts, state.prompt) })
    const { keepFullResolution } = state
    void generation.start(action.tasks, { key: input.apiKey, models: input.models, concurrency: action.concurrency, keepFullResolution })
  }

  // One listener for the view's life, sending what the panel shows at the time.
  const latest = useRef(() => {})
  latest.current = () => run(plan.generate)
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
        event.preventDefault()
        latest.current()
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])

  return { run, confirmKey, setConfirmKey, shownProblems }
}
