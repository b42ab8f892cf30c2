import { Button } from '@create-figma-plugin/ui'
import { useCallback, useRef, useState } from 'preact/hooks'
import type { FormatGroup } from '../../../common/formats'
import { useDismiss } from '../../components/use-dismiss'
import type { FormatChoice } from '../../generation/plan/offer'

const GROUPS: readonly FormatGroup[] = ['Social', 'Display ads', 'Video and web']

/**
 * Every format's own choice, beside it: the formats to make, from the list of
 * the common ones, each with its pixel size, in a short list grouped as
 * designers think of them. Checks stay open until Escape or a press elsewhere.
 */
export function FormatsChoice({ choice, onChange }: { choice: FormatChoice; onChange: (formats: string[]) => void }) {
  const [open, setOpen] = useState(false)
  const box = useRef<HTMLSpanElement>(null)
  const close = useCallback(() => setOpen(false), [])
  useDismiss(open, close, box)
  const { chosen } = choice
  const toggle = (id: string) => onChange(chosen.includes(id) ? chosen.filter((value) => value !== id) : [...chosen, id])
  const summary = chosen.length === 0 ? 'Pick formats' : chosen.length === 1 ? '1 format' : `${chosen.length} formats`
  return (
    <span class="formats-choice" ref={box}>
      <Button secondary aria-label="Formats to make" aria-haspopup="dialog" aria-expanded={open} title="Pick the formats to make from the key visual" onClick={() => setOpen(!open)}>
        <span class="label">{summary}</span>
        <span class="price" aria-hidden="true">
          ▾
        </span>
      </Button>
      {open && (
        <div class="menu formats-list" role="dialog" aria-label="Formats">
          {GROUPS.map((group) => (
            <fieldset key={group}>
              <legend>{group}</legend>
              {choice.options
                .filter((option) => option.group === group)
                .map((option) => (
                  <label key={option.value}>
                    <input type="checkbox" checked={chosen.includes(option.value)} aria-label={option.label} onChange={() => toggle(option.value)} />
                    <span class="grow">{option.name}</span>
                    <span class="price">{option.size}</span>
                  </label>
                ))}
            </fieldset>
          ))}
        </div>
      )}
    </span>
  )
}
