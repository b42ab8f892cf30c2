import { ShownError } from './answer-requests'

/**
 * Only OpenRouter's own pages: a URL from the UI is opened in the designer's
 * browser, outside Figma, so a UI gone wrong must not be able to send them
 * anywhere else. The trailing slash keeps look-alikes out
 * (https://openrouter.ai.example.com, https://openrouter.ai@example.com).
 */
const ALLOWED = /^https:\/\/openrouter\.ai\/\S*$/

/** Opens an OpenRouter page (the sign-in) in the designer's browser. */
export async function openExternalAsync({ url }: { url: string }): Promise<null> {
  if (typeof url !== 'string' || !ALLOWED.test(url)) throw new ShownError('The plugin opens only openrouter.ai pages in your browser.')
  figma.openExternal(url)
  return null
}
