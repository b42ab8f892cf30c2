import type { JSX } from 'preact'

export interface SelectOption<T extends string> {
  value: T
  label: string
}

interface SelectFieldProps<T extends string> {
  label: string
  value: T
  options: readonly SelectOption<T>[]
  onChange: (value: T) => void
  disabled?: boolean
  /** Name the select without showing the label, where the row around it already says what it is for. */
  hideLabel?: boolean
  /** Another class on the select, for its width in a row. */
  class?: string
}

/** A labelled native select: its label is its accessible name. */
export function SelectField<T extends string>(props: SelectFieldProps<T>): JSX.Element {
  const select = (
    <select
      class={props.class ? `select ${props.class}` : 'select'}
      aria-label={props.hideLabel ? props.label : undefined}
      value={props.value}
      disabled={props.disabled}
      onChange={(event) => props.onChange(event.currentTarget.value as T)}
    >
      {props.options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  )
  if (props.hideLabel) return select
  return (
    <label class="field">
      <span class="field-label">{props.label}</span>
      {select}
    </label>
  )
}
