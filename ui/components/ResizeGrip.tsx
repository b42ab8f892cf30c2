import { useRef } from 'preact/hooks'
import { requestAsync } from '../bridge'

/** How far an arrow key moves the edge: Figma's nudge, and ten times it with Shift. */
const STEP = 10

/**
 * The panel's bottom-right corner: drag it, or focus it and use the arrow
 * keys, to resize the plugin window. Figma resizes the window (the iframe
 * cannot), so each move asks the sandbox, at most once a frame; the sandbox
 * clamps the size and remembers it for the next run.
 */
export function ResizeGrip() {
  /** Where in the grip the pointer took hold, from the window's bottom-right corner. */
  const hold = useRef<{ right: number; bottom: number } | null>(null)
  const frame = useRef(0)

  function resize(width: number, height: number) {
    cancelAnimationFrame(frame.current)
    // A window that cannot resize stays as it is; there is nothing to tell the designer.
    frame.current = requestAnimationFrame(() => void requestAsync('resize', { width, height }).catch(() => {}))
  }

  return (
    <div
      class="resize-grip"
      role="button"
      tabIndex={0}
      aria-label="Resize the panel"
      title="Drag to resize; or use the arrow keys"
      onPointerDown={(event) => {
        hold.current = { right: window.innerWidth - event.clientX, bottom: window.innerHeight - event.clientY }
        event.currentTarget.setPointerCapture(event.pointerId)
      }}
      onPointerMove={(event) => {
        // Figma keeps the window's top-left corner in place, so the pointer's place in it is the new size.
        const at = hold.current
        if (at) resize(event.clientX + at.right, event.clientY + at.bottom)
      }}
      onPointerUp={() => (hold.current = null)}
      onPointerCancel={() => (hold.current = null)}
      onKeyDown={(event) => {
        const step = event.shiftKey ? STEP * 10 : STEP
        const moves: Record<string, [number, number]> = { ArrowRight: [step, 0], ArrowLeft: [-step, 0], ArrowDown: [0, step], ArrowUp: [0, -step] }
        const move = moves[event.key]
        if (!move) return
        event.preventDefault()
        resize(window.innerWidth + move[0], window.innerHeight + move[1])
      }}
    />
  )
}
