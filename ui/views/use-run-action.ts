import { useEffect, useRef, useState } from 'preact/hooks'
import type { SavedState } from '../../common/domain'
import type { SelectedLayer } from '../../common/selection'
import { type Offer, isPromptProblem } from '../generation/plan/offer'
import { needsConfirmation } from '../generation/plan/plan-click'
import type { Proposal } from '../generation/plan/propose'
import type { Generation } from '../generation/use-generation'
import type { ModelCapabilities } from '../models'
import { withRecentPrompt } from '../state/recent-prompts'

interface RunInput {
  proposal: Proposal
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
 * What pressing an action does: says why it cannot send (once the designer
 * tries, and only while the prompt and selection are as they were), asks
 * before a large batch, and starts the job. Cmd/Ctrl+Enter presses the main
 * action from anywhere in the panel, as designers expect of a prompt box.
 */
export function useRunAction(input: RunInput) {
  const { proposal, state, selection, onStateChange, generation } = input
  const [confirmKey, setConfirmKey] = useState<string | null>(null)
  // Said until the selection or the prompt changes: it is about these layers and these words.
  const [actionSaid, setActionSaid] = useState<{ problem: string; selection: SelectedLayer[]; prompt: string } | null>(null)
  const actionProblem = actionSaid?.selection === selection && actionSaid.prompt === state.prompt ? actionSaid.problem : null
  // A missing prompt is said once the designer tries; the other problems are about what they set.
  const shownProblems = [...new Set([...proposal.primary.problems.filter((problem) => !isPromptProblem(problem)), ...(actionProblem ? [actionProblem] : [])])]

  function run(offer: Offer, confirmed = false) {
    if (generation.job) return
    // An action that needs another model first (references on a model without them) switches, says so and waits.
    if (offer.switchTo) onStateChange({ settings: offer.switchTo })
    // A kit still being read would be left out unsaid: the click waits for it instead.
    const waiting = input.kitPending ? [`The brand kit “${input.kitPending}” is still being read (its fonts are looked up): press again in a moment.`] : []
    const problems = [...offer.problems, ...waiting]
    setActionSaid(problems.length > 0 ? { problem: problems[0], selection, prompt: state.prompt } : null)
    if (problems.length > 0) return
    if (!confirmed && needsConfirmation(offer)) return setConfirmKey(offer.key)
    setConfirmKey(null)
    onStateChange({ recentPrompts: withRecentPrompt(state.recentPrompts, state.prompt) })
    const { keepFullResolution } = state
    void generation.start(offer.tasks, { key: input.apiKey, models: input.models, concurrency: offer.concurrency, keepFullResolution })
  }

  // One listener for the view's life, pressing what the panel proposes at the time.
  const latest = useRef(() => {})
  latest.current = () => run(proposal.primary)
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
