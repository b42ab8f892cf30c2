import type { RefObject } from 'preact'
import { useEffect } from 'preact/hooks'

/** A pop-up that closes on Escape or a press outside `box`, as Figma's menus do. */
export function useDismiss(open: boolean, close: () => void, box: RefObject<HTMLElement>): void {
  useEffect(() => {
    if (!open) return
    const onEvent = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !box.current?.contains(event.target as Node)) close()
    }
    window.addEventListener('pointerdown', onEvent)
    window.addEventListener('keydown', onEvent)
    return () => {
      window.removeEventListener('pointerdown', onEvent)
      window.removeEventListener('keydown', onEvent)
    }
  }, [open, close, box])
}
