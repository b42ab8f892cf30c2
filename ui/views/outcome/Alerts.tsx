import { Button } from '@create-figma-plugin/ui'
import type { ModelCapabilities } from '../../models'
import { MessageText } from './MessageText'

interface AlertsProps {
  /** The last job's error, if it failed. */
  error: string | null
  /** The model that error suggests instead, when it is in the list: one click away. */
  switchTo: ModelCapabilities | null
  onSwitch: (model: ModelCapabilities) => void
  /** What stops the next click (a missing prompt, a malformed colour…). */
  problems: readonly string[]
}

/** Why the last job failed and what stops the next one; the suggested switch under its error, never cut. */
export function Alerts({ error, switchTo, onSwitch, problems }: AlertsProps) {
  return (
    <>
      {error && (
        <div class="alert message" key="error">
          <p role="alert">
            <MessageText text={error} />
          </p>
          {switchTo && (
            <div class="buttons">
              <Button secondary onClick={() => onSwitch(switchTo)}>
                Switch to {switchTo.label}
              </Button>
            </div>
          )}
        </div>
      )}
      {problems
        .filter((message) => message !== error)
        .map((message) => (
          <p class="alert message" role="alert" key={message}>
            <MessageText text={message} />
          </p>
        ))}
    </>
  )
}
