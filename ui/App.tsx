import { useCallback, useEffect, useReducer, useState } from 'preact/hooks'
import type { StartData } from '../common/messages'
import { requestAsync } from './bridge'
import { withLaunchKitAsync } from './generation/plan/launch/load-kit'
import { useBrandKits } from './brand-kit/use-brand-kits'
import { type LaunchReview, creditReason } from './generation/plan/launch/review-launch'
import { panelGeneration, useGeneration } from './generation/use-generation'
import { mayHaveSpent } from './generation/session-spend'
import { findModel } from './models'
import { useModelList } from './models/use-model-list'
import { runQuickActionAsync } from './quick-action/run-quick-action'
import { useRoles } from './selection/use-roles'
import { useSelection } from './selection/use-selection'
import { reloadStartDataAsync, takeStartData } from './start-data'
import { type View, panelReducer, startPanel } from './views/panel-state'
import { toStoredState } from './state/read-saved-state'
import { useKey } from './state/use-key'
import { GenerateView } from './views/GenerateView'
import { KeyView } from './views/settings/KeyView'
import { LaunchConfirm } from './views/LaunchConfirm'
import { StateNotes } from './views/StateNotes'
import { HistoryView } from './views/history/HistoryView'

/**
 * The UI's root. The sandbox hands the start data over with the page, so the
 * first frame is the real panel; only a page that came without it (never in
 * Figma) asks the sandbox first.
 */
export function App() {
  const [start, setStart] = useState<StartData | null>(takeStartData)
  const [problem, setProblem] = useState<string | null>(null)
  useEffect(() => {
    if (start) return
    // Without its start the panel cannot do anything: say so instead of "Loading…" for ever.
    reloadStartDataAsync().then(setStart, () => setProblem('The plugin could not start: Figma did not answer. Close the plugin and run it again.'))
  }, [start])
  if (!start) return <main class="view muted" role="status">{problem ?? 'Loading…'}</main>
  return <Panel start={start} />
}

/** Saving waits for a pause in typing: one write per pause, not per key. */
const SAVE_DELAY_MS = 400

/**
 * The panel: one reducer over its views (ui/views/panel-state.ts) and the
 * effects that tie it to the world: what the start asked to run (once), the
 * model list settling, the key's credit, saving for next time.
 */
function Panel({ start }: { start: StartData }) {
  const { apiKey, keyInfo, keyChecked, keyProblem, keyReason, setKeyReason, ...key } = useKey(start.key)
  const { models, settled } = useModelList(apiKey, start.catalog)
  // Worked out before the first frame, with the list the panel opens on.
  const [first] = useState(() => ({ ...startPanel(start, models), key: start.key, selection: start.selection, models }))
  const [panel, dispatch] = useReducer(panelReducer, first.panel)
  const { selection, thumbnails } = useSelection(start.selection)
  const generation = useGeneration()
  const { saved } = panel

  // The quick action the start asked for runs once: the start data hands it out once (ui/start-data.ts).
  useEffect(() => {
    const { quickAction, key, keyReason } = first
    if (keyReason) setKeyReason(keyReason)
    if (!quickAction) return
    // A quick action works with the panel hidden; it shows the panel only when it needs the designer.
    if (!key) {
      setKeyReason('Quick actions need your OpenRouter key: paste it here, then run the quick action again.')
      void requestAsync('show-ui', {})
    } else {
      void runQuickActionAsync(quickAction, { key, saved: first.panel.saved, selection: first.selection, generation: panelGeneration, models: first.models })
    }
  }, [first, setKeyReason])

  // A relaunch runs once OpenRouter has told of the key: at once when its review found nothing, else it asks.
  const { launch } = panel
  const { concurrency, keepFullResolution } = saved
  const sendLaunch = useCallback(
    (review: LaunchReview, key: string) => {
      dispatch({ type: 'launch-done', sent: true })
      // A format is made again as a fill in its frame, as the click made it: over 4096 px it is shrunk there, never tiled beside it.
      const tiles = keepFullResolution && !review.tasks.some((task) => task.formatSet)
      void panelGeneration.start(review.tasks, { key, models, concurrency, keepFullResolution: tiles })
    },
    [models, concurrency, keepFullResolution],
  )
  // The layer's brand kit first: its fonts are looked up, and its references and checks go too.
  useEffect(() => {
    if (!launch?.kitName) return
    let current = true
    void withLaunchKitAsync(launch.tasks, { id: launch.kitId, name: launch.kitName }).then(({ tasks, notes }) => current && dispatch({ type: 'launch-kit', tasks, notes }))
    return () => void (current = false)
  }, [launch])
  useEffect(() => {
    if (!launch || launch.kitName || launch.asking || !keyChecked || !apiKey) return
    const credit = creditReason(launch, keyInfo)
    if (launch.reasons.length > 0 || credit) dispatch({ type: 'launch-ask', reasons: credit ? [credit] : [] })
    else sendLaunch(launch, apiKey)
  }, [launch, keyChecked, keyInfo, apiKey, sendLaunch])

  // What these change of the designer's saved choices (a model gone from the list, a key out of credit
  // starting on the free model) is said in a note: not in a quick action's hidden panel, where no one
  // would read it and it would be saved unseen. The next time the panel shows, they run.
  const hidden = first.quickAction !== null
  useEffect(() => {
    if (settled && !hidden) dispatch({ type: 'list-settled', models })
  }, [settled, models, hidden])

  useEffect(() => {
    if (apiKey && keyInfo && !hidden) dispatch({ type: 'key-checked', key: apiKey, info: keyInfo, models })
  }, [apiKey, keyInfo, models, hidden])

  // What is left on the key changes with every charge, said or not: an answer's cost, one without a
  // price, a request cut off that OpenRouter may still charge (a Cancel in flight, a timeout). Ask
  // again once a job is over, so the top bar stays true; an ask that fails keeps the last line. Not
  // while it runs: each ask would hold one of the browser's few connections to openrouter.ai that
  // the batch's requests are waiting for.
  const jobRunning = generation.job !== null
  const spent = generation.spent
  const { refreshKeyInfoAsync } = key
  useEffect(() => {
    if (!jobRunning && apiKey && mayHaveSpent(spent)) void refreshKeyInfoAsync(apiKey)
  }, [jobRunning, apiKey, spent, refreshKeyInfoAsync])

  // Keep the prompt, settings and choices for next time; what the panel opened with is already kept.
  useEffect(() => {
    if (saved === first.panel.saved) return
    // Not saving for next time is no reason to interrupt the designer now.
    const timer = setTimeout(() => requestAsync('save-state', { state: toStoredState(saved) }).catch(() => {}), SAVE_DELAY_MS)
    return () => clearTimeout(timer)
  }, [saved, first])

  const model = findModel(models, saved.settings.model)
  const [roles, setRole] = useRoles(selection, model)
  // Above the views: Settings holds the kits too, and a kit read once serves both.
  const brandKits = useBrandKits(selection, apiKey !== null)
  const show = (view: View) => dispatch({ type: 'show', view })

  if (panel.view === 'history') {
    return (
      <HistoryView
        recentPrompts={saved.recentPrompts}
        models={models}
        onUse={(record, note) => dispatch({ type: 'use-record', record, models, note })}
        onUsePrompt={(prompt) => dispatch({ type: 'use-prompt', prompt })}
        onBack={() => show('generate')}
      />
    )
  }
  if (panel.view === 'key' || apiKey === null) {
    return (
      <>
        {keyReason && <p class="notice view-note" role="status">{keyReason}</p>}
        <KeyView
          hasKey={apiKey !== null}
          keyInfo={keyInfo}
          onSaved={(newKey, info) => {
            key.saveKey(newKey, info)
            show('generate')
          }}
          onForget={() => void key.forgetKeyAsync().then((forgotten) => forgotten && show('key'))}
          onDone={apiKey ? () => show('generate') : null}
          onOpenExternal={(url) => requestAsync('open-external', { url })}
          settings={
            apiKey === null
              ? undefined
              : {
                  state: saved,
                  onStateChange: (change) => dispatch({ type: 'change', change }),
                  brandKits,
                  selectedCount: selection.length,
                  onOpenKit: (layerIds) => void requestAsync('show-layers', { layerIds }).catch(() => {}),
                }
          }
        />
      </>
    )
  }
  return (
    <>
      <StateNotes notes={panel.notes} onDismiss={() => dispatch({ type: 'dismiss-notes' })} />
      {launch?.asking && (
        <LaunchConfirm review={launch} busy={generation.job !== null} onSend={() => sendLaunch(launch, apiKey)} onDismiss={() => dispatch({ type: 'launch-done', sent: false })} />
      )}
      <GenerateView
        apiKey={apiKey}
        keyInfo={keyInfo}
        keyProblem={keyProblem}
        state={saved}
        onStateChange={(change) => dispatch({ type: 'change', change })}
        selection={selection}
        onOpenSettings={() => show('key')}
        onOpenHistory={() => show('history')}
        generation={generation}
        roles={roles}
        onRoleChange={setRole}
        thumbnails={thumbnails}
        models={models}
        brandKits={brandKits}
      />
    </>
  )
}
