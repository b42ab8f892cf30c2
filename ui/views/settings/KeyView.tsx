import { Button, Muted } from '@create-figma-plugin/ui'
import { useState } from 'preact/hooks'
import { Question } from '../../components/Question'
import type { SavedState } from '../../../common/domain'
import { BrandKitField, MakeBrandKit } from '../../brand-kit/BrandKitField'
import type { BrandKitsState } from '../../brand-kit/use-brand-kits'
import { SelectField } from '../../components/SelectField'
import type { KeyInfo } from '../../openrouter/sign-in/key'
import { formatUsd } from '../../pricing'
import { MAX_CONCURRENCY, SPEND_LIMITS } from '../../state/read-saved-state'
import { FullResolutionField } from '../request/FullResolutionField'
import { PasteKeyPanel } from './PasteKeyPanel'
import { SignInPanel } from './SignInPanel'

interface KeyViewProps {
  hasKey: boolean
  keyInfo: KeyInfo | null
  onSaved: (key: string, info: KeyInfo) => void
  onForget: () => void
  onDone: (() => void) | null
  /** Opens a page in the designer's browser (OpenRouter's sign-in), through the sandbox. */
  onOpenExternal: (url: string) => Promise<unknown>
  /** With a key: the defaults and the brand kits, which Settings holds too. */
  settings?: SettingsProps
}

interface SettingsProps {
  state: SavedState
  onStateChange: (change: Partial<SavedState>) => void
  brandKits: BrandKitsState
  selectedCount: number
  /** Selects the kit page's layers in Figma, to edit them. */
  onOpenKit: (layerIds: string[]) => void
}

const CONCURRENCIES = Array.from({ length: MAX_CONCURRENCY }, (_, i) => ({ value: String(i + 1), label: i === 0 ? '1 at a time' : `${i + 1} at a time` }))
const LIMITS = SPEND_LIMITS.map((usd) => ({ value: String(usd), label: formatUsd(usd) }))

/**
 * The first run, and Settings. First run: what the plugin does in one line,
 * then Sign in (or paste a key). Settings: the account (the key, its credit,
 * replace or forget it), the defaults a batch uses, and the file's brand kits.
 */
export function KeyView(props: KeyViewProps) {
  // Without a key (first run, or just forgotten) the ways in show whatever this says.
  const [replacing, setReplacing] = useState(!props.hasKey)
  const [forgetting, setForgetting] = useState(false)
  const firstRun = !props.hasKey

  return (
    <main class="view">
      <div class="actions topbar">
        <span class="title grow">{firstRun ? 'Riverflow for Figma' : 'Settings'}</span>
        {props.onDone && (
          <Button secondary onClick={props.onDone}>
            Done
          </Button>
        )}
      </div>
      {firstRun && <p>Make and edit images on the canvas with Sourceful’s Riverflow, on your own OpenRouter account: you choose the model and see the price before anything is sent.</p>}
      <section class="section" aria-label="Account">
        {!firstRun && <span class="section-title">Account</span>}
        <Muted>Your OpenRouter key stays on this computer, in Figma’s plugin storage, and is sent only to openrouter.ai.</Muted>
        {props.hasKey && props.keyInfo && <KeySummary info={props.keyInfo} />}
        {props.hasKey && !props.keyInfo && <p class="notice">A key is saved.</p>}
        {replacing || !props.hasKey ? (
          <>
            <SignInPanel onSaved={props.onSaved} onOpenExternal={props.onOpenExternal} />
            <PasteKeyPanel onSaved={props.onSaved} />
            {props.hasKey && (
              <div class="buttons">
                <Button secondary onClick={() => setReplacing(false)}>
                  Keep current key
                </Button>
              </div>
            )}
          </>
        ) : forgetting ? (
          <ForgetKeyQuestion
            onForget={() => {
              setForgetting(false)
              props.onForget()
            }}
            onBack={() => setForgetting(false)}
          />
        ) : (
          <div class="buttons">
            <Button secondary onClick={() => setReplacing(true)}>
              Replace key
            </Button>
            <Button danger secondary onClick={() => setForgetting(true)}>
              Forget key
            </Button>
          </div>
        )}
      </section>
      {props.settings && <Defaults {...props.settings} />}
      {props.settings && <BrandKits {...props.settings} />}
    </main>
  )
}

function KeySummary({ info }: { info: KeyInfo }) {
  const credit = info.limitRemaining === null ? 'no spending limit on this key' : `${formatUsd(info.limitRemaining)} left on this key`
  return (
    <p class="notice" role="status">
      Key {info.label ? `“${info.label}”` : ''} works: {credit}
      {info.usage !== null ? `, ${formatUsd(info.usage)} used so far` : ''}.
    </p>
  )
}

/**
 * Asked once before the key is forgotten, as a send is: forgetting it here
 * leaves it working on OpenRouter, which a designer parting with a shared
 * machine needs to hear, and costs a sign-in to undo.
 */
function ForgetKeyQuestion({ onForget, onBack }: { onForget: () => void; onBack: () => void }) {
  // The focus on Back: forgetting is the step to think twice about.
  return (
    <Question label="Confirm forgetting the key" action="Forget key" danger focus="back" onAction={onForget} onBack={onBack}>
      Forget the key? It is removed from Figma on this computer only: it still works on openrouter.ai until you revoke it there (openrouter.ai/settings/keys). To make images again, you
      will need the key or to sign in.
    </Question>
  )
}

/** What a batch does unless the designer says otherwise for one click. */
function Defaults({ state, onStateChange }: SettingsProps) {
  return (
    <section class="section" aria-label="Defaults">
      <span class="section-title">Defaults</span>
      <SelectField label="Requests at a time, for several frames" value={String(state.concurrency)} options={CONCURRENCIES} onChange={(value) => onStateChange({ concurrency: Number(value) })} />
      <FullResolutionField value={state.keepFullResolution} onChange={(keepFullResolution) => onStateChange({ keepFullResolution })} />
      <SelectField label="Ask before a click that may cost more than" value={String(state.spendLimit)} options={LIMITS} onChange={(value) => onStateChange({ spendLimit: Number(value) })} />
    </section>
  )
}

/** The file's brand kits: the one in use, making one from the selection, and the kit page to edit. */
function BrandKits({ brandKits, selectedCount, onOpenKit }: SettingsProps) {
  const chosen = brandKits.kits.find((kit) => kit.id === brandKits.chosenId)
  return (
    <section class="section" aria-label="Brand kits">
      <span class="section-title">Brand kits</span>
      <BrandKitField kits={brandKits} line={null} />
      {/* Its references selected; with none read (a kit of fonts only, or references moved or deleted, which its problems ask to fix there), the page itself. */}
      {chosen && (
        <div class="buttons">
          <Button secondary onClick={() => onOpenKit([...chosen.references.map((reference) => reference.layerId), chosen.id])}>
            Open the kit page
          </Button>
        </div>
      )}
      <MakeBrandKit kits={brandKits} selectedCount={selectedCount} />
    </section>
  )
}
