import { Button } from '@create-figma-plugin/ui'
import { Component, type ComponentChildren } from 'preact'
import type { SavedState } from '../../common/domain'
import { requestAsync } from '../bridge'
import { reloadStartDataAsync } from '../start-data'
import { DEFAULT_STATE } from '../defaults'
import { toStoredState } from '../state/read-saved-state'

interface State {
  failed: boolean
  /** Bumped to mount the panel afresh after a reset. */
  generation: number
}

/**
 * The last line of defence: whatever breaks while drawing the panel, the
 * designer gets a way out instead of a blank window. "Reset settings" stores
 * the defaults, keeping the saved prompt when it can be read, and starts the
 * panel again. The key is not touched; a running job and the images kept
 * live outside the panel (ui/generation/use-generation.ts) and are still there.
 */
export class ErrorBoundary extends Component<{ children: ComponentChildren }, State> {
  state: State = { failed: false, generation: 0 }

  componentDidCatch(): void {
    // Never log the error itself: a message may quote what the panel held.
    this.setState({ failed: true })
  }

  resetAsync = async (): Promise<void> => {
    let prompt = ''
    try {
      const { state } = await requestAsync('load-start', {})
      const saved = state as { prompt?: unknown } | null
      if (typeof saved?.prompt === 'string') prompt = saved.prompt
    } catch {
      // The sandbox did not answer: reset without the prompt.
    }
    const reset: SavedState = { ...DEFAULT_STATE, prompt }
    await requestAsync('save-state', { state: toStoredState(reset) }).catch(() => {})
    // The panel mounts again from the start data as stored now: the reset state, the key, no launch.
    await reloadStartDataAsync().catch(() => {})
    this.setState((current) => ({ failed: false, generation: current.generation + 1 }))
  }

  render() {
    if (!this.state.failed) return <div key={this.state.generation}>{this.props.children}</div>
    return (
      <main class="view" role="alert">
        <p>Something went wrong while drawing the panel. Reset the settings to start again; your prompt and key are kept.</p>
        <Button onClick={() => void this.resetAsync()}>Reset settings</Button>
      </main>
    )
  }
}
