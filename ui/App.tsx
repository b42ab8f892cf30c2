import { useEffect, useRef, useState } from 'preact/hooks'
import type { GenerationRecord, SavedState, SelectedLayer } from '../common/domain'
import type { InitData } from '../plugin/messages'
import { onPluginEvent, requestAsync } from './bridge'
import { DEFAULT_STATE } from './defaults'
import { loadRecord, planLaunch } from './generation/plan-launch'
import { useGeneration } from './generation/use-generation'
import { GenerationError } from './openrouter/errors'
import { type KeyInfo, checkKeyAsync } from './openrouter/key'
import { findModel, fitSettingsToList } from './models'
import { useModelList } from './models/use-model-list'
import { readSavedState, toStoredState } from './state/read-saved-state'
import { keepThumbnailsOf } from './selection/keep-thumbnails'
import { runQuickActionAsync } from './quick-action/run-quick-action'
import { StateNotes } from './views/StateNotes'
import { type LayerRole, type Roles, assignRoles } from './selection/roles'
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
  const [apiKey, setApiKey] = useState<string | null>(null)
  const [keyInfo, setKeyInfo] = useState<KeyInfo | null>(null)
  const [keyProblem, setKeyProblem] = useState<string | null>(null)
  const [state, setState] = useState<SavedState>(DEFAULT_STATE)
  const [stateNotes, setStateNotes] = useState<string[]>([])
  const [keyReason, setKeyReason] = useState<string | null>(null)
  const [startProblem, setStartProblem] = useState<string | null>(null)
  const [selection, setSelection] = useState<SelectedLayer[]>([])
  const [roles, setRoles] = useState<Roles>({})
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
      const { settings, concurrency, keepFullResolution } = launched.state
      void generation.start(launched.tasks, { key: init.key, modelLabel: findModel(modelList.models, settings.model).label, concurrency, keepFullResolution })
    }
    setApiKey(init.key)
    setView(init.key ? 'generate' : 'key')
    if (init.key) void refreshKeyInfoAsync(init.key)
    // A quick action works with the panel hidden; it shows the panel only when it needs the designer.
    if (init.quickAction && !init.key) {
      setKeyReason('Quick actions need your OpenRouter key: paste it here, then run the quick action again.')
      void requestAsync('show-ui', {})
    } else if (init.quickAction && init.key) {
      void runQuickActionAsync(init.quickAction, { key: init.key, saved: saved.state, selection: init.selection, generation })
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

  // Roles follow the selection: a layer still selected keeps its role, new ones get the
  // defaults. A change of action (each on its own or combined, or into "what to refine")
  // starts again from that action's defaults: what its button promised.
  const model = findModel(modelList.models, state.settings.model)
  const rolesFor = `${state.selectionUse}:${state.eachOnItsOwn}`
  const rolesWereFor = useRef(rolesFor)
  useEffect(() => {
    const fresh = rolesWereFor.current !== rolesFor
    rolesWereFor.current = rolesFor
    setRoles((previous) => assignRoles(selection, model, fresh ? {} : previous, state.eachOnItsOwn))
    // The model's reference limit is what the roles depend on; its object may be rebuilt on any render.
  }, [selection, model.maxReferences, rolesFor])

  // Keep the prompt, settings and choices for next time; a short delay saves once per pause in typing.
  useEffect(() => {
    if (!loaded.current) return
    // Not saving for next time is no reason to interrupt the designer now.
    const timer = setTimeout(() => requestAsync('save-state', { state: toStoredState(state) }).catch(() => {}), 400)
    return () => clearTimeout(timer)
  }, [state])

  async function refreshKeyInfoAsync(key: string) {
    try {
      setKeyInfo(await checkKeyAsync(key))
      setKeyProblem(null)
    } catch (caught) {
      // Offline or OpenRouter down: say nothing now; a generation will explain.
      if (caught instanceof GenerationError && caught.kind === 'bad-key') {
        setKeyProblem('Your saved OpenRouter key is no longer accepted. Open Settings and paste a new key.')
      }
    }
  }

  function saveKey(key: string, info: KeyInfo) {
    void requestAsync('save-key', { key }).catch(() => setKeyProblem('Figma could not store the key on this computer; it works until you close the plugin.'))
    setApiKey(key)
    setKeyInfo(info)
    setKeyProblem(null)
    setView('generate')
  }

  async function forgetKeyAsync() {
    try {
      await requestAsync('forget-key', {})
    } catch {
      // The key is still on this computer: saying it is gone would be untrue.
      setKeyReason('Figma could not remove the key from this computer. Press Forget key again.')
      return
    }
    setKeyReason(null)
    setApiKey(null)
    setKeyInfo(null)
    setView('key')
  }

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
    return <HistoryView recentPrompts={state.recentPrompts} onUse={use} onUsePrompt={usePrompt} onBack={() => setView('generate')} />
  }
  if (view === 'key' || apiKey === null) {
    return (
      <>
        {keyReason && <p class="notice view-note" role="status">{keyReason}</p>}
        <KeyView
          hasKey={apiKey !== null}
          keyInfo={keyInfo}
          onSaved={saveKey}
          onForget={() => void forgetKeyAsync()}
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
        onRoleChange={(layerId: string, role: LayerRole) => setRoles((current) => ({ ...current, [layerId]: role }))}
        thumbnails={thumbnails}
        models={modelList.models}
      />
    </>
  )
}
