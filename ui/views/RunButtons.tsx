import { Button, Muted } from '@create-figma-plugin/ui'
import type { ClickAction } from '../generation/plan/plan-click'
import { formatEstimate } from '../pricing'

const IS_MAC = /Mac/.test(navigator.platform)

/** Generate, with its estimate: a new image, where the panel says it goes. */
export function RunButtons({ action, blocked, onRun }: { action: ClickAction; blocked: boolean; onRun: (action: ClickAction) => void }) {
  const { cost } = action
  return (
    <div class="actions">
      <Muted aria-label="Estimated cost">{formatEstimate(cost)}</Muted>
      <Button onClick={() => onRun(action)} disabled={blocked}>
        Generate <kbd>{IS_MAC ? '⌘↵' : 'Ctrl+↵'}</kbd>
      </Button>
    </div>
  )
}
