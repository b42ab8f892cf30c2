import type { FrameLocator } from 'playwright-core'

/**
 * What a designer does in the panel, in the words of its controls: the tests
 * reach the model, size and options, and the actions under More, the way a
 * designer does, rather than through anything the panel keeps for tests.
 */

/** Opens the request's options (model, size, variations, the model's own, fonts, brand kit, Combine's roles). */
export async function openOptionsAsync(ui: FrameLocator): Promise<void> {
  const summary = ui.getByRole('region', { name: 'What is sent' }).getByRole('button').first()
  if ((await summary.getAttribute('aria-expanded')) !== 'true') await summary.click()
}

/** Presses an action on the selection by its name: beside the main one, or under More. */
export async function pressActionAsync(ui: FrameLocator, name: string): Promise<void> {
  const actions = ui.getByRole('region', { name: 'Actions on the selection' })
  const shown = actions.getByRole('button', { name, exact: true })
  // The panel draws its actions as the selection arrives: wait for them, then look under More.
  await actions.getByRole('button').first().waitFor()
  if ((await shown.count()) > 0) return shown.click()
  await actions.getByRole('button', { name: 'More actions' }).click()
  await actions.getByRole('menuitem', { name, exact: true }).click()
}
