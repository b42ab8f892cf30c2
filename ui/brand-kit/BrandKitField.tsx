import { Button, Muted, Textbox } from '@create-figma-plugin/ui'
import { useState } from 'preact/hooks'
import { SelectField } from '../components/SelectField'
import type { BrandKitsState } from './use-brand-kits'

const NONE = 'none'

interface BrandKitFieldProps {
  kits: BrandKitsState
  /** What the kit adds to the next request and what its model cannot take; null without a kit. */
  line: string | null
  /** Something is selected: a kit can be made from it. */
  canMake: boolean
}

/**
 * "Use brand kit": the file's kits, the one chosen (remembered in the file),
 * what it adds to the next request, what is wrong with it, and making a kit
 * from the selection.
 */
export function BrandKitField({ kits, line, canMake }: BrandKitFieldProps) {
  const [name, setName] = useState('')
  const options = [{ value: NONE, label: 'No brand kit' }, ...kits.kits.map((kit) => ({ value: kit.id, label: kit.name }))]
  const problems = kits.ready?.problems ?? []
  return (
    <section class="stack" aria-label="Brand kit">
      {kits.kits.length > 0 && (
        <SelectField label="Use brand kit" value={kits.chosenId ?? NONE} options={options} onChange={(value) => kits.choose(value === NONE ? null : value)} />
      )}
      {line && <Muted aria-label="What the brand kit adds">{line}</Muted>}
      {problems.length > 0 && (
        <ul class="notice" role="status" aria-label="Brand kit problems">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {kits.message && (
        <p class="alert" role="alert">
          {kits.message}
        </p>
      )}
      {canMake && (
        <div class="row">
          <Textbox aria-label="Kit name" placeholder="Kit name, e.g. Acme" value={name} onValueInput={setName} />
          <Button secondary loading={kits.busy} onClick={() => kits.make(name)}>
            Make a brand kit from the selection
          </Button>
        </div>
      )}
    </section>
  )
}
