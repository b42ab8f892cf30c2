import type { FrameLocator } from 'playwright-core'

/** Figma's default plugin window: what the panel opens at (plugin/storage/window-size.ts). */
export const PANEL_SIZE = { width: 360, height: 640 } as const

/** What can be read and pressed of the panel as drawn, measured in the page. */
export interface PanelLayout {
  /** Buttons whose label does not fit them (cut, or wrapped out of their height), unless shortened with an ellipsis and shown whole in a tooltip. */
  overflowingLabels: string[]
  /** Messages (alerts, notes, kept images) wider than the panel or cut at its edge. */
  cutMessages: string[]
  /** The page scrolls sideways: something is wider than the panel. */
  scrollsSideways: boolean
  /** The main action's button and its price, within the window without scrolling. */
  primaryInView: boolean
  /** The controls a designer sees without scrolling: buttons, fields, selects, links. */
  visibleControls: string[]
  /**
   * Elements that show nothing (no text, image, control or paint of their own) yet stand in a stack
   * with a gap: each adds a gap of blank space, a hole in the panel's rhythm.
   */
  emptyGaps: string[]
}

/** Measures the panel as it is drawn now. */
export function measurePanelAsync(ui: FrameLocator): Promise<PanelLayout> {
  return ui.locator('body').evaluate((body) => {
    const view = { width: window.innerWidth, height: window.innerHeight }
    const nameOf = (element: Element) => (element.getAttribute('aria-label') || element.textContent || element.outerHTML.slice(0, 60)).trim().replace(/\s+/g, ' ')
    const shown = (element: Element) => {
      const box = element.getBoundingClientRect()
      const style = getComputedStyle(element)
      return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none'
    }
    const inView = (box: DOMRect) => box.top >= 0 && box.left >= 0 && box.bottom <= view.height + 0.5 && box.right <= view.width + 0.5
    // An element whose text is cut on purpose, the whole of it in its own or its button's tooltip.
    const ellipsised = (element: Element) => {
      const style = getComputedStyle(element)
      const title = element.closest('[title]')?.getAttribute('title') ?? ''
      return style.textOverflow === 'ellipsis' && title.includes((element.textContent ?? '').trim())
    }
    const overflows = (element: Element) => element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1

    const buttons = [...body.querySelectorAll('button')].filter(shown)
    const overflowingLabels = buttons
      .filter((button) => overflows(button) || [...button.querySelectorAll('*')].some((inner) => shown(inner) && overflows(inner) && !ellipsised(inner)))
      .filter((button) => !(ellipsised(button) && overflows(button)))
      .map(nameOf)
    const messages = [...body.querySelectorAll('[role="alert"], [role="status"], [role="note"], .notice, .kept, .lands')].filter(shown)
    const cutMessages = messages.filter((message) => {
      const box = message.getBoundingClientRect()
      return message.scrollWidth > message.clientWidth + 1 || box.right > view.width + 0.5 || box.left < -0.5
    }).map(nameOf)
    const primary = body.querySelector('.primary-action button')
    const price = body.querySelector('.primary-action .price')
    const primaryInView = primary !== null && price !== null && inView(primary.getBoundingClientRect()) && inView(price.getBoundingClientRect()) && shown(price)
    const controls = [...body.querySelectorAll('button, input, select, textarea, a[href], [role="button"], [role="menuitem"]')]
      .filter((control) => shown(control) && inView(control.getBoundingClientRect()))
      // The window's resize grip is Figma's chrome, not a control of the panel's.
      .filter((control) => control.getAttribute('aria-label') !== 'Resize the panel')
      // A checkbox or radio drawn by the UI kit is one control with its label.
      .filter((control) => !(control instanceof HTMLInputElement && control.closest('label')?.querySelector('input') !== control))
    const paints = (element: Element) => {
      const style = getComputedStyle(element)
      return style.backgroundColor !== 'rgba(0, 0, 0, 0)' || style.backgroundImage !== 'none' || parseFloat(style.borderTopWidth) > 0 || parseFloat(style.borderBottomWidth) > 0
    }
    const showsSomething = (element: Element): boolean =>
      (element.textContent ?? '').trim() !== '' || element.matches('img, svg, canvas, input, select, textarea, button') || paints(element) || element.querySelector('img, svg, canvas, input, select, textarea, button') !== null
    const emptyGaps = [...body.querySelectorAll('*')]
      .filter((element) => {
        const parent = element.parentElement
        if (!parent || getComputedStyle(element).display === 'none' || getComputedStyle(element).position === 'absolute') return false
        const layout = getComputedStyle(parent)
        const gapped = (layout.display.includes('flex') || layout.display.includes('grid')) && parseFloat(layout.rowGap) > 0 && parent.children.length > 1
        return gapped && !showsSomething(element)
      })
      .map((element) => `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''} in ${nameOf(element.parentElement!).slice(0, 40)}`)
    return {
      emptyGaps,
      overflowingLabels,
      cutMessages,
      scrollsSideways: document.documentElement.scrollWidth > view.width + 0.5,
      primaryInView,
      visibleControls: controls.map(nameOf),
    }
  })
}
