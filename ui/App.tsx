import { useEffect, useRef, useState } from 'preact/hooks'
import type { GenerationSettings, Placement, SavedState, SelectedLayer } from '../plugin/messages'
import { onPluginMessage, postToPlugin } from './bridge'
import { DEFAULT_STATE } from './defaults'
import { useGeneration } from './generation/use-generation'
import { GenerationError } from './openrouter/errors'
import { type KeyInfo, checkKeyAsync } from './openrouter/key'
import { modelInfo } from './models'
import { type LayerRole, type Roles, assignRoles } from './selection/roles'
import { GenerateView } from './views/GenerateView'
import { KeyView } from './views/KeyView'

type View = 'loading' | 'key' | 'generate'

/**
 * The UI's root: waits for the sandbox's `init` (stored key, saved prompt and
 * settings, selection), then shows the key view on first run and the generate
 * view after. The prompt and settings live here, above both views, so that
 * neither an error nor a trip to Settings loses them.
 */
export function App() {
  const [view, setView] = useState<View>('loading')
  const [apiKey, setApiKey] = useState<string | null>(null)
  const [keyInfo, setKeyInfo] = useState<KeyInfo | null>(null)
  const [keyProblem, setKeyProblem] = useState<string | null>(null)
  const [state, setState] = useState<SavedState>(DEFAULT_STATE)
  const [selection, setSelection] = useState<SelectedLayer[]>([])
  const [roles, setRoles] = useState<Roles>({})
  const [thumbnails, setThumbnails] = useState<Record<string, string>>({})
  const loaded = useRef(false)
  const generation = useGeneration()

  useEffect(() => {
    const stop = onPluginMessage((message) => {
      switch (message.type) {
        case 'init':
          loaded.current = true
          setSelection(message.selection)
          if (message.state) setState({ ...DEFAULT_STATE, ...message.state })
          setApiKey(message.key)
          setView(message.key ? 'generate' : 'key')
          if (message.key) void refreshKeyInfoAsync(message.key)
          break
        case 'selection-changed':
          setSelection(message.selection)
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
    postToPlugin({ type: 'ui-ready' })
    return stop
  }, [])

  // Roles follow the selection: a layer still selected keeps its role, new ones get the defaults.
  const model = modelInfo(state.settings.model)
  useEffect(() => {
    setRoles((previous) => assignRoles(selection, model, previous))
  }, [selection, model])

  // Keep the prompt and settings for next time; a short delay saves once per pause in typing.
  useEffect(() => {
    if (!loaded.current) return
    const timer = setTimeout(() => postToPlugin({ type: 'save-state', state }), 400)
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
    postToPlugin({ type: 'save-key', key })
    setApiKey(key)
    setKeyInfo(info)
    setKeyProblem(null)
    setView('generate')
  }

  function forgetKey() {
    postToPlugin({ type: 'forget-key' })
    setApiKey(null)
    setKeyInfo(null)
    setView('key')
  }

  if (view === 'loading') return <main class="view muted">Loading…</main>
  if (view === 'key' || apiKey === null) {
    return (
      <KeyView
        hasKey={apiKey !== null}
        keyInfo={keyInfo}
        onSaved={saveKey}
        onForget={forgetKey}
        onDone={apiKey ? () => setView('generate') : null}
      />
    )
  }
  return (
    <GenerateView
      apiKey={apiKey}
      keyInfo={keyInfo}
      keyProblem={keyProblem}
      prompt={state.prompt}
      settings={state.settings}
      placement={state.placement}
      selection={selection}
      onPromptChange={(prompt: string) => setState((s) => ({ ...s, prompt }))}
      onSettingsChange={(settings: GenerationSettings) => setState((s) => ({ ...s, settings }))}
      onPlacementChange={(placement: Placement) => setState((s) => ({ ...s, placement }))}
      onOpenSettings={() => setView('key')}
      generation={generation}
      roles={roles}
      onRoleChange={(layerId: string, role: LayerRole) => setRoles((current) => ({ ...current, [layerId]: role }))}
      thumbnails={thumbnails}
    />
  )
}
