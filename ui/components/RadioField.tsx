import { RadioButtons, Text } from '@create-figma-plugin/ui'
import type { JSX } from 'preact'
import type { SelectOption } from './SelectField'

interface RadioFieldProps<T extends string> {
  /** Names the group; each radio is named by its own option's label. */
  label: string
  value: T
  options: readonly SelectOption<T>[]
  onChange: (value: T) => void
}

/** Figma's radio buttons under a legend, so a screen reader hears the question with each answer. */
export function RadioField<T extends string>(props: RadioFieldProps<T>): JSX.Element {
  // One name makes the radios one group, so the arrow keys move between the answers.
  // RadioButtons hands its other props to each input, though it types them as a div's.
  const group = { name: props.label } as JSX.HTMLAttributes<HTMLDivElement>
  return (
    <fieldset class="field">
      <legend class="field-label">{props.label}</legend>
      <RadioButtons
        {...group}
        space="extraSmall"
        value={props.value}
        options={props.options.map((option) => ({ value: option.value, children: <Text>{option.label}</Text> }))}
        onValueChange={(value) => props.onChange(value as T)}
      />
    </fieldset>
  )
}
