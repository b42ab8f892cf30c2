import { Button, Muted } from '@create-figma-plugin/ui'
import type { BatchAction } from '../generation/plan/plan-click'
import { formatEstimateShort } from '../pricing'

interface BatchActionsProps {
  actions: BatchAction[]
  /** The action the panel is set up for (its roles are the ones listed): drawn as the main button. */
  currentKey: string | null
  onRun: (action: BatchAction) => void
}

/**
 * The selected frames' actions by name, visible as soon as frames are
 * selected: one click refines or upscales each of them, or combines them.
 */
export function BatchActions({ actions, currentKey, onRun }: BatchActionsProps) {
  if (actions.length === 0) return null
  return (
    <section class="field" aria-label="Actions on the selection">
      <span class="field-label">With the selected layers</span>
      <div class="batch-actions">
        {actions.map((action) => (
          <Button
            key={action.key}
            secondary={action.key !== currentKey}
            aria-label={action.label === '4×' ? 'Upscale each 4×' : action.label}
            title={action.problems[0]}
            onClick={() => onRun(action)}
          >
            {action.label} {action.cost !== null && <Muted>{formatEstimateShort(action.cost)}</Muted>}
          </Button>
        ))}
      </div>
      {actions.map((action) => action.note && <Muted key={`${action.key}-note`}>{action.note}</Muted>)}
    </section>
  )
}
