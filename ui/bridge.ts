import type { PluginToUiMessage, UiToPluginMessage } from '../plugin/messages'

/** Sends a typed message to the sandbox, as Figma expects it: wrapped in `pluginMessage`. */
export function postToPlugin(message: UiToPluginMessage): void {
  parent.postMessage({ pluginMessage: message }, '*')
}

/** Listens for the sandbox's messages; returns the function that stops listening. */
export function onPluginMessage(handler: (message: PluginToUiMessage) => void): () => void {
  const listener = (event: MessageEvent) => {
    const message = (event.data as { pluginMessage?: PluginToUiMessage } | null)?.pluginMessage
    if (message && typeof message.type === 'string') handler(message)
  }
  window.addEventListener('message', listener)
  return () => window.removeEventListener('message', listener)
}
