import { useEffect, useState } from 'preact/hooks'
import type { SelectedLayer } from '../../../common/selection'

/**
 * A choice for the current selection only ("Replace this image", the ratio
 * to expand to): it goes back to `initial` whenever the selection changes, so
 * it is always the designer's explicit choice and never a leftover from
 * another layer.
 */
export function useSelectionChoice<T>(selection: readonly SelectedLayer[], initial: T): [T, (value: T) => void] {
  const [value, setValue] = useState(initial)
  const selected = selection.map((layer) => layer.id).join(',')
  useEffect(() => setValue(initial), [selected, initial])
  return [value, setValue]
}
