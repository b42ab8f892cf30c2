import { GenerationError } from '../../answer/errors'

/**
 * What to tell the designer when a new key's check (`GET /api/v1/key`) fails:
 * `refused` when OpenRouter turned the key down, which each way of getting a
 * key explains differently; otherwise the check's own message.
 */
export function keyCheckMessage(caught: unknown, refused: string): string {
  if (!(caught instanceof GenerationError)) return 'The key could not be checked. Try again.'
  return caught.kind === 'bad-key' ? refused : caught.message
}
