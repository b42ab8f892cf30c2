import { useEffect, useRef, useState } from 'preact/hooks'
import type { SavedState } from '../../common/domain'
import type { SelectedLayer } from '../../common/selection'
import type { ReadyKit } from '../brand-kit/ready-kit'
import type { BrandKitsState } from '../brand-kit/use-brand-kits'
import { type BatchAction, type ClickAction, type ClickPlan, NO_PROMPT, needsConfirmation } from '../generation/plan/plan-click'
import type { Generation } from '../generation/use-generation'
import type { ModelCapabilities } from '../models'
import { type CostEstimate, formatEstimate, highestUsd } from '../pricing'
import { withRecentPrompt } from '../state/recent-prompts'

interface RunInput {
  plan: ClickPlan
  /** The same click planned with the kit as it is now: what a click sends once the kit is read again. */
  replan: (kit: ReadyKit | null) => ClickPlan
  state: SavedState
  selection: SelectedLayer[]
  onStateChange: (change: Partial<SavedState>) => void
  generation: Generation
  apiKey: string
  models: readonly ModelCapabilities[]
  brandKits: Pick<BrandKitsState, 'mayApply' | 'chosenName' | 'refreshAsync'>
}

/** A click waiting for the brand kit to be read, with what it says meanwhile. */
export interface KitWait {
  text: string
  cancel: () => void
}

/**
 * What pressing Generate or a named action does: sets the panel up for the
 * action, says why it cannot send (once the designer tries), asks before a
 * large batch, reads the brand kit as it is now (the wait shown, with Cancel),
 * and starts the job. Cmd/Ctrl+Enter presses Generate from anywhere in the
 * panel, as designers expect of a prompt box.
 */
export function useRunAction(input: RunInput) {
  const { plan, selection, onStateChange, generation } = input
  const [confirmKey, setConfirmKey] = useState<string | null>(null)
  // Said until the selection changes: it is about these layers.
  const [actionSaid, setActionSaid] = useState<{ problem: string; selection: SelectedLayer[] } | null>(null)
  const actionProblem = actionSaid?.selection === selection ? actionSaid.problem : null
  // A missing prompt is said once the designer tries; the other problems are about what they set.
  const shownProblems = [...new Set([...plan.problems.filter((problem) => problem !== NO_PROMPT), ...(actionProblem ? [actionProblem] : [])])]
  const [wait, setWait] = useState<KitWait | null>(null)
  // What the later steps of a click read when they run: the panel may have drawn again since.
  const latest = useRef({ input, selection })
  latest.current = { input, selection }

  const say = (problem: string | null) => setActionSaid(problem ? { problem, selection: latest.current.selection } : null)

  // A named action also sets the panel up for itself, so its roles show whether it sends or not.
  function run(action: ClickAction | BatchAction, confirmed = false) {
    if (generation.job || wait) return
    if ('choices' in action) onStateChange(action.choices)
    // An action that cannot send says why where the panel's own problems show.
    const problems = 'problems' in action ? action.problems : plan.problems
    say(problems[0] ?? null)
    if (problems.length > 0) return
    if (!confirmed && needsConfirmation(action)) return setConfirmKey(action.key)
    setConfirmKey(null)
    if (!input.brandKits.mayApply) return start(action)
    // The kit as it is now: a reference deleted since it was last read is named and left out, and
    // fonts still being found are waited for, not left out unsaid.
    const turn = { cancelled: false }
    const { chosenName } = input.brandKits
    setWait({
      text: chosenName ? `Reading the brand kit “${chosenName}” before sending…` : 'Reading the file’s brand kits before sending…',
      cancel: () => {
        turn.cancelled = true
        setWait(null)
      },
    })
    input.brandKits.refreshAsync().then(
      (kit) => !turn.cancelled && sendWithKit(action, kit, confirmed),
      () => {
        if (turn.cancelled) return
        // No kit known to be in use: the click sends what the panel showed, as it would with no kit in the file.
        if (!chosenName) return start(action)
        say('The brand kit could not be read, so nothing was sent. Try again, or choose No brand kit to send without it.')
      },
    ).finally(() => !turn.cancelled && setWait(null))
  }

  /** The action planned again with the kit as read at the click: sent when it costs no more than the panel showed. */
  function sendWithKit(shown: ClickAction, kit: ReadyKit | null, confirmed: boolean) {
    const next = latest.current.input.replan(kit)
    const actions: (ClickAction | BatchAction)[] = [next.generate, ...next.batchActions]
    const action = actions.find((candidate) => candidate.key === shown.key)
    if (!action) return say('The selection changed while the brand kit was read: nothing was sent. Press again.')
    const problems = 'problems' in action ? action.problems : next.problems
    if (problems.length > 0) return say(problems[0])
    // Nothing is spent that the panel did not show: a kit that adds a price is shown first.
    if (dearer(action.cost, shown.cost)) return say(`The brand kit as it is now adds to the price (${formatEstimate(action.cost)}), so nothing was sent: press again to send with it.`)
    if (!confirmed && needsConfirmation(action)) return setConfirmKey(action.key)
    start(action)
  }

  function start(action: ClickAction) {
    const { state, onStateChange, generation, apiKey, models } = latest.current.input
    onStateChange({ recentPrompts: withRecentPrompt(state.recentPrompts, state.prompt) })
    const { keepFullResolution } = state
    void generation.start(action.tasks, { key: apiKey, models, concurrency: action.concurrency, keepFullResolution })
  }

  // One listener for the view's life, sending what the panel shows at the time.
  const generate = useRef(() => {})
  generate.current = () => run(plan.generate)
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
        event.preventDefault()
        generate.current()
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])

  return { run, confirmKey, setConfirmKey, shownProblems, wait }
}

/** An estimate that may come to more than the one shown, or that cannot be made. */
function dearer(now: CostEstimate | null, shown: CostEstimate | null): boolean {
  if (now === null) return shown !== null
  return shown !== null && highestUsd(now) > highestUsd(shown) + 1e-9
}
