import { Button, Inline, Muted } from '@create-figma-plugin/ui'
import type { ClickAction, ClickPlan } from '../generation/plan-click'
import { formatEstimate, formatEstimateShort } from '../pricing'

const IS_MAC = /Mac/.test(navigator.platform)

/** Generate with its estimate, and Upscale 2× and 4× when the selection has an input frame. */
export function RunButtons({ plan, onRun }: { plan: ClickPlan; onRun: (action: ClickAction) => void }) {
  const blocked = plan.problems.length > 0
  const { cost } = plan.generate
  return (
    <div class="field">
      <div class="actions">
        <Muted aria-label="Estimated cost">{formatEstimate(cost)}</Muted>
        <Button onClick={() => onRun(plan.generate)} disabled={blocked}>
          Generate <kbd>{IS_MAC ? '⌘↵' : 'Ctrl+↵'}</kbd>
        </Button>
      </div>
      {plan.upscales.length > 0 && (
        <div class="actions">
          <Muted>Sharper copy beside each input frame</Muted>
          <Inline space="extraSmall">
            {plan.upscales.map((upscale) => (
              <Button secondary key={upscale.factor} aria-label={`Upscale ${upscale.factor}×`} disabled={blocked} onClick={() => onRun(upscale)}>
                Upscale {upscale.factor}× {upscale.cost !== null && <Muted>{formatEstimateShort(upscale.cost)}</Muted>}
              </Button>
            ))}
          </Inline>
        </div>
      )}
    </div>
  )
}
