import { Button, Muted, Textbox } from '@create-figma-plugin/ui'
import { useState } from 'preact/hooks'
import { KIT_LIMITS } from '../../common/brand-kit'
import { SelectField } from '../components/SelectField'
import type { BrandKitsState } from './use-brand-kits'

const NONE = 'none'

interface BrandKitFieldProps {
  kits: BrandKitsState
  /** What the kit adds to the next request and what its model cannot take; null without a kit. */
  line: string | null
}

/**
 * "Brand kit": the file's kits, the one chosen (remembered in the file), what
 * it adds to the next request and what is wrong with it. Nothing shows in a
 * file without kits: making one is a set-up, in Settings.
 */
export function BrandKitField({ kits, line }: BrandKitFieldProps) {
  const options = [{ value: NONE, label: 'No brand kit' }, ...kits.kits.map((kit) => ({ value: kit.id, label: kit.name }))]
  const problems = kits.ready?.problems ?? []
  // Nothing to say: no empty section, which would still take a gap in its parent's stack.
  if (kits.kits.length === 0 && !line && problems.length === 0 && !kits.message && !kits.gone) return null
  return (
    <section class="stack" aria-label="Brand kit">
      {kits.kits.length > 0 && (
        <SelectField label="Use brand kit" value={kits.chosenId ?? NONE} options={options} onChange={(value) => kits.choose(value === NONE ? null : value)} />
      )}
      {kits.gone && (
        <p class="notice" role="status" aria-label="Brand kit gone">
          {goneText(kits.gone.name, kits.kits.length > 0)}
        </p>
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
        <p class="alert message" role="alert">
          {kits.message}
        </p>
      )}
    </section>
  )
}

/** Why no kit goes with the next request when the file had one: said, never switched to No brand kit unsaid. */
function goneText(name: string | null, others: boolean): string {
  const which = name === null ? 'A brand kit was' : `The brand kit “${name}” was`
  return `${which} used in this file, but its page is gone, so no kit is sent. Undo in Figma to bring it back${others ? ', or choose another' : ''}.`
}

/** Making a kit from the selection: once per brand, so it lives in Settings, with what to select first. */
export function MakeBrandKit({ kits, selectedCount }: { kits: BrandKitsState; selectedCount: number }) {
  const [name, setName] = useState('')
  // The kit just made, by the name its page took ("Acme 2" beside an "Acme"); its name leaves the field, so a second press makes no second kit unasked.
  const [made, setMade] = useState<string | null>(null)
  const makeAsync = async () => {
    setMade(null)
    const kit = await kits.make(name)
    if (kit === null) return
    setName('')
    setMade(kit)
  }
  return (
    <div class="field">
      <Muted>
        {selectedCount === 0
          ? 'Select the logo, product and style frames and a text layer in the brand’s font, then name the kit.'
          : `Makes a page “Brand kit: ${name.trim() || '…'}” from the ${selectedCount === 1 ? 'selected layer' : `${selectedCount} selected layers`}; a kit takes at most ${KIT_LIMITS.references} images and ${KIT_LIMITS.fonts} text layers. Edit it with Figma’s tools.`}
      </Muted>
      <Textbox aria-label="Kit name" placeholder="Kit name, e.g. Acme" value={name} onValueInput={setName} />
      <div class="buttons">
        <Button secondary loading={kits.busy} disabled={selectedCount === 0} onClick={() => void makeAsync()}>
          Make brand kit
        </Button>
      </div>
      {made && (
        <p class="notice" role="status" aria-label="Brand kit made">
          Made the page “Brand kit: {made}”, now the kit in use.
        </p>
      )}
    </div>
  )
}
