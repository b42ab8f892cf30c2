import { Button, Muted } from '@create-figma-plugin/ui'
import type { AspectRatio } from '../../common/domain'
import { SelectField } from '../components/SelectField'
import type { BatchAction } from '../generation/plan/plan-click'
import { formatEstimateShort } from '../pricing'

interface BatchActionsProps {
  actions: BatchAction[]
  /** Why an action the selection seems to ask for is not there, said under the others. */
  hints: string[]
  /** The action the panel is set up for (its roles are the ones listed): drawn as the main button. */
  currentKey: string | null
  onRun: (action: BatchAction) => void
  /** The ratio chosen on Expand's action, for this selection. */
  onRatio: (ratio: AspectRatio) => void
}

/**
 * The selected frames' actions by name, visible as soon as frames are
 * selected: one click refines or upscales each of them, or combines them.
 * An action with a choice of its own (Expand's ratio) carries it beside its button.
 */
export function BatchActions({ actions, hints, currentKey, onRun, onRatio }: BatchActionsProps) {
  if (actions.length === 0 && hints.length === 0) return null
  return (
    <section class="field" aria-label="Actions on the selection">
      <span class="field-label">With the selected layers</span>
      <div class="batch-actions">
        {actions.map((action) => {
          const button = (
            <Button
              key={action.key}
              secondary={action.key !== currentKey}
              aria-label={action.label === '4×' ? 'Upscale each 4×' : action.label}
              title={action.problems[0]}
              onClick={() => onRun(action)}
            >
              {action.label} {action.cost !== null && <Muted>{formatEstimateShort(action.cost)}</Muted>}
            </Button>
          )
          if (!action.ratio) return button
          return (
            <span key={action.key} class="action-with-choice">
              {button}
              <SelectField<AspectRatio> label="Ratio to expand to" hideLabel value={action.ratio.value} options={action.ratio.options} onChange={onRatio} />
            </span>
          )
        })}
      </div>
      {actions.map((action) => action.note && <Muted key={`${action.key}-note`}>{action.note}</Muted>)}
      {hints.map((hint) => (
        <Muted key={hint}>{hint}</Muted>
      ))}
    </section>
  )
}
