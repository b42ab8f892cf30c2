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
}

/** A labelled native select: its label is its accessible name. */
export function SelectField<T extends string>(props: SelectFieldProps<T>): JSX.Element {
  return (
    <label class="field">
      <span class="field-label">{props.label}</span>
      <select
        class="select"
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
    </label>
  )
}
