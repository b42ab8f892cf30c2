import { Button, Inline } from '@create-figma-plugin/ui'
import type { ComponentChildren } from 'preact'
import { useEffect, useRef } from 'preact/hooks'

interface QuestionProps {
  /** Its accessible name ("Confirm sending"). */
  label: string
  /** What happens if the designer goes on, in their words. */
  children: ComponentChildren
  /** The step's button ("Send", "Forget key"). */
  action: string
  danger?: boolean
  /** Where the focus starts: on the step the designer pressed for, or on Back where the step is the one to think twice about. */
  focus: 'action' | 'back'
  onAction: () => void
  onBack: () => void
}

/**
 * A question asked in the panel, inline, before a step the designer should
 * take knowingly (sending, forgetting the key): what happens, Back, and the
 * step. It takes the focus, and Escape goes back.
 */
export function Question({ label, children, action, danger = false, focus, onAction, onBack }: QuestionProps) {
  const focused = useRef<HTMLButtonElement>(null)
  useEffect(() => focused.current?.focus(), [])
  return (
    <div class="notice field" role="alertdialog" aria-label={label} onKeyDown={(event) => event.key === 'Escape' && onBack()}>
      <p>{children}</p>
      <Inline space="extraSmall">
        <Button ref={focus === 'back' ? focused : undefined} secondary onClick={onBack}>
          Back
        </Button>
        <Button ref={focus === 'action' ? focused : undefined} danger={danger} onClick={onAction}>
          {action}
        </Button>
      </Inline>
    </div>
  )
}
