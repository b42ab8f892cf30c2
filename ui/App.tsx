import { useEffect, useRef, useState } from 'preact/hooks'
import type { GenerationRecord, SavedState, SelectedLayer } from '../common/domain'
import type { InitData } from '../common/messages'
import { onPluginEvent, requestAsync } from './bridge'
import { DEFAULT_STATE } from './defaults'
import { loadRecord, planLaunch } from './generation/plan/plan-launch'
import { useGeneration } from './generation/use-generation'
import { findModel, fitSettingsToList, startOnFree } from './models'
import { useModelList } from './models/use-model-list'
import { readSavedState, toStoredState } from './state/read-saved-state'
import { useKey } from './state/use-key'
import { keepThumbnailsOf } from './selection/keep-thumbnails'
import { runQuickActionAsync } from './quick-action/run-quick-action'
import { StateNotes } from './views/StateNotes'
import { useRoles } from './selection/use-roles'
import { GenerateView } from './views/GenerateView'
import { KeyView } from './views/KeyView'
import { HistoryView } from './views/history/HistoryView'

type View = 'loading' | 'key' | 'generate' | 'history'

/**
 * The UI's root: waits for the sandbox's `init` (stored key, saved prompt and
 * settings, selection), then shows the key view on first run and the generate
 * view after. The prompt, settings and the designer's choices live here, above
 * both views, so that neither an error nor a trip to Settings loses them.
 */
export function App() {
  const [view, setView] = useState<View>('loading')
  const { apiKey, keyInfo, keyProblem, keyReason, setKeyReason, ...key } = useKey(
    () => setView('generate'),
    () => setView('key'),
  )
  const [state, setState] = useState<SavedState>(DEFAULT_STATE)
  const [stateNotes, setStateNotes] = useState<string[]>([])
  const [startProblem, setStartProblem] = useState<string | null>(null)
  const [selection, setSelection] = useState<SelectedLayer[]>([])
  const [thumbnails, setThumbnails] = useState<Record<string, string>>({})
  const [init, setInit] = useState<InitData | null>(null)
  const loaded = useRef(false)
  const generation = useGeneration()
  const modelList = useModelList(apiKey)

  useEffect(() => {
    const stop = onPluginEvent((message) => {
      switch (message.type) {
        case 'selection-changed':
          setSelection(message.selection)
          // Free the thumbnails of layers that left the selection: each holds a PNG in memory.
          setThumbnails((current) => keepThumbnailsOf(message.selection, current))
          break
        case 'layer-thumbnail': {
          const url = URL.createObjectURL(new Blob([message.bytes as BlobPart], { type: 'image/png' }))
          setThumbnails((current) => {
            if (current[message.layerId]) URL.revokeObjectURL(current[message.layerId])
            return { ...current, [message.layerId]: url }
          })
          break
        }
      }
    })
    requestAsync('init', {})
      .then((data) => {
        setSelection(data.selection)
        setInit(data)
      })
      // Without its start the panel cannot do anything: say so instead of "Loading…" for ever.
      .catch(() => setStartProblem('The plugin could not start: Figma did not answer. Close the plugin and run it again.'))
    return stop
  }, [])

  // The saved state is read once the cached model list is in too: a model of an earlier
  // catalog is judged against that catalog, not only against the built-in table.
  useEffect(() => {
    if (!init || !modelList.cacheRead || loaded.current) return
    loaded.current = true
    const saved = readSavedState(init.state, modelList.models)
    // A relaunch button: the layer's prompt and settings, run at once where there is something to run.
    const launched = init.launch ? planLaunch(init.launch, saved.state, modelList.models) : { state: saved.state, tasks: null, notes: [] }
    setState(launched.state)
    setStateNotes([...saved.notes, ...launched.notes])
    if (launched.tasks && init.key) {
      const { concurrency, keepFullResolution } = launched.state
      void generation.start(launched.tasks, { key: init.key, models: modelList.models, concurrency, keepFullResolution })
    }
    key.startWithKey(init.key)
    setView(init.key ? 'generate' : 'key')
    // A quick action works with the panel hidden; it shows the panel only when it needs the designer.
    if (init.quickAction && !init.key) {
      setKeyReason('Quick actions need your OpenRouter key: paste it here, then run the quick action again.')
      void requestAsync('show-ui', {})
    } else if (init.quickAction && init.key) {
      void runQuickActionAsync(init.quickAction, { key: init.key, saved: saved.state, selection: init.selection, generation, models: modelList.models })
    }
  }, [init, modelList.cacheRead])

  // Once the list is final for this run, a model gone from it gives way to the nearest of its tier.
  useEffect(() => {
    if (view === 'loading' || !modelList.settled) return
    const fitted = fitSettingsToList(state.settings, modelList.models)
    if (fitted.notes.length === 0) return
    setState((current) => ({ ...current, settings: fitted.settings }))
    setStateNotes((notes) => [...notes, ...fitted.notes])
  }, [view, modelList.settled, modelList.models])

  // A key with no credit left starts on the free model and says why: once a key, when OpenRouter
  // first tells of it; later the designer's own choice of model stands.
  const creditChecked = useRef<string | null>(null)
  useEffect(() => {
    if (!loaded.current || !keyInfo || creditChecked.current === apiKey) return
    creditChecked.current = apiKey
    const free = startOnFree(state.settings, keyInfo, modelList.models)
    if (!free) return
    setState((current) => ({ ...current, settings: free.settings }))
    setStateNotes((notes) => [...notes, ...free.notes])
  }, [keyInfo])

  // What is left on the key changes with every charge: ask again once a job is over, so the top
  // bar stays true. Not while it runs: each ask would hold one of the browser's few connections
  // to openrouter.ai that the batch's requests are waiting for.
  const jobRunning = generation.job !== null
  useEffect(() => {
    if (!jobRunning && apiKey && generation.spent.total > 0) void key.refreshKeyInfoAsync(apiKey)
  }, [jobRunning, generation.spent.total])

  const model = findModel(modelList.models, state.settings.model)
  const [roles, setRole] = useRoles(selection, model, `${state.selectionUse}:${state.eachOnItsOwn}`, state.eachOnItsOwn)

  // Keep the prompt, settings and choices for next time; a short delay saves once per pause in typing.
  useEffect(() => {
    if (!loaded.current) return
    // Not saving for next time is no reason to interrupt the designer now.
    const timer = setTimeout(() => requestAsync('save-state', { state: toStoredState(state) }).catch(() => {}), 400)
    return () => clearTimeout(timer)
  }, [state])

  if (view === 'loading') return <main class="view muted" role="status">{startProblem ?? 'Loading…'}</main>
  if (view === 'history') {
    const use = (record: GenerationRecord) => {
      const loaded = loadRecord(record, state, modelList.models)
      if (loaded) setState(loaded.state)
      setStateNotes(loaded?.notes ?? ['The prompt of that image could not be read.'])
      setView('generate')
    }
    const usePrompt = (prompt: string) => {
      setState((s) => ({ ...s, prompt }))
      setView('generate')
    }
    return <HistoryView recentPrompts={state.recentPrompts} models={modelList.models} onUse={use} onUsePrompt={usePrompt} onBack={() => setView('generate')} />
  }
  if (view === 'key' || apiKey === null) {
    return (
      <>
        {keyReason && <p class="notice view-note" role="status">{keyReason}</p>}
        <KeyView
          hasKey={apiKey !== null}
          keyInfo={keyInfo}
          onSaved={key.saveKey}
          onForget={() => void key.forgetKeyAsync()}
          onDone={apiKey ? () => setView('generate') : null}
          onOpenExternal={(url) => requestAsync('open-external', { url })}
        />
      </>
    )
  }
  return (
    <>
      <StateNotes notes={stateNotes} onDismiss={() => setStateNotes([])} />
      <GenerateView
        apiKey={apiKey}
        keyInfo={keyInfo}
        keyProblem={keyProblem}
        state={state}
        onStateChange={(change: Partial<SavedState>) => setState((s) => ({ ...s, ...change }))}
        selection={selection}
        onOpenSettings={() => setView('key')}
        onOpenHistory={() => setView('history')}
        generation={generation}
        roles={roles}
        onRoleChange={setRole}
        thumbnails={thumbnails}
        models={modelList.models}
      />
    </>
  )
}
