import { Button, Textbox } from '@create-figma-plugin/ui'
import { useEffect, useRef, useState } from 'preact/hooks'
import type { FontInput } from '../../../common/domain'
import type { SelectedLayer } from '../../../common/selection'
import { FONT_INPUT_PRICE } from '../../models'
import { formatUsd } from '../../pricing'
import { MAX_FONT_TEXT_LENGTH, addTextToPrompt, fontInputProblems } from '../../fonts/font-input-problems'
import { resolveGoogleFontAsync } from '../../fonts/google-fonts'

interface FontInputsEditorProps {
  fonts: FontInput[]
  max: number
  prompt: string
  selection: SelectedLayer[]
  onChange: (fonts: FontInput[]) => void
  onPromptChange: (prompt: string) => void
}

/**
 * "Text in your font": up to two rows of font file link and text, so Riverflow sets
 * the designer's headline in the designer's typeface. A selected text layer
 * fills a row: its characters, and its font found through Google Fonts.
 */
export function FontInputsEditor(props: FontInputsEditorProps) {
  const textLayer = props.selection.find((layer) => layer.text)
  const [lookup, setLookup] = useState<{ row: number; message: string } | null>(null)
  const [busyRow, setBusyRow] = useState<number | null>(null)
  // A lookup ends after the panel may have drawn again: it changes the rows and settings as they are then.
  const latest = useRef(props)
  latest.current = props
  const mounted = useRef(true)
  useEffect(() => () => void (mounted.current = false), [])

  function update(index: number, change: Partial<FontInput>) {
    const { fonts, onChange } = latest.current
    onChange(fonts.map((font, i) => (i === index ? { ...font, ...change } : font)))
  }

  async function fillFromTextLayerAsync(index: number) {
    const text = textLayer?.text
    if (!text) return
    const characters = text.characters.slice(0, MAX_FONT_TEXT_LENGTH)
    update(index, { text: characters })
    if (!text.fontFamily || !text.fontStyle) {
      setLookup({ row: index, message: 'This text layer mixes several fonts. Paste the link to the one to use.' })
      return
    }
    setBusyRow(index)
    const found = await resolveGoogleFontAsync(text.fontFamily, text.fontStyle, characters)
    if (!mounted.current) return
    setBusyRow(null)
    // What the designer changed meanwhile stands: a row rewritten or removed since takes nothing.
    if (latest.current.fonts[index]?.text !== characters) return
    if (found.ok) {
      setLookup(null)
      update(index, { fontUrl: found.url })
    } else {
      setLookup({ row: index, message: found.message })
    }
  }

  return (
    <section class="field" aria-label="Text in a font">
      <div class="actions">
        <span class="field-label">
          Text in your font · {formatUsd(FONT_INPUT_PRICE)} each
        </span>
        {props.fonts.length < props.max && (
          <Button secondary onClick={() => props.onChange([...props.fonts, { fontUrl: '', text: '' }])}>
            Add a font
          </Button>
        )}
      </div>
      {props.fonts.map((font, index) => {
        const n = index + 1
        const problems = fontInputProblems(font, props.prompt)
        return (
          <div class="field font-row" key={index}>
            <Textbox aria-label={`Font ${n} link`} placeholder="Link to the font file (.ttf, .otf, .woff2)" value={font.fontUrl} onValueInput={(fontUrl: string) => update(index, { fontUrl })} />
            <Textbox aria-label={`Font ${n} text`} placeholder="Text to set in this font" value={font.text} onValueInput={(text: string) => update(index, { text })} />
            <div class="buttons">
              {textLayer && (
                <Button secondary loading={busyRow === index} onClick={() => fillFromTextLayerAsync(index)}>
                  Use the selected text’s font
                </Button>
              )}
              <Button secondary aria-label={`Remove font ${n}`} onClick={() => props.onChange(props.fonts.filter((_, i) => i !== index))}>
                Remove
              </Button>
            </div>
            {lookup?.row === index && <p class="muted" role="status">{lookup.message}</p>}
            {problems.map((problem) => (
              <p class="muted problem" key={problem.message}>
                {problem.message}{' '}
                {problem.missingFromPrompt && (
                  <button class="link-button" onClick={() => props.onPromptChange(addTextToPrompt(props.prompt, font.text))}>
                    Add it to the prompt
                  </button>
                )}
              </p>
            ))}
          </div>
        )
      })}
    </section>
  )
}
