/**
 * The strip under the canvas, standing in for Figma's properties panel: what
 * is selected, and the plugin's relaunch buttons on it
 * (docs/contracts.md#figma-relaunch-data), named as the manifest names them.
 * Pressing one runs the plugin again for that command with the selection as
 * it is, as Figma does. Also Figma's toasts (figma.notify), over the canvas.
 */
import manifest from '../../../manifest.json'
import type { FakeFigma, FakeNode } from '../../fake-figma'
import { currentPage } from './canvas'

interface RelaunchButton {
  command: string
  name: string
  multipleSelection?: boolean
}

const BUTTONS: readonly RelaunchButton[] = manifest.relaunchButtons

export function drawProperties(fake: FakeFigma, refresh: () => void): void {
  const page = currentPage(fake)
  const selection = page.selection
  const strip = document.getElementById('properties')!
  const summary =
    selection.length === 0
      ? `Page: ${page.name}`
      : selection.length === 1
        ? `${selection[0].name} · ${selection[0].type.toLowerCase()} · ${Math.round(selection[0].width)} × ${Math.round(selection[0].height)}`
        : `${selection.length} layers selected`
  const buttons = relaunchButtons(fake, selection)
  // Drawn again only when it changes: a press is not lost to a redraw under the pointer.
  const drawn = JSON.stringify([summary, buttons])
  if (strip.dataset.drawn === drawn) return
  strip.dataset.drawn = drawn
  const what = document.createElement('span')
  what.className = 'summary'
  what.textContent = summary
  const group = document.createElement('span')
  group.className = 'relaunch'
  group.setAttribute('role', 'group')
  group.setAttribute('aria-label', `${manifest.name} relaunch buttons`)
  if (buttons.length > 0) {
    const plugin = document.createElement('span')
    plugin.textContent = manifest.name
    group.append(
      plugin,
      ...buttons.map(({ command, name, description }) => {
        const button = document.createElement('button')
        button.type = 'button'
        button.textContent = name
        button.title = description
        button.addEventListener('click', async () => {
          await window.hostReopen({ command })
          refresh()
        })
        return button
      }),
    )
  }
  strip.replaceChildren(what, group)
}

/**
 * The buttons Figma shows: a single layer's relaunch data; for several
 * layers, the buttons marked multipleSelection that every one of them carries;
 * with nothing selected, the page's and the document's.
 */
function relaunchButtons(fake: FakeFigma, selection: readonly FakeNode[]): { command: string; name: string; description: string }[] {
  const page = currentPage(fake)
  const data =
    selection.length === 0
      ? { ...(fake.figma.root as unknown as FakeNode).getRelaunchData(), ...page.getRelaunchData() }
      : selection.length === 1
        ? selection[0].getRelaunchData()
        : shared(selection.map((node) => node.getRelaunchData()))
  return BUTTONS.filter((button) => button.command in data && (selection.length < 2 || button.multipleSelection === true)).map((button) => ({
    command: button.command,
    name: button.name,
    description: data[button.command],
  }))
}

function shared(all: Record<string, string>[]): Record<string, string> {
  return Object.fromEntries(Object.entries(all[0]).filter(([command]) => all.every((data) => command in data)))
}

let toastsShown = 0
let toastTimer: ReturnType<typeof setTimeout> | undefined

/** The newest figma.notify message since the last look, for a few seconds. */
export function showToast(fake: FakeFigma): void {
  if (fake.notifications.length <= toastsShown) return
  const newest = fake.notifications[fake.notifications.length - 1]
  toastsShown = fake.notifications.length
  const toast = document.getElementById('toast')!
  toast.textContent = newest.message
  toast.classList.toggle('error', newest.options?.error === true)
  toast.hidden = false
  clearTimeout(toastTimer)
  toastTimer = setTimeout(() => (toast.hidden = true), 5000)
}
