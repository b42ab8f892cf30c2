import { useEffect, useRef, useState } from 'preact/hooks'
import type { SavedState } from '../../../common/domain'
import type { SelectedLayer } from '../../../common/selection'
import type { ReadyKit } from '../../brand-kit/ready-kit'
import type { BrandKitsState } from '../../brand-kit/use-brand-kits'
import { type Offer, isPromptProblem } from '../../generation/plan/offer'
import { needsConfirmation, planClick } from '../../generation/plan/plan-click'
import type { Proposal } from '../../generation/plan/propose'
import type { Generation, Replan } from '../../generation/use-generation'
import type { ModelCapabilities } from '../../models'
import type { Roles } from '../../selection/roles'
import { type CostEstimate, formatEstimate, highestUsd } from '../../pricing'
import { withRecentPrompt } from '../../state/recent-prompts'
import type { TaskSpec } from '../../generation/plan/task'
import { startInNewFramesAsync } from './new-frames'

interface RunInput {
  proposal: Proposal
  /** Every offer planned again with the kit as it is now: what a click sends once the kit is read again. */
  replan: (kit: ReadyKit | null) => Offer[]
  state: SavedState
  selection: SelectedLayer[]
  /** The designer's roles for Combine into one: a Retry plans the click again with those it was pressed with. */
  roles: Roles
  onStateChange: (change: Partial<SavedState>) => void
  generation: Generation
  apiKey: string
  models: readonly ModelCapabilities[]
  brandKits: Pick<BrandKitsState, 'mayApply' | 'chosenName' | 'refreshAsync'>
}

/**
 * A click waiting before its job starts (the brand kit read again, a set's
 * frames made), with what it says meanwhile and its Cancel; no Cancel once
 * cancelled while what was done is still being taken back (the set's frames).
 */
export interface ClickWait {
  /** What the wait is, for a screen reader. */
  label: string
  text: string
  cancel: (() => void) | null
}

/**
 * What pressing an action does: says why it cannot send (once the designer
 * tries, and only while the prompt and selection are as they were), asks
 * before a large batch, reads the brand kit as it is now (the wait shown, with
 * Cancel), and starts the job. Cmd/Ctrl+Enter presses the main action from
 * anywhere in the panel, as designers expect of a prompt box.
 */
export function useRunAction(input: RunInput) {
  const { proposal, state, selection, onStateChange, generation } = input
  const [confirmKey, setConfirmKey] = useState<string | null>(null)
  // Said until the selection or the prompt changes: it is about these layers and these words.
  const [actionSaid, setActionSaid] = useState<{ problem: string; selection: SelectedLayer[]; prompt: string } | null>(null)
  const actionProblem = actionSaid?.selection === selection && actionSaid.prompt === state.prompt ? actionSaid.problem : null
  // A missing prompt is said once the designer tries, and so is a switch of model (its words say it is done); the other problems are about what they set.
  const { primary } = proposal
  const setProblems = primary.switchTo ? [] : primary.problems.filter((problem) => !isPromptProblem(problem))
  const shownProblems = [...new Set([...setProblems, ...(actionProblem ? [actionProblem] : [])])]
  const [wait, setWait] = useState<ClickWait | null>(null)
  // Every format's frames are being made or removed: a second press would make them twice.
  const making = useRef(false)
  // What the later steps of a click read when they run: the panel may have drawn again since.
  const latest = useRef({ input, selection })
  latest.current = { input, selection }

  // The last job's failed frames: each Retry priced, and sent, as the panel is now (a model switched to, a setting or the prompt changed).
  const { planRetries } = generation
  useEffect(() => planRetries(state, input.models), [planRetries, state, input.models, generation.job])

  const say = (problem: string | null) =>
    setActionSaid(problem ? { problem, selection: latest.current.selection, prompt: latest.current.input.state.prompt } : null)

  function run(offer: Offer, confirmed = false) {
    if (generation.job || wait || making.current) return
    // An action that needs another model first (references on a model without them) switches, says so and waits.
    if (offer.switchTo) onStateChange({ settings: offer.switchTo })
    say(offer.problems[0] ?? null)
    if (offer.problems.length > 0) return
    if (!confirmed && needsConfirmation(offer, state.spendLimit)) return setConfirmKey(offer.key)
    setConfirmKey(null)
    if (!input.brandKits.mayApply) return start(offer, null)
    // The kit as it is now: a reference deleted since it was last read is named and left out, and
    // fonts still being found are waited for, not left out unsaid.
    const turn = { cancelled: false }
    const { chosenName } = input.brandKits
    setWait({
      label: 'Waiting for the brand kit',
      text: chosenName ? `Reading the brand kit “${chosenName}” before sending…` : 'Reading the file’s brand kits before sending…',
      cancel: () => {
        turn.cancelled = true
        setWait(null)
      },
    })
    input.brandKits
      .refreshAsync()
      .then(
        (kit) => !turn.cancelled && sendWithKit(offer, kit, confirmed),
        () => {
          if (turn.cancelled) return
          // No kit known to be in use: the click sends what the panel showed, as it would with no kit in the file.
          if (!chosenName) return start(offer, null)
          say('The brand kit could not be read, so nothing was sent. Try again, or choose No brand kit to send without it.')
        },
      )
      .finally(() => !turn.cancelled && setWait(null))
  }

  /** The offer planned again with the kit as read at the click: sent when it costs no more than the panel showed. */
  function sendWithKit(shown: Offer, kit: ReadyKit | null, confirmed: boolean) {
    const offer = latest.current.input.replan(kit).find((candidate) => candidate.key === shown.key)
    if (!offer) return say('The selection changed while the brand kit was read: nothing was sent. Press again.')
    if (offer.problems.length > 0) return say(offer.problems[0])
    // Nothing is spent that the panel did not show: a kit that adds a price is shown first.
    if (dearer(offer.cost, shown.cost)) return say(`The brand kit as it is now adds to the price (${formatEstimate(offer.cost)}), so nothing was sent: press again to send with it.`)
    if (!confirmed && needsConfirmation(offer, latest.current.input.state.spendLimit)) return setConfirmKey(offer.key)
    start(offer, kit)
  }

  /** Starts the job of `offer`, planned with the brand kit `kit`: its Retry plans the click again with the same kit. */
  function start(offer: Offer, kit: ReadyKit | null) {
    const { state, onStateChange, generation, apiKey, models, selection, roles } = latest.current.input
    // A job started while the brand kit was read: one job at a time, and this press says it sent nothing.
    if (generation.job) return say('Another job started meanwhile, so nothing was sent. Press again once it is done.')
    onStateChange({ recentPrompts: withRecentPrompt(state.recentPrompts, state.prompt) })
    // A format lands in its frame as a fill: an image over 4096 px is shrunk there, never tiled beside it.
    const keepFullResolution = offer.kind === 'formats' ? false : state.keepFullResolution
    // Every format's frames made at the click, for its Retry to plan a format in the frame made for it.
    let made: SelectedLayer[] = []
    const replan: Replan = (now, list) => {
      const plan = planClick({ state: now, selection, roles, models: list, kit, expandTo: offer.ratio?.value })
      const again = [plan.generate, ...plan.offers].find((candidate) => candidate.key === offer.key)
      if (!again || again.problems.length > 0) return []
      return again.makeFrames ? again.makeFrames.tasksFor(made) : again.tasks
    }
    const options = { key: apiKey, models, concurrency: offer.concurrency, keepFullResolution, replan }
    const frames = offer.makeFrames
    if (!frames) return void generation.start(offer.tasks, options)
    // Every format from the list: the frames first (said, with Cancel), then a request for each. The sandbox
    // makes them beside the key visual or fills those an earlier set left empty: the words hold for both.
    making.current = true
    const turn = { cancelled: false }
    const count = frames.formats.length
    const label = 'Getting the frames ready'
    setWait({
      label,
      text: `Getting ${count === 1 ? 'the frame' : `the ${count} frames`} ready…`,
      cancel: () => {
        turn.cancelled = true
        // Figma's making cannot be stopped: the frames it makes go once it is done (those left from before stay), and nothing is sent.
        setWait({ label, text: 'Cancelled: any new frames are removed once Figma is done…', cancel: null })
      },
    })
    const job = {
      start: (tasks: TaskSpec[]) => {
        const started = generation.start(tasks, options)
        // The running job is drawn from here, with its own progress and Cancel.
        setWait(null)
        return started
      },
      busy: () => latest.current.input.generation.job !== null,
    }
    startInNewFramesAsync({ ...frames, tasksFor: (layers) => frames.tasksFor((made = layers)) }, job, turn)
      .then((message) => message && say(message))
      .finally(() => {
        making.current = false
        setWait(null)
      })
  }

  // One listener for the view's life, pressing what the panel proposes at the time.
  const pressMain = useRef(() => {})
  pressMain.current = () => run(proposal.primary)
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
        event.preventDefault()
        pressMain.current()
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])

  return { run, confirmKey, setConfirmKey, shownProblems, wait }
}

/** An estimate that may come to more than the one shown, or that cannot be made or bounded. */
function dearer(now: CostEstimate | null, shown: CostEstimate | null): boolean {
  const [mostNow, mostShown] = [now && highestUsd(now), shown && highestUsd(shown)]
  if (mostNow === null) return mostShown !== null
  return mostShown !== null && mostNow > mostShown + 1e-9
}
