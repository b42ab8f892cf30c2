import { Button } from '@create-figma-plugin/ui'
import { useCallback, useEffect, useRef, useState } from 'preact/hooks'
import type { AspectRatio } from '../../../common/domain'
import { SelectField } from '../../components/SelectField'
import { useDismiss } from '../../components/use-dismiss'
import { FormatsChoice } from './FormatsChoice'
import { type Offer, isPromptProblem } from '../../generation/plan/offer'
import type { Proposal } from '../../generation/plan/propose'
import { formatEstimate, formatEstimateShort } from '../../pricing'

const IS_MAC = /Mac/.test(navigator.platform)

interface ActionBarProps {
  proposal: Proposal
  /** The model the designer chose: an action that goes to another one names it on itself. */
  model: string
  onRun: (offer: Offer) => void
  /** The ratio chosen on Expand's action, for this selection. */
  onRatio: (ratio: AspectRatio) => void
  /** The formats picked on Every format's list. */
  onFormats: (formats: string[]) => void
}

/**
 * What the selection proposes: the main action across the panel with its
 * price (⌘↵ presses it), a few others beside each other, and the rest under
 * More. Each names what it does; its price is on it, before anything is sent.
 */
export function ActionBar({ proposal, model, onRun, onRatio, onFormats }: ActionBarProps) {
  const { primary, secondary, more } = proposal
  return (
    <section class="field" aria-label="Actions on the selection">
      <div class="primary-action">
        <Button fullWidth disabled={blocked(primary)} aria-label={primary.label} aria-describedby="primary-price" title={primary.problems[0] ?? primary.note ?? primary.label} onClick={() => onRun(primary)}>
          <span class="label">{primary.label}</span>
          <span class="price" id="primary-price" aria-label={`Estimated cost ${price(primary)}`} title={primary.cost ? formatEstimate(primary.cost) : undefined}>
            {price(primary)}
          </span>
          <kbd aria-hidden="true">{IS_MAC ? '⌘↵' : 'Ctrl+↵'}</kbd>
        </Button>
      </div>
      {primary.ratio && <RatioChoice offer={primary} onRatio={onRatio} />}
      {primary.formats && <FormatsChoice choice={primary.formats} onChange={onFormats} />}
      {(secondary.length > 0 || more.length > 0) && (
        <div class="secondary-actions">
          {secondary.map((offer) => (
            <SecondaryAction key={offer.key} offer={offer} model={model} onRun={onRun} onRatio={onRatio} onFormats={onFormats} />
          ))}
          {more.length > 0 && <MoreMenu offers={more} model={model} onRun={onRun} />}
        </div>
      )}
    </section>
  )
}

/**
 * An action beside the main one. Its price, for a click of many requests, is
 * worked out in a task after the panel is drawn: pricing thousands of layers
 * in hundreds of sizes takes tens of milliseconds an action, and the main
 * action's price comes first (bench/results/notes.md). Until then it says "…".
 */
function SecondaryAction({ offer, model, onRun, onRatio, onFormats }: { offer: Offer } & Omit<ActionBarProps, 'proposal'>) {
  const shown = usePriceAfterDrawing(offer)
  const via = otherModel(offer, model)
  return (
    <span class="action-with-choice">
      <Button secondary fullWidth aria-label={offer.label} title={offer.problems[0] ?? offer.note ?? (shown ? `${offer.label}: ${withModel(shown, via)}` : offer.label)} onClick={() => onRun(offer)}>
        <span class="label">{offer.label}</span>
        <span class="price muted">{shown ? withModel(shown, via) : '…'}</span>
      </Button>
      {offer.ratio && <RatioChoice offer={offer} onRatio={onRatio} />}
      {offer.formats && <FormatsChoice choice={offer.formats} onChange={onFormats} />}
    </span>
  )
}

/** Above this many requests a secondary action is priced after drawing; below, at once. */
const PRICE_AFTER_DRAWING_ABOVE = 50

/**
 * The offer's price, or for a click of many requests the one worked out after
 * drawing. While it is worked out again (a keystroke in the prompt makes a new
 * offer), the last one stays rather than blink to "…": such a click asks first
 * in any case, naming its estimate as it is then (`needsConfirmation`).
 */
function usePriceAfterDrawing(offer: Offer): string | null {
  const later = offer.count > PRICE_AFTER_DRAWING_ABOVE
  const [priced, setPriced] = useState<string | null>(null)
  useEffect(() => {
    if (!later) return
    const timer = setTimeout(() => setPriced(price(offer)))
    return () => clearTimeout(timer)
  }, [offer, later])
  return later ? priced : price(offer)
}

/**
 * Whether the main button waits for the designer to fix a setting (a malformed
 * colour, said beside it). A missing prompt is said on the press instead, and
 * an action that first switches the model must stay pressable.
 */
function blocked(offer: Offer): boolean {
  return offer.switchTo === undefined && offer.problems.some((problem) => !isPromptProblem(problem))
}

/** A price in a few characters; "size not offered" where the model lacks the size asked for. */
function price(offer: Offer): string {
  return offer.cost === null ? 'size not offered' : formatEstimateShort(offer.cost)
}

/**
 * The model an action goes to when it is not the one chosen (Remove background
 * on a model that cannot answer on a transparent background goes to one that
 * can): named beside its price before the press, not first in its progress.
 */
function otherModel(offer: Offer, model: string): string | null {
  const goesTo = offer.first?.model
  return goesTo && goesTo.id !== model ? goesTo.label : null
}

function withModel(price: string, model: string | null): string {
  return model ? `${model} · ${price}` : price
}

/** Expand to a ratio: which ratio, with the frame's size for each. */
function RatioChoice({ offer, onRatio }: { offer: Offer; onRatio: (ratio: AspectRatio) => void }) {
  const ratio = offer.ratio!
  return <SelectField<AspectRatio> label="Ratio to expand to" hideLabel class="narrow-auto" value={ratio.value} options={ratio.options} onChange={onRatio} />
}

/** The selection's other actions, behind one icon: a menu that closes on a choice, Escape or a click elsewhere. */
function MoreMenu({ offers, model, onRun }: { offers: Offer[]; model: string; onRun: (offer: Offer) => void }) {
  const [open, setOpen] = useState(false)
  const box = useRef<HTMLSpanElement>(null)
  const close = useCallback(() => setOpen(false), [])
  useDismiss(open, close, box)
  return (
    <span class="more" ref={box}>
      <Button secondary fullWidth aria-label="More actions" aria-haspopup="menu" aria-expanded={open} title="More actions for the selection" onClick={() => setOpen(!open)}>
        <span class="label">More actions</span>
        <span class="price" aria-hidden="true">
          {offers.length} ▾
        </span>
      </Button>
      {open && (
        <div class="menu" role="menu" aria-label="More actions">
          {offers.map((offer) => (
            <button
              key={offer.key}
              role="menuitem"
              aria-label={offer.label}
              title={offer.problems[0] ?? offer.note ?? `${offer.label}: ${withModel(price(offer), otherModel(offer, model))}`}
              onClick={() => {
                setOpen(false)
                onRun(offer)
              }}
            >
              <span>{offer.label}</span>
              <span class="price">{withModel(price(offer), otherModel(offer, model))}</span>
            </button>
          ))}
        </div>
      )}
    </span>
  )
}
